package io.winloss.portal.action;

import java.util.List;

/**
 * An action as sent to {@code POST /api/actions} or typed into the form, before any checking: dates are text.
 * {@link ActionValidator} turns it into a {@link NewAction}.
 */
public record ActionInput(String title, String team, String ownerEmail, String startDate, String dueDate, String metric,
        List<String> themes, List<String> evidence, String hypothesis, String dealId, String segment) {

    public ActionInput {
        themes = themes == null ? List.of() : themes;
        evidence = evidence == null ? List.of() : evidence;
    }
}
