package io.winloss.portal.postmortem;

import java.util.ArrayList;
import java.util.List;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/** The rules of a post-mortem, the same for the API and the page: every broken rule is reported at once, nothing saved. */
final class PostMortemValidator {

    static final int MAX_TEXT = 2000;
    static final int MAX_WHYS = 5;
    static final int MAX_ROOT_CAUSES = 10;

    private PostMortemValidator() {
    }

    /** Blank "why?" answers are dropped, the others keep their order. */
    static FiveWhys validate(PostMortemInput input) {
        List<FieldError> errors = new ArrayList<>();
        String problem = blank(input.problem()) ? null : input.problem().strip();
        if (problem == null) {
            errors.add(new FieldError("problem", "is required: say what went wrong, in one or two sentences"));
        } else if (problem.length() > MAX_TEXT) {
            errors.add(new FieldError("problem", "must be at most " + MAX_TEXT + " characters"));
        }
        List<String> whys = new ArrayList<>();
        for (int i = 0; i < input.whys().size(); i++) {
            String why = input.whys().get(i);
            if (blank(why)) {
                continue;
            }
            if (why.strip().length() > MAX_TEXT) {
                errors.add(new FieldError("whys[" + i + "]", "must be at most " + MAX_TEXT + " characters"));
            }
            whys.add(why.strip());
        }
        if (whys.size() > MAX_WHYS) {
            errors.add(new FieldError("whys", "at most " + MAX_WHYS + " answers to \"why?\""));
        }
        List<RootCause> causes = new ArrayList<>();
        for (int i = 0; i < input.rootCauses().size(); i++) {
            PostMortemInput.RootCauseInput cause = input.rootCauses().get(i);
            String field = "rootCauses[" + i + "].";
            if (cause == null) {
                errors.add(new FieldError("rootCauses[" + i + "]", "must be a root cause with a cause and a category"));
                continue;
            }
            String text = blank(cause.cause()) ? null : cause.cause().strip();
            if (text == null) {
                errors.add(new FieldError(field + "cause", "is required"));
            } else if (text.length() > MAX_TEXT) {
                errors.add(new FieldError(field + "cause", "must be at most " + MAX_TEXT + " characters"));
            }
            RootCauseCategory category = RootCauseCategory.byId(cause.category()).orElse(null);
            if (category == null) {
                errors.add(new FieldError(field + "category", "must be one of " + RootCauseCategory.ids()));
            }
            if (text != null && category != null) {
                causes.add(new RootCause(text, category));
            }
        }
        if (input.rootCauses().size() > MAX_ROOT_CAUSES) {
            errors.add(new FieldError("rootCauses", "at most " + MAX_ROOT_CAUSES + " root causes"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new FiveWhys(problem, whys, causes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
