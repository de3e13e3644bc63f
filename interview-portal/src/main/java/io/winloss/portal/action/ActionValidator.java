package io.winloss.portal.action;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.winloss.nlp.tagging.Criterion;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one set of rules for an action, shared by the API and the form so both accept the same actions. It reports
 * every broken rule at once with API.md's field names, including those that need the store: the owner must be an
 * analyst or admin of the workspace (interviewers never see actions), and the deal and each piece of evidence must be
 * the workspace's own.
 */
@Component
class ActionValidator {

    static final int MAX_TEXT = 200;
    static final int MAX_HYPOTHESIS = 2000;
    static final int MAX_THEMES = 20;
    static final int MAX_EVIDENCE = 50;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final String TEAMS = Arrays.stream(Team.values()).map(Team::id).collect(Collectors.joining(", "));
    private static final String METRICS = Arrays.stream(Metric.values()).map(Metric::id).collect(Collectors.joining(", "));

    private final Users users;
    private final Deals deals;
    private final EvidenceQuotes evidence;

    ActionValidator(Users users, Deals deals, EvidenceQuotes evidence) {
        this.users = users;
        this.deals = deals;
        this.evidence = evidence;
    }

    /** The checked action, or {@link InvalidInput} listing every bad field; {@code startDate} defaults to {@code today}. */
    Mono<NewAction> validate(WorkspaceId workspace, ActionInput in, LocalDate today) {
        return Mono.defer(() -> {
            List<FieldError> errors = new ArrayList<>();
            String title = text(in.title(), "title", MAX_TEXT, errors);
            if (title == null) {
                errors.add(new FieldError("title", "is required"));
            } else if (CONTROL.matcher(title).find()) {
                errors.add(new FieldError("title", "must be one line"));
            }
            Team team = choice(in.team(), "team", Team::byId, TEAMS, errors);
            Metric metric = choice(in.metric(), "metric", Metric::byId, METRICS, errors);
            String ownerEmail = email(in.ownerEmail(), errors);
            LocalDate startDate = date(in.startDate(), "startDate", errors);
            boolean startGiven = blankToNull(in.startDate()) != null;
            if (startDate == null && !startGiven) {
                startDate = today;
            }
            LocalDate dueDate = date(in.dueDate(), "dueDate", errors);
            if (blankToNull(in.dueDate()) == null) {
                errors.add(new FieldError("dueDate", "is required (YYYY-MM-DD)"));
            } else if (dueDate != null && startDate != null && dueDate.isBefore(startDate)) {
                errors.add(new FieldError("dueDate", "must not be before startDate (" + startDate + ")"));
            }
            List<String> themes = themes(in.themes(), errors);
            Map<Integer, EvidenceId> evidenceIds = evidenceIds(in.evidence(), errors);
            String hypothesis = text(in.hypothesis(), "hypothesis", MAX_HYPOTHESIS, errors);
            String dealId = text(in.dealId(), "dealId", MAX_TEXT, errors);
            String segment = text(in.segment(), "segment", MAX_TEXT, errors);

            NewAction action = new NewAction(title, team, ownerEmail, startDate, dueDate, metric, themes,
                    evidenceIds.values().stream().map(EvidenceId::canonical).distinct().toList(), hypothesis, dealId, segment);
            return storeChecks(workspace, action, evidenceIds)
                    .collectList()
                    .map(found -> {
                        errors.addAll(found);
                        if (!errors.isEmpty()) {
                            throw new InvalidInput(errors);
                        }
                        return action;
                    });
        });
    }

    /** Checks the new owner of an existing action, for a change of owner. */
    Mono<String> owner(WorkspaceId workspace, String ownerEmail) {
        return Mono.defer(() -> {
            List<FieldError> errors = new ArrayList<>();
            String email = email(ownerEmail, errors);
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidInput(errors));
            }
            return ownerCheck(workspace, email)
                    .flatMap(error -> Mono.<String>error(new InvalidInput(List.of(error))))
                    .switchIfEmpty(Mono.just(email));
        });
    }

    private Flux<FieldError> storeChecks(WorkspaceId workspace, NewAction action, Map<Integer, EvidenceId> evidenceIds) {
        Flux<FieldError> owner = action.ownerEmail() == null ? Flux.empty() : ownerCheck(workspace, action.ownerEmail()).flux();
        Flux<FieldError> deal = action.dealId() == null ? Flux.empty()
                : deals.find(workspace, action.dealId()).then(Mono.<FieldError>empty())
                        .onErrorResume(NotFound.class, e -> Mono.just(new FieldError("dealId", "no such deal in this workspace")))
                        .flux();
        Flux<FieldError> quotes = Flux.fromIterable(evidenceIds.entrySet())
                .concatMap(e -> evidence.exists(workspace, e.getValue())
                        .flatMap(exists -> exists ? Mono.<FieldError>empty() : Mono.just(new FieldError("evidence[" + e.getKey() + "]",
                                "no such sentence or response in this workspace: " + e.getValue().canonical()))));
        return Flux.concat(owner, deal, quotes);
    }

    private Mono<FieldError> ownerCheck(WorkspaceId workspace, String email) {
        return users.findByEmail(workspace, email)
                .map(user -> user.role() == Role.INTERVIEWER
                        ? Optional.of(new FieldError("ownerEmail", "must be an analyst or admin: interviewers do not see actions"))
                        : Optional.<FieldError>empty())
                .defaultIfEmpty(Optional.of(new FieldError("ownerEmail", "must be a user of this workspace")))
                .flatMap(Mono::justOrEmpty);
    }

    /**
     * Themes as the themes page names them, {@code kind:name}: {@code criterion:<id>} with a known criterion id,
     * {@code competitor:<name>}, {@code keyPhrase:<phrase>} ({@code phrase:} is accepted and stored as {@code keyPhrase:}).
     */
    static List<String> themes(List<String> given, List<FieldError> errors) {
        if (given.size() > MAX_THEMES) {
            errors.add(new FieldError("themes", "at most " + MAX_THEMES + " themes"));
            return List.of();
        }
        Set<String> themes = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "themes[" + i + "]";
            String theme = blankToNull(given.get(i));
            int colon = theme == null ? -1 : theme.indexOf(':');
            if (colon <= 0 || colon == theme.length() - 1) {
                errors.add(new FieldError(field, "must be kind:name, such as criterion:price, competitor:HubSpot or keyPhrase:onboarding"));
                continue;
            }
            String kind = theme.substring(0, colon).strip();
            String name = theme.substring(colon + 1).strip();
            if (name.length() > MAX_TEXT || CONTROL.matcher(name).find()) {
                errors.add(new FieldError(field, "the name must be one line of at most " + MAX_TEXT + " characters"));
                continue;
            }
            switch (kind) {
                case "criterion" -> {
                    if (Criterion.byId(name).isEmpty()) {
                        errors.add(new FieldError(field, "unknown criterion '" + name + "'; one of "
                                + Arrays.stream(Criterion.values()).map(Criterion::id).collect(Collectors.joining(", "))));
                    } else {
                        themes.add("criterion:" + name);
                    }
                }
                case "competitor" -> themes.add("competitor:" + name);
                case "keyPhrase", "phrase" -> themes.add("keyPhrase:" + name);
                default -> errors.add(new FieldError(field, "the kind must be criterion, competitor or keyPhrase, was '" + kind + "'"));
            }
        }
        return List.copyOf(themes);
    }

    /** The parsed ids by their position in the request, so a store check names the right {@code evidence[i]}. */
    private static Map<Integer, EvidenceId> evidenceIds(List<String> given, List<FieldError> errors) {
        if (given.size() > MAX_EVIDENCE) {
            errors.add(new FieldError("evidence", "at most " + MAX_EVIDENCE + " quotes"));
            return Map.of();
        }
        Map<Integer, EvidenceId> ids = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Optional<EvidenceId> id = EvidenceId.parse(given.get(i));
            if (id.isEmpty()) {
                errors.add(new FieldError("evidence[" + i + "]",
                        "must be a sentence id (interview:<id>#<index>, response:<id>#<question>) or a response id"));
            } else {
                ids.put(i, id.get());
            }
        }
        return ids;
    }

    private static <T> T choice(String value, String field, java.util.function.Function<String, Optional<T>> byId,
            String allowed, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            errors.add(new FieldError(field, "is required (one of " + allowed + ")"));
            return null;
        }
        Optional<T> found = byId.apply(text);
        if (found.isEmpty()) {
            errors.add(new FieldError(field, "must be one of " + allowed));
        }
        return found.orElse(null);
    }

    private static String email(String value, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            errors.add(new FieldError("ownerEmail", "is required"));
            return null;
        }
        if (text.length() > 254 || !EMAIL.matcher(text).matches()) {
            errors.add(new FieldError("ownerEmail", "must be an email address"));
            return null;
        }
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    static LocalDate date(String value, String field, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1970 || date.getYear() > 2200) {
                errors.add(new FieldError(field, "must be a date between 1970 and 2200"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    static String text(String value, String field, int max, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text != null && text.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return text;
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
