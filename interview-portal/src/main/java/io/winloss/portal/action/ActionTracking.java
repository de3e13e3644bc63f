package io.winloss.portal.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * What the action API and pages do, once for both: create a checked action, change it, record a review with the
 * metric as it stands, and read an action with its metric before and since its start.
 */
@Component
class ActionTracking {

    static final int MAX_NOTES = 5000;

    /** An action with its metric before and since its start date, as of one day. */
    record Measured(Action action, MetricEffect effect) {
    }

    private final Actions actions;
    private final ActionValidator validator;
    private final ActionMetrics metrics;

    ActionTracking(Actions actions, ActionValidator validator, ActionMetrics metrics) {
        this.actions = actions;
        this.validator = validator;
        this.metrics = metrics;
    }

    Actions actions() {
        return actions;
    }

    Mono<Action> create(Staff staff, ActionInput input, Instant now) {
        return validator.validate(staff.workspace(), input, LocalDate.ofInstant(now, ZoneOffset.UTC))
                .flatMap(action -> actions.create(staff.workspace(), action, staff.email(), now));
    }

    Mono<Measured> measured(WorkspaceId workspace, String id, LocalDate today) {
        return actions.find(workspace, id)
                .flatMap(action -> metrics.measure(workspace, action, today).map(effect -> new Measured(action, effect)));
    }

    /** Changes status, owner or due date; every bad field is reported at once, and nothing changes then. */
    Mono<Action> change(WorkspaceId workspace, String id, String status, String ownerEmail, String dueDate, Instant now) {
        return actions.find(workspace, id).flatMap(action -> {
            List<FieldError> errors = new ArrayList<>();
            ActionStatus newStatus = null;
            if (status != null) {
                newStatus = ActionStatus.byId(status).orElse(null);
                if (newStatus == null) {
                    errors.add(new FieldError("status", "must be one of open, in_progress, done, dropped"));
                }
            }
            LocalDate newDue = null;
            if (dueDate != null) {
                newDue = ActionValidator.date(dueDate, "dueDate", errors);
                if (newDue == null && errors.stream().noneMatch(e -> e.field().equals("dueDate"))) {
                    errors.add(new FieldError("dueDate", "must be a date as YYYY-MM-DD"));
                } else if (newDue != null && newDue.isBefore(action.startDate())) {
                    errors.add(new FieldError("dueDate", "must not be before startDate (" + action.startDate() + ")"));
                }
            }
            if (status == null && ownerEmail == null && dueDate == null) {
                errors.add(new FieldError("body", "give status, ownerEmail or dueDate to change"));
            }
            Mono<String> owner = ownerEmail == null ? Mono.just("")
                    : validator.owner(workspace, ownerEmail)
                            .onErrorResume(InvalidInput.class, e -> {
                                errors.addAll(e.errors());
                                return Mono.just("");
                            });
            ActionStatus checkedStatus = newStatus;
            LocalDate checkedDue = newDue;
            return owner.flatMap(email -> {
                if (!errors.isEmpty()) {
                    return Mono.error(new InvalidInput(errors));
                }
                return actions.change(workspace, id, new ActionChange(checkedStatus, email.isEmpty() ? null : email, checkedDue), now);
            });
        });
    }

    /**
     * Records review {@code n} with the metric as it stands today. A review number other than 1, 2 or 3 is not found;
     * a bad status or over-long notes are refused.
     */
    Mono<Action> recordReview(Staff staff, String id, String n, String status, String notes, Instant now, LocalDate today) {
        int number;
        try {
            number = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return Mono.error(new NotFound("review"));
        }
        if (number < 1 || number > Review.NAMES.size()) {
            return Mono.error(new NotFound("review"));
        }
        List<FieldError> errors = new ArrayList<>();
        ReviewStatus reviewStatus = ReviewStatus.byId(status).filter(ReviewStatus.RECORDABLE::contains).orElse(null);
        if (reviewStatus == null) {
            errors.add(new FieldError("status", "must be one of on_track, off_track, too_early"));
        }
        String text = ActionValidator.text(notes, "notes", MAX_NOTES, errors);
        return measured(staff.workspace(), id, today).flatMap(m -> {
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidInput(errors));
            }
            return actions.recordReview(staff.workspace(), id, number, reviewStatus, text, staff.email(), m.effect(), now);
        });
    }
}
