package io.winloss.portal.action;

import java.util.Arrays;
import java.util.List;

/**
 * The new-action form's fields as typed, kept as text so a refused form shows back what was entered. Themes are one a
 * line ({@code criterion:price}); evidence is the ids of the quotes left ticked.
 */
public record ActionForm(String title, String team, String ownerEmail, String startDate, String dueDate, String metric,
        String themes, List<String> evidence, String hypothesis, String dealId, String segment) {

    public ActionForm {
        evidence = evidence == null ? List.of() : evidence.stream().filter(e -> e != null && !e.isBlank()).distinct().toList();
    }

    /** The form as the pages open it: from a theme, quotes or a deal (query parameters), owned by the viewer. */
    static ActionForm prefilled(List<String> themes, List<String> evidence, String dealId, String owner, String today) {
        return new ActionForm(null, null, owner, today, null, "winRate",
                themes == null ? "" : String.join("\n", themes.stream().filter(t -> t != null && !t.isBlank()).toList()),
                evidence, null, dealId, null);
    }

    /** The same form with this hypothesis, as a post-mortem's root cause fills it in. */
    ActionForm withHypothesis(String text) {
        return new ActionForm(title, team, ownerEmail, startDate, dueDate, metric, themes, evidence, text, dealId, segment);
    }

    ActionInput toInput() {
        List<String> themeList = themes == null ? List.of()
                : Arrays.stream(themes.split("\\R")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new ActionInput(title, team, ownerEmail, startDate, dueDate, metric, themeList, evidence, hypothesis,
                dealId, segment);
    }
}
