package io.winloss.portal.crm;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.DealInput;
import io.winloss.portal.deal.DealValidator;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.deal.NewDeal;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a deal pushed by a CRM: checks that it is signed with the named workspace's webhook secret
 * ({@link EventSignature}), that it was not taken before ({@link SeenEvents}) and that it is a valid deal
 * ({@link DealValidator}, as for {@code POST /api/deals}), then saves it with {@link Deals#save}, so the same external
 * id updates the deal and every rule that follows a saved deal applies. Anything refused changes no deal.
 *
 * <p>Every refusal is logged with the workspace (when one was named), the reason and the remote address, never the
 * secret or the signature; events of a workspace with a secret are also listed on its webhooks page
 * ({@link WebhookEvents}). The caller learns only the status: a bad signature, a missing one and an unknown workspace
 * all answer the same 401, so the webhook tells nobody which workspaces exist.
 */
@Component
class CrmEvents {

    private static final Logger log = LoggerFactory.getLogger(CrmEvents.class);

    /** A deal is a few kilobytes; 256 KB leaves room for long reasons and 50 contacts, and bounds unsigned reads. */
    static final int MAX_BODY = 256 * 1024;

    /** The one answer to every signature problem, so a caller learns nothing about which check failed. */
    static final String UNAUTHORIZED = "the event is not signed with the workspace's webhook secret: send "
            + "X-Signature: sha256=<hex HMAC-SHA256 of the body> and name the workspace with X-Workspace or "
            + "/api/webhooks/crm/{workspaceId}";
    static final String REPLAYED = "this signed event was received before; nothing changed";

    /**
     * One request as a CRM sent it.
     *
     * @param workspaceHeader the {@code X-Workspace} header, or null
     * @param workspacePath   the workspace id in the URL ({@code /api/webhooks/crm/{workspaceId}}), or null
     * @param remote          the caller's address, for the log
     */
    record Delivery(String workspaceHeader, String workspacePath, String signature, String timestamp, byte[] body,
            String remote) {

        @Override
        public String toString() {
            return "Delivery[workspace=" + safe(workspacePath != null ? workspacePath : workspaceHeader) + ", remote=" + remote + "]";
        }
    }

    /** What the CRM is answered. */
    sealed interface Answer permits Accepted, Refused, Invalid {
    }

    /** The deal is stored: {@code created} when it is new, otherwise the deal with the same external id was updated. */
    record Accepted(Deal deal, boolean created) implements Answer {
    }

    /** 401 (signature), 409 (replay) or 413 (too large), with a message that reveals nothing more. */
    record Refused(int status, String message) implements Answer {
    }

    /** 400: signed, but not a valid deal; the errors are those of {@code POST /api/deals}. */
    record Invalid(List<FieldError> errors) implements Answer {
    }

    private final WebhookSecrets secrets;
    private final SeenEvents seen;
    private final WebhookEvents events;
    private final Deals deals;
    private final Workspaces workspaces;
    private final JsonMapper json;

    CrmEvents(WebhookSecrets secrets, SeenEvents seen, WebhookEvents events, Deals deals, Workspaces workspaces, JsonMapper json) {
        this.secrets = secrets;
        this.seen = seen;
        this.events = events;
        this.deals = deals;
        this.workspaces = workspaces;
        this.json = json;
    }

    /** Checks and takes one event as of {@code now}. */
    Mono<Answer> receive(Delivery delivery, Instant now) {
        String header = blankToNull(delivery.workspaceHeader());
        String path = blankToNull(delivery.workspacePath());
        if (header == null && path == null) {
            return refuseUnknown(null, "no workspace named (X-Workspace header or /api/webhooks/crm/{workspaceId})", delivery);
        }
        if (header != null && path != null && !header.equals(path)) {
            return refuseUnknown(path, "X-Workspace names another workspace than the URL (" + safe(header) + ")", delivery);
        }
        String named = path != null ? path : header;
        if (named.length() > 100) {
            return refuseUnknown(named, "unknown workspace", delivery);
        }
        WorkspaceId workspace = new WorkspaceId(named);
        return secrets.keysAt(workspace, now)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(keys -> keys.isPresent() ? verify(workspace, keys.get(), delivery, now) : withoutSecret(workspace, delivery, now));
    }

    /** Answers a body over {@link #MAX_BODY}, read before anything could be checked. */
    Mono<Answer> tooLarge(Delivery delivery) {
        log.warn("CRM event rejected: workspace={} reason=body larger than {} bytes remote={}",
                safe(delivery.workspacePath() != null ? delivery.workspacePath() : delivery.workspaceHeader()), MAX_BODY, delivery.remote());
        return Mono.just(new Refused(413, "the event is larger than " + MAX_BODY / 1024 + " KB"));
    }

    private Mono<Answer> withoutSecret(WorkspaceId workspace, Delivery delivery, Instant now) {
        return workspaces.find(workspace).hasElement().flatMap(exists -> exists
                ? refuse(workspace, now, 401, UNAUTHORIZED, "no webhook secret set: an admin creates one on the webhooks page", null, delivery)
                : refuseUnknown(workspace.value(), "unknown workspace", delivery));
    }

    private Mono<Answer> verify(WorkspaceId workspace, WebhookSecrets.Keys keys, Delivery delivery, Instant now) {
        EventSignature.Check check = EventSignature.check(keys.secrets(), delivery.signature(), delivery.timestamp(), delivery.body(), now);
        if (check instanceof EventSignature.Invalid invalid) {
            return refuse(workspace, now, 401, UNAUTHORIZED, invalid.reason(), null, delivery);
        }
        EventSignature.Valid valid = (EventSignature.Valid) check;
        DealInput input;
        try {
            input = json.readValue(delivery.body(), DealInput.class);
        } catch (JacksonException e) {
            input = null;
        }
        if (input == null) {
            List<FieldError> errors = List.of(new FieldError("body", "must be a JSON object with the fields of a deal"));
            return invalid(workspace, now, errors, null, delivery);
        }
        NewDeal deal;
        try {
            deal = DealValidator.validate(input);
        } catch (InvalidInput e) {
            return invalid(workspace, now, e.errors(), input.externalId(), delivery);
        }
        String eventId = SeenEvents.idOf(valid.mac(), delivery.body());
        String externalId = deal.externalId();
        return seen.claim(workspace, eventId, now).flatMap(isNew -> {
            if (!isNew) {
                return refuse(workspace, now, 409, REPLAYED, "replayed event", externalId, delivery);
            }
            return deals.save(workspace, deal)
                    .onErrorResume(e -> seen.release(workspace, eventId).then(Mono.error(e)))
                    .flatMap(saved -> {
                        String how = (saved.created() ? "created" : "updated")
                                + (valid.secretIndex() > 0 ? ", signed with the previous secret" : "");
                        log.info("CRM event accepted: workspace={} deal={} {} remote={}", workspace.value(), saved.deal().id(), how,
                                delivery.remote());
                        return events.record(workspace, now, true, saved.created() ? 201 : 200, how, externalId, saved.deal().id())
                                .thenReturn(new Accepted(saved.deal(), saved.created()));
                    });
        });
    }

    private Mono<Answer> invalid(WorkspaceId workspace, Instant now, List<FieldError> errors, String externalId, Delivery delivery) {
        String reason = "invalid deal: " + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        log.warn("CRM event rejected: workspace={} reason={} remote={}", workspace.value(), reason, delivery.remote());
        return events.record(workspace, now, false, 400, abbreviate(reason), abbreviate(externalId), null)
                .thenReturn(new Invalid(errors));
    }

    private Mono<Answer> refuse(WorkspaceId workspace, Instant now, int status, String message, String reason, String externalId,
            Delivery delivery) {
        log.warn("CRM event rejected: workspace={} reason={} remote={}", workspace.value(), reason, delivery.remote());
        return events.record(workspace, now, false, status, reason, externalId, null).thenReturn(new Refused(status, message));
    }

    /** A refusal for a workspace that cannot be shown the event (none named, or unknown): logged only. */
    private Mono<Answer> refuseUnknown(String named, String reason, Delivery delivery) {
        log.warn("CRM event rejected: workspace={} reason={} remote={}", named == null ? "-" : safe(named), reason, delivery.remote());
        return Mono.just(new Refused(401, UNAUTHORIZED));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A caller-chosen id made safe for one log line: letters, digits, '-' and '_' only, at most 64 of them. */
    static String safe(String claimed) {
        if (claimed == null) {
            return "-";
        }
        String kept = claimed.replaceAll("[^A-Za-z0-9_-]", "?");
        return kept.length() > 64 ? kept.substring(0, 64) + "…" : kept;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
