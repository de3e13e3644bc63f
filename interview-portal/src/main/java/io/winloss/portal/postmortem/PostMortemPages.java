package io.winloss.portal.postmortem;

import java.time.Clock;
import java.util.List;

import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;

import io.winloss.portal.account.Staff;
import io.winloss.portal.action.Actions;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.interview.Interviews;
import io.winloss.portal.invitation.BuyerAnswers;
import io.winloss.portal.invitation.Invitations;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * A deal's post-mortem page for analysts and admins ({@code /deals/**} needs ROLE_ANALYST): the deal's facts and the
 * rep's reason, its timeline, the buyers' answers and interview quotes, the five-whys form, the actions it led to,
 * and its ratings; with forms to add a touchpoint, import a CSV of them, save the five whys and rate the post-mortem.
 * A saved form redirects back ({@code ?saved=whys|rating|touchpoint}, a fixed set of notices); a refused one shows the
 * page again with the form as typed and what to correct.
 */
@Controller
@RequestMapping("/deals/{id}")
class PostMortemPages {

    static final String VIEW = "postmortem/post-mortem";

    private final Deals deals;
    private final Touchpoints touchpoints;
    private final TouchpointImport touchpointImport;
    private final PostMortems postMortems;
    private final PostMortemRatings ratings;
    private final Invitations invitations;
    private final BuyerAnswers buyerAnswers;
    private final Interviews interviews;
    private final Analyses analyses;
    private final Actions actions;
    private final Clock clock = Clock.systemUTC();

    PostMortemPages(Deals deals, Touchpoints touchpoints, TouchpointImport touchpointImport, PostMortems postMortems,
            PostMortemRatings ratings, Invitations invitations, BuyerAnswers buyerAnswers, Interviews interviews,
            Analyses analyses, Actions actions) {
        this.deals = deals;
        this.touchpoints = touchpoints;
        this.touchpointImport = touchpointImport;
        this.postMortems = postMortems;
        this.ratings = ratings;
        this.invitations = invitations;
        this.buyerAnswers = buyerAnswers;
        this.interviews = interviews;
        this.analyses = analyses;
        this.actions = actions;
    }

    @ModelAttribute("touchpointTypes")
    TouchpointType[] touchpointTypes() {
        return TouchpointType.values();
    }

    @ModelAttribute("touchpointTypeIds")
    String touchpointTypeIds() {
        return TouchpointType.ids();
    }

    @ModelAttribute("categories")
    RootCauseCategory[] categories() {
        return RootCauseCategory.values();
    }

    @GetMapping("/post-mortem")
    Mono<String> show(Staff staff, @PathVariable String id, @RequestParam(required = false) String saved, Model model) {
        model.addAttribute("saved", saved);
        return render(staff, id, model);
    }

    @PostMapping("/post-mortem")
    Mono<String> saveFiveWhys(Staff staff, @PathVariable String id, @ModelAttribute("form") PostMortemForm form, Model model) {
        return Mono.fromCallable(() -> PostMortemValidator.validate(form.toInput()))
                .flatMap(notes -> postMortems.save(staff.workspace(), id, notes, staff.email(), clock.instant()))
                .thenReturn("redirect:/deals/" + id + "/post-mortem?saved=whys#five-whys")
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("form", form.withSpareRows());
                    model.addAttribute("whysErrors", e.errors());
                    return render(staff, id, model);
                });
    }

    @PostMapping("/post-mortem/ratings")
    Mono<String> rate(Staff staff, @PathVariable String id, @ModelAttribute("ratingForm") RatingInput form, Model model) {
        return Mono.fromCallable(() -> RatingValidator.validate(form))
                .flatMap(rating -> ratings.rate(staff.workspace(), id, staff.userId(), rating, clock.instant()))
                .thenReturn("redirect:/deals/" + id + "/post-mortem?saved=rating#rating")
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("ratingErrors", e.errors());
                    return render(staff, id, model);
                });
    }

    @PostMapping("/touchpoints")
    Mono<String> addTouchpoint(Staff staff, @PathVariable String id, @ModelAttribute("touchpointForm") TouchpointInput form,
            Model model) {
        return Mono.fromCallable(() -> TouchpointValidator.validate(form))
                .flatMap(touchpoint -> touchpoints.add(staff.workspace(), id, List.of(touchpoint)))
                .thenReturn("redirect:/deals/" + id + "/post-mortem?saved=touchpoint#timeline")
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("touchpointErrors", e.errors());
                    return render(staff, id, model);
                });
    }

    /** Imports a CSV of touchpoints; lines that name no deal are this deal's. Shows the page with the import's report. */
    @PostMapping("/touchpoints/import")
    Mono<String> importTouchpoints(Staff staff, @PathVariable String id, @RequestPart("file") Mono<FilePart> file, Model model) {
        return deals.find(staff.workspace(), id)
                .then(file)
                .flatMap(part -> touchpointImport.importCsv(staff.workspace(), part.content(), id))
                .doOnNext(report -> model.addAttribute("importReport", report))
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("importErrors", e.errors());
                    return Mono.empty();
                })
                .then(render(staff, id, model));
    }

    private Mono<String> render(Staff staff, String id, Model model) {
        return deals.find(staff.workspace(), id).flatMap(deal -> Mono.zip(
                        touchpoints.forDeal(staff.workspace(), id).collectList(),
                        invitations.forDeal(staff.workspace(), id).collectList(),
                        buyerAnswers.ofDeal(staff, id).collectList(),
                        interviews.forDeal(staff.workspace(), id).collectList(),
                        postMortems.find(staff.workspace(), id),
                        ratings.summary(staff.workspace(), id),
                        actions.fromDeal(staff.workspace(), id)
                                .map(a -> new PostMortemPage.ActionLink(a.title(), a.status().label(), "/actions/" + a.id()))
                                .collectList())
                .flatMap(t -> Mono.justOrEmpty(t.getT4()).flatMapIterable(list -> list)
                        .concatMap(interview -> analyses.read(staff.workspace(), interview.target())
                                .map(sentences -> InterviewQuotes.of(interview, sentences)))
                        .collectList()
                        .map(quotes -> new PostMortemPage(deal,
                                Timeline.of(deal, t.getT1(), t.getT2(), t.getT3(), t.getT4()),
                                t.getT3(), quotes, t.getT5(), t.getT6(), t.getT6().of(staff.userId()),
                                t.getT7()))))
                .doOnNext(page -> {
                    model.addAttribute("page", page);
                    if (!model.containsAttribute("form")) {
                        model.addAttribute("form", PostMortemForm.of(page.postMortem()));
                    }
                    if (!model.containsAttribute("ratingForm")) {
                        Rating mine = page.mine();
                        model.addAttribute("ratingForm", mine == null ? new RatingInput(null, null, null)
                                : new RatingInput(String.valueOf(mine.score()), mine.worked(), mine.biased()));
                    }
                    if (!model.containsAttribute("touchpointForm")) {
                        model.addAttribute("touchpointForm", new TouchpointInput(null, "call", null, staff.email()));
                    }
                })
                .thenReturn(VIEW);
    }
}
