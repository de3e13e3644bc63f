package io.winloss.portal.crm;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.winloss.portal.deal.DealInput;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/**
 * The CRM webhook (API.md, "Programs, CRM events, actions"): a deal pushed by a CRM workflow, authenticated by its
 * signature alone, no user credentials ({@link WebhookSecurity} lets it through). The workspace is named by the URL
 * ({@code /api/webhooks/crm/{workspaceId}}, the form to give CRMs) or by an {@code X-Workspace} header on
 * {@code /api/webhooks/crm}; both may be sent if they agree.
 */
@ApiController("/api/webhooks/crm")
@Tag(name = "CRM events", description = "Deals pushed by a CRM, signed with the workspace's webhook secret.")
class CrmWebhookApi {

    /** The deal taken: its id in the portal, the CRM's external id, and whether it was new. */
    record AcceptedJson(String dealId, String externalId, String outcome, boolean created) {
    }

    record ErrorsJson(List<io.winloss.portal.web.FieldError> errors) {
    }

    private final CrmEvents crmEvents;
    private final Clock clock;

    @Autowired
    CrmWebhookApi(CrmEvents crmEvents) {
        this(crmEvents, Clock.systemUTC());
    }

    CrmWebhookApi(CrmEvents crmEvents, Clock clock) {
        this.crmEvents = crmEvents;
        this.clock = clock;
    }

    @PostMapping
    @SecurityRequirements
    @Operation(summary = "Take a deal from a CRM (workspace in the X-Workspace header)",
            description = "The body is a deal exactly as for POST /api/deals; the same externalId again updates that deal. "
                    + "X-Signature is sha256=<hex HMAC-SHA256 of the raw body> keyed with the workspace's webhook secret; with "
                    + "X-Timestamp (Unix seconds) the signed message is timestamp + \".\" + body and must be less than 5 minutes old. "
                    + "A bad or missing signature or an unknown workspace answers 401, a signed event received before 409; "
                    + "nothing is stored in either case.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = DealInput.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "a new deal was stored"),
                    @ApiResponse(responseCode = "200", description = "the deal with this externalId was updated"),
                    @ApiResponse(responseCode = "400", description = "signed, but not a valid deal: {\"errors\":[{field,message}]}"),
                    @ApiResponse(responseCode = "401", description = "missing or bad signature, or unknown workspace"),
                    @ApiResponse(responseCode = "409", description = "this signed event was received before")})
    Mono<ResponseEntity<Object>> receive(
            @Parameter(in = ParameterIn.HEADER, name = "X-Workspace", description = "the workspace id", required = true)
            @RequestHeader(name = "X-Workspace", required = false) String workspace,
            @Parameter(in = ParameterIn.HEADER, name = EventSignature.HEADER, description = "sha256=<hex>", required = true)
            @RequestHeader(name = EventSignature.HEADER, required = false) String signature,
            @Parameter(in = ParameterIn.HEADER, name = EventSignature.TIMESTAMP_HEADER, description = "optional: Unix seconds, covered by the signature")
            @RequestHeader(name = EventSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            ServerWebExchange exchange) {
        return take(workspace, null, signature, timestamp, exchange);
    }

    @PostMapping("/{workspaceId}")
    @SecurityRequirements
    @Operation(summary = "Take a deal from a CRM (workspace in the URL)",
            description = "As POST /api/webhooks/crm, with the workspace id in the URL: the URL to configure in a CRM. "
                    + "An X-Workspace header, if sent too, must name the same workspace.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = DealInput.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "a new deal was stored"),
                    @ApiResponse(responseCode = "200", description = "the deal with this externalId was updated"),
                    @ApiResponse(responseCode = "400", description = "signed, but not a valid deal"),
                    @ApiResponse(responseCode = "401", description = "missing or bad signature, or unknown workspace"),
                    @ApiResponse(responseCode = "409", description = "this signed event was received before")})
    Mono<ResponseEntity<Object>> receiveForWorkspace(@PathVariable String workspaceId,
            @Parameter(in = ParameterIn.HEADER, name = "X-Workspace", description = "optional; must match the URL")
            @RequestHeader(name = "X-Workspace", required = false) String workspace,
            @Parameter(in = ParameterIn.HEADER, name = EventSignature.HEADER, description = "sha256=<hex>", required = true)
            @RequestHeader(name = EventSignature.HEADER, required = false) String signature,
            @Parameter(in = ParameterIn.HEADER, name = EventSignature.TIMESTAMP_HEADER, description = "optional: Unix seconds, covered by the signature")
            @RequestHeader(name = EventSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            ServerWebExchange exchange) {
        return take(workspace, workspaceId, signature, timestamp, exchange);
    }

    private Mono<ResponseEntity<Object>> take(String header, String path, String signature, String timestamp,
            ServerWebExchange exchange) {
        String remote = remoteAddress(exchange);
        return DataBufferUtils.join(exchange.getRequest().getBody(), CrmEvents.MAX_BODY)
                .map(CrmWebhookApi::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    Instant now = clock.instant();
                    return crmEvents.receive(new CrmEvents.Delivery(header, path, signature, timestamp, body, remote), now);
                })
                .onErrorResume(DataBufferLimitException.class,
                        e -> crmEvents.tooLarge(new CrmEvents.Delivery(header, path, null, null, new byte[0], remote)))
                .map(CrmWebhookApi::response);
    }

    private static ResponseEntity<Object> response(CrmEvents.Answer answer) {
        if (answer instanceof CrmEvents.Accepted a) {
            return ResponseEntity.status(a.created() ? 201 : 200)
                    .body(new AcceptedJson(a.deal().id(), a.deal().externalId(), a.deal().outcome().id(), a.created()));
        }
        if (answer instanceof CrmEvents.Invalid i) {
            return ResponseEntity.badRequest().body(new ErrorsJson(i.errors()));
        }
        CrmEvents.Refused r = (CrmEvents.Refused) answer;
        return ResponseEntity.status(r.status()).body(Map.of("message", r.message()));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress address = exchange.getRequest().getRemoteAddress();
        if (address == null) {
            return "-";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
