package io.winloss.portal.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.Conflict;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * The admin's survey builder: one plain form holding the whole survey. Add, remove and move buttons post
 * the form and get it back rearranged (nothing stored); "Save" stores it as a new version.
 * Admins only: {@code /admin/**} requires ADMIN.
 */
@Controller
class SurveyBuilderController {

    static final String VIEW = "admin/survey";

    /** One question as the builder edits it; choices are one per line, {@code value: Label} or just a label. */
    record QuestionEdit(String id, String prompt, String type, boolean required, String choices) {

        static QuestionEdit of(Question q) {
            StringBuilder lines = new StringBuilder();
            q.choices().forEach(c -> lines.append(c.value()).append(": ").append(c.label()).append('\n'));
            return new QuestionEdit(q.id(), q.prompt(), q.type().id(), q.required(), lines.toString().strip());
        }

        Question toQuestion() {
            QuestionType t = QuestionType.byId(type).orElse(QuestionType.FREE_TEXT);
            List<Choice> parsed = new ArrayList<>();
            if (t.hasChoices()) {
                for (String line : choices.split("\\R")) {
                    String l = line.strip();
                    if (l.isEmpty()) {
                        continue;
                    }
                    int colon = l.indexOf(':');
                    parsed.add(colon > 0 ? new Choice(l.substring(0, colon).strip(), l.substring(colon + 1).strip())
                            : new Choice(slug(l), l));
                }
            }
            return new Question(id, prompt.strip(), t, required, parsed);
        }

        private static String slug(String label) {
            String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
            return s.isEmpty() ? "choice" : s.length() > 40 ? s.substring(0, 40) : s;
        }
    }

    private final Surveys surveys;

    SurveyBuilderController(Surveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/admin/survey")
    Mono<String> initBuilderForm(Staff staff, Model model) {
        return surveys.current(staff.workspace()).map(survey -> {
            show(model, survey.version(), survey.questions().stream().map(QuestionEdit::of).toList(), List.of());
            return VIEW;
        });
    }

    @PostMapping("/admin/survey")
    Mono<String> processBuilderForm(Staff staff, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            int basedOn = intOf(form.getFirst("basedOn"));
            List<QuestionEdit> edits = read(form);
            String action = form.getFirst("action") == null ? "save" : form.getFirst("action");
            if (!action.equals("save")) {
                show(model, basedOn, edit(edits, action), List.of());
                return Mono.just(VIEW);
            }
            return surveys.save(staff.workspace(), basedOn, edits.stream().map(QuestionEdit::toQuestion).toList(), staff.email())
                    .map(saved -> {
                        show(model, saved.version(), saved.questions().stream().map(QuestionEdit::of).toList(), List.of());
                        model.addAttribute("saved", true);
                        return VIEW;
                    })
                    .onErrorResume(InvalidInput.class, e -> {
                        show(model, basedOn, edits, e.errors());
                        return Mono.just(VIEW);
                    })
                    .onErrorResume(Conflict.class, e -> {
                        show(model, basedOn, edits, List.of(new FieldError("survey", e.getMessage())));
                        return Mono.just(VIEW);
                    });
        });
    }

    private static List<QuestionEdit> edit(List<QuestionEdit> edits, String action) {
        List<QuestionEdit> result = new ArrayList<>(edits);
        if (action.equals("add")) {
            result.add(new QuestionEdit("q" + UUID.randomUUID().toString().substring(0, 8), "", QuestionType.FREE_TEXT.id(), false, ""));
            return result;
        }
        int dash = action.indexOf('-');
        int i = dash < 0 ? -1 : intOf(action.substring(dash + 1));
        if (i < 0 || i >= result.size()) {
            return result;
        }
        switch (action.substring(0, dash)) {
            case "remove" -> result.remove(i);
            case "up" -> {
                if (i > 0) {
                    result.add(i - 1, result.remove(i));
                }
            }
            case "down" -> {
                if (i < result.size() - 1) {
                    result.add(i + 1, result.remove(i));
                }
            }
            default -> {
            }
        }
        return result;
    }

    private static List<QuestionEdit> read(MultiValueMap<String, String> form) {
        int count = Math.min(intOf(form.getFirst("count")), 100);
        List<QuestionEdit> edits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String p = "q" + i + ".";
            String id = form.getFirst(p + "id");
            if (id == null) {
                continue;
            }
            edits.add(new QuestionEdit(id, orEmpty(form.getFirst(p + "prompt")), orEmpty(form.getFirst(p + "type")),
                    "true".equals(form.getFirst(p + "required")), orEmpty(form.getFirst(p + "choices"))));
        }
        return edits;
    }

    private static void show(Model model, int basedOn, List<QuestionEdit> questions, List<FieldError> errors) {
        model.addAttribute("basedOn", basedOn);
        model.addAttribute("questions", questions);
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("errors", errors);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int intOf(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
