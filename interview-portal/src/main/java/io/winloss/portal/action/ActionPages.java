package io.winloss.portal.action;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.winloss.portal.account.Role;
import io.winloss.portal.account.Staff;
import io.winloss.portal.account.User;
import io.winloss.portal.account.Users;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.postmortem.PostMortems;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.web.NotFound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The action pages for analysts and admins: the tracker (every action by team, status and next review, with filters
 * and a CSV export), the new-action form (opened from a theme, quotes or a deal, which fill it in), and an action's
 * page: its evidence quotes in context, its themes linked to search and themes, the metric before its start date and
 * since, and its three reviews, each with a form to record it. Access is checked by the page security chain
 * ({@code /actions}, {@code /actions/**} and {@code /actions.csv} need ROLE_ANALYST).
 */
@Controller
class ActionPages {

    static final String VIEW_TRACKER = "actions/list";
    static final String VIEW_FORM = "actions/form";
    static final String VIEW_ACTION = "actions/action";

    /** A review as the form posts it. */
    record ReviewForm(String status, String notes) {
    }

    /** A change of status, owner or due date as the form posts it. */
    record ChangeForm(String status, String ownerEmail, String dueDate) {
    }

    private final ActionTracking tracking;
    private final Actions actions;
    private final EvidenceQuotes quotes;
    private final Users users;
    private final Deals deals;
    private final ActionSettings settings;
    private final PostMortems postMortems;
    private final Clock clock = Clock.systemUTC();

    ActionPages(ActionTracking tracking, EvidenceQuotes quotes, Users users, Deals deals, ActionSettings settings,
            PostMortems postMortems) {
        this.tracking = tracking;
        this.actions = tracking.actions();
        this.quotes = quotes;
        this.users = users;
        this.deals = deals;
        this.settings = settings;
        this.postMortems = postMortems;
    }

    @ModelAttribute
    void vocabularies(Model model) {
        model.addAttribute("teams", Team.values());
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("reviewStatuses", ReviewStatus.RECORDABLE);
        model.addAttribute("today", today());
        model.addAttribute("minDeals", settings.minDeals());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @GetMapping("/actions")
    Mono<String> tracker(Staff staff, @RequestParam(required = false) String team,
            @RequestParam(required = false) String status, Model model) {
        model.addAttribute("team", team == null ? "" : team);
        model.addAttribute("status", status == null ? "" : status);
        return Mono.fromCallable(() -> ActionFilter.of(team, status))
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("errors", e.errors());
                    return Mono.just(ActionFilter.ANY);
                })
                .flatMap(filter -> actions.list(staff.workspace(), filter).collectList())
                .doOnNext(list -> model.addAttribute("actions", list))
                .thenReturn(VIEW_TRACKER);
    }

    @GetMapping("/actions.csv")
    Mono<ResponseEntity<byte[]>> export(Staff staff, @RequestParam(required = false) String team,
            @RequestParam(required = false) String status) {
        return Mono.fromCallable(() -> ActionFilter.of(team, status))
                .onErrorResume(InvalidInput.class, e -> Mono.just(ActionFilter.ANY))
                .flatMap(filter -> actions.list(staff.workspace(), filter).collectList())
                .map(list -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"actions.csv\"")
                        .body(ActionsCsv.csv(list).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The form, filled in from the page that links here: {@code theme} (repeatable) from the themes page, {@code evidence}
     * (repeatable) from a quote, {@code dealId} from a deal, and with it {@code rootCause} (its number, from 1) from the
     * deal's post-mortem, whose text becomes the hypothesis to edit.
     */
    @GetMapping("/actions/new")
    Mono<String> initCreationForm(Staff staff, @RequestParam(required = false) List<String> theme,
            @RequestParam(required = false) List<String> evidence, @RequestParam(required = false) String dealId,
            @RequestParam(required = false) String rootCause, Model model) {
        ActionForm form = ActionForm.prefilled(theme, evidence, dealId, staff.email(), today().toString());
        int number = rootCause == null || !rootCause.strip().matches("\\d{1,3}") ? 0 : Integer.parseInt(rootCause.strip());
        if (dealId == null || dealId.isBlank() || number == 0) {
            return showForm(staff, form, List.of(), model);
        }
        return postMortems.rootCause(staff.workspace(), dealId, number)
                .doOnNext(cause -> model.addAttribute("rootCause", cause))
                .map(cause -> form.withHypothesis(cause.cause()))
                .defaultIfEmpty(form)
                .flatMap(filled -> showForm(staff, filled, List.of(), model));
    }

    @PostMapping("/actions/new")
    Mono<String> processCreationForm(Staff staff, @ModelAttribute("form") ActionForm form, Model model) {
        return tracking.create(staff, form.toInput(), clock.instant())
                .map(action -> "redirect:/actions/" + action.id())
                .onErrorResume(InvalidInput.class, e -> showForm(staff, form, e.errors(), model));
    }

    private Mono<String> showForm(Staff staff, ActionForm form, List<FieldError> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Mono<Void> deal = form.dealId() == null || form.dealId().isBlank() ? Mono.empty()
                : deals.find(staff.workspace(), form.dealId()).doOnNext(d -> model.addAttribute("deal", d))
                        .onErrorResume(NotFound.class, e -> Mono.empty()).then();
        return deal
                .then(Flux.fromIterable(form.evidence()).concatMap(id -> quotes.quote(staff.workspace(), id)).collectList()
                        .doOnNext(list -> model.addAttribute("quotes", list)))
                .then(owners(staff).doOnNext(list -> model.addAttribute("owners", list)))
                .thenReturn(VIEW_FORM);
    }

    /** Who may own an action: the workspace's analysts and admins (interviewers never see actions). */
    private Mono<List<String>> owners(Staff staff) {
        return users.list(staff.workspace()).filter(u -> u.role() != Role.INTERVIEWER).map(User::email).collectList();
    }

    @GetMapping("/actions/{id}")
    Mono<String> show(Staff staff, @PathVariable String id, Model model) {
        return showAction(staff, id, null, List.of(), model);
    }

    /** Records review {@code n}, then shows it: 303 to the review on the action's page. */
    @PostMapping("/actions/{id}/reviews/{n}")
    Mono<String> recordReview(Staff staff, @PathVariable String id, @PathVariable String n,
            @ModelAttribute ReviewForm form, Model model) {
        return tracking.recordReview(staff, id, n, form.status(), form.notes(), clock.instant(), today())
                .map(action -> "redirect:/actions/" + id + "#review-" + n)
                .onErrorResume(InvalidInput.class, e -> showAction(staff, id, "review-" + n, e.errors(), model));
    }

    /** Changes status, owner or due date: 303 back to the action. */
    @PostMapping("/actions/{id}/change")
    Mono<String> change(Staff staff, @PathVariable String id, @ModelAttribute ChangeForm form, Model model) {
        return tracking.change(staff.workspace(), id, blankToNull(form.status()), blankToNull(form.ownerEmail()),
                        blankToNull(form.dueDate()), clock.instant())
                .thenReturn("redirect:/actions/" + id)
                .onErrorResume(InvalidInput.class, e -> showAction(staff, id, "change", e.errors(), model));
    }

    private Mono<String> showAction(Staff staff, String id, String refused, List<FieldError> errors, Model model) {
        model.addAttribute("refused", refused);
        model.addAttribute("errors", errors);
        return tracking.measured(staff.workspace(), id, today())
                .flatMap(m -> {
                    Action action = m.action();
                    model.addAttribute("action", action);
                    model.addAttribute("effect", m.effect());
                    model.addAttribute("themeLinks", action.themes().stream().map(ThemeLink::of).toList());
                    Mono<Void> deal = action.dealId() == null ? Mono.empty()
                            : deals.find(staff.workspace(), action.dealId()).doOnNext(d -> model.addAttribute("deal", d))
                                    .onErrorResume(NotFound.class, e -> Mono.empty()).then();
                    return deal
                            .then(Flux.fromIterable(action.evidence()).concatMap(e -> quotes.quote(staff.workspace(), e))
                                    .collectList().doOnNext(list -> model.addAttribute("quotes", list)))
                            .then(owners(staff).doOnNext(list -> model.addAttribute("owners", list)));
                })
                .thenReturn(VIEW_ACTION);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
