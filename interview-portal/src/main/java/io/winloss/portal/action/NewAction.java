package io.winloss.portal.action;

import java.time.LocalDate;
import java.util.List;

/** A checked action, ready to store: every rule of {@link ActionValidator} holds. */
record NewAction(String title, Team team, String ownerEmail, LocalDate startDate, LocalDate dueDate, Metric metric,
        List<String> themes, List<String> evidence, String hypothesis, String dealId, String segment) {
}
