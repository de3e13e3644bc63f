package io.winloss.portal.postmortem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.winloss.portal.account.Staff;
import io.winloss.portal.csv.CsvImport;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.web.ApiController;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A deal's touchpoints for CRMs and scripts: add one or many, list, delete, and import a CSV of many deals'. Analysts
 * and admins only (interviewers 403); another workspace's deal is 404.
 */
@ApiController
@PreAuthorize("hasRole('ANALYST')")
@Tag(name = "Post-mortems", description = "A deal's touchpoints, its five whys and root causes, and how participants rated its post-mortem.")
class TouchpointApi {

    /** A touchpoint as the API shows it: {@code date} as sent (a date, or a date-time in UTC), {@code type} its id. */
    record TouchpointJson(String id, String dealId, String date, String type, String summary, String owner, Instant createdAt) {

        static TouchpointJson of(Touchpoint t) {
            return new TouchpointJson(t.id(), t.dealId(), t.date().iso(), t.type().id(), t.summary(), t.owner(), t.createdAt());
        }
    }

    record TouchpointList(List<TouchpointJson> items) {
    }

    /** A request adds at most this many; a CSV import takes any number. */
    static final int MAX_PER_REQUEST = 1000;

    private final Touchpoints touchpoints;
    private final TouchpointImport touchpointImport;
    private final Deals deals;

    TouchpointApi(Touchpoints touchpoints, TouchpointImport touchpointImport, Deals deals) {
        this.touchpoints = touchpoints;
        this.touchpointImport = touchpointImport;
        this.deals = deals;
    }

    @Operation(summary = "Add touchpoints to a deal",
            description = "One touchpoint object or an array of them: `date` (ISO date or date-time), `type` (email, call, "
                    + "meeting, demo, proposal, negotiation, other; any case), `summary` (up to 2,000 characters), `owner` "
                    + "(optional email or name). All are checked before any is stored. A touchpoint with the same deal, date, "
                    + "type and summary as a stored one updates it instead of adding another. Answers what was stored: an "
                    + "object for an object, an array for an array.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(oneOf = {TouchpointInput.class, TouchpointInput[].class}))),
            responses = @ApiResponse(responseCode = "201", description = "stored", content = @Content(
                    schema = @Schema(oneOf = {TouchpointJson.class, TouchpointJson[].class}))))
    @PostMapping(path = "/api/deals/{id}/touchpoints", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> add(Staff staff, @PathVariable String id, @RequestBody JsonNode body) {
        return Mono.fromCallable(() -> validate(body))
                .flatMap(valid -> touchpoints.add(staff.workspace(), id, valid)
                        .map(stored -> {
                            List<TouchpointJson> json = stored.stream().map(TouchpointJson::of).toList();
                            Object answer = body.isArray() ? json : json.get(0);
                            return ResponseEntity.status(HttpStatus.CREATED).body(answer);
                        }));
    }

    @Operation(summary = "The deal's touchpoints, earliest first")
    @GetMapping("/api/deals/{id}/touchpoints")
    Mono<TouchpointList> list(Staff staff, @PathVariable String id) {
        return deals.find(staff.workspace(), id)
                .thenMany(touchpoints.forDeal(staff.workspace(), id))
                .map(TouchpointJson::of)
                .collectList()
                .map(TouchpointList::new);
    }

    @Operation(summary = "Delete one touchpoint of the deal", responses = @ApiResponse(responseCode = "204", description = "deleted"))
    @DeleteMapping("/api/deals/{id}/touchpoints/{touchpointId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Staff staff, @PathVariable String id, @PathVariable String touchpointId) {
        return deals.find(staff.workspace(), id).then(touchpoints.delete(staff.workspace(), id, touchpointId));
    }

    @Operation(summary = "Import touchpoints from a CSV file",
            description = "Header line naming `dealId` or `externalId`, `date`, `type`, `summary` and optionally `owner`. "
                    + "Good lines import even when others are rejected (each with its line number); lines naming a "
                    + "touchpoint already stored update it, so importing the same file again adds nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = "string", example = "externalId,date,type,summary,owner\n"
                            + "SF-0042,2026-02-03,call,Discovery call with the CFO,ann@vendor.example\n"))))
    @PostMapping(path = "/api/touchpoints/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Mono<CsvImport.Report> importCsv(Staff staff, ServerWebExchange exchange) {
        return touchpointImport.importCsv(staff.workspace(), exchange.getRequest().getBody(), null);
    }

    /** Reads and checks every touchpoint of the body, reporting all broken rules at once; nothing is stored on any. */
    static List<NewTouchpoint> validate(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        boolean array = body != null && body.isArray();
        if (array) {
            body.forEach(items::add);
        } else if (body != null && body.isObject()) {
            items.add(body);
        } else {
            throw new InvalidInput("body", "must be a touchpoint object or an array of them");
        }
        if (items.isEmpty()) {
            throw new InvalidInput("body", "no touchpoint given");
        }
        if (items.size() > MAX_PER_REQUEST) {
            throw new InvalidInput("body", "at most " + MAX_PER_REQUEST + " touchpoints per request; import a CSV file for more");
        }
        List<FieldError> errors = new ArrayList<>();
        List<NewTouchpoint> valid = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String prefix = array ? "[" + i + "]." : "";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                errors.add(new FieldError(array ? "[" + i + "]" : "body", "must be a touchpoint object"));
                continue;
            }
            try {
                valid.add(TouchpointValidator.validate(new TouchpointInput(text(item, "date"), text(item, "type"),
                        text(item, "summary"), text(item, "owner")), prefix));
            } catch (InvalidInput e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return valid;
    }

    /** A field as text: a number or a boolean as written, an object or array as its JSON (which no rule accepts). */
    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}
