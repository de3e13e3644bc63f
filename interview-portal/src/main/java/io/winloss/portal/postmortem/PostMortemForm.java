package io.winloss.portal.postmortem;

import java.util.ArrayList;
import java.util.List;

/**
 * The five-whys form as typed, kept as text so a refused form shows back what was entered: the problem, five "why?"
 * fields, and parallel rows of root cause and category (the saved ones plus {@value #SPARE_ROWS} empty rows).
 */
public record PostMortemForm(String problem, List<String> why, List<String> cause, List<String> category) {

    static final int SPARE_ROWS = 2;

    public PostMortemForm {
        why = why == null ? List.of() : why;
        cause = cause == null ? List.of() : cause;
        category = category == null ? List.of() : category;
    }

    static PostMortemForm of(PostMortem p) {
        return new PostMortemForm(p.problem(), p.whys(),
                p.rootCauses().stream().map(RootCause::cause).toList(),
                p.rootCauses().stream().map(c -> c.category().id()).toList()).withSpareRows();
    }

    public String why(int i) {
        return i < why.size() ? why.get(i) : null;
    }

    public int rootCauseRows() {
        return Math.max(cause.size(), category.size());
    }

    public String cause(int i) {
        return i < cause.size() ? cause.get(i) : null;
    }

    public String category(int i) {
        return i < category.size() ? category.get(i) : null;
    }

    /** Drops empty root cause rows and adds spare ones, up to the most a post-mortem may have. */
    PostMortemForm withSpareRows() {
        List<String> causes = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < rootCauseRows(); i++) {
            if (!blank(cause(i))) {
                causes.add(cause(i));
                categories.add(category(i));
            }
        }
        for (int i = 0; i < SPARE_ROWS && causes.size() < PostMortemValidator.MAX_ROOT_CAUSES; i++) {
            causes.add("");
            categories.add("");
        }
        return new PostMortemForm(problem, why, causes, categories);
    }

    /** The input the validator reads: every "why?" field (blank ones are dropped there), the rows with a cause. */
    PostMortemInput toInput() {
        List<PostMortemInput.RootCauseInput> causes = new ArrayList<>();
        for (int i = 0; i < rootCauseRows(); i++) {
            if (!blank(cause(i))) {
                causes.add(new PostMortemInput.RootCauseInput(cause(i), category(i)));
            }
        }
        return new PostMortemInput(problem, why, causes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
