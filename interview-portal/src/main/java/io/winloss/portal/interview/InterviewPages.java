package io.winloss.portal.interview;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;

import io.winloss.nlp.tagging.Criterion;
import io.winloss.portal.account.Staff;
import io.winloss.portal.assignment.DealAccess;
import io.winloss.portal.competitor.Competitors;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The interview pages for whoever may see the deal (analysts, admins, the assigned interviewers): a deal's
 * interviews with the upload form, one interview as a conversation with its tags (live progress while it is
 * analysed), and the correction form of one sentence.
 */
@Controller
@RequestMapping("/interviews")
class InterviewPages {

    static final String VIEW_LIST = "interviews/list";
    static final String VIEW_INTERVIEW = "interviews/interview";
    static final String VIEW_CORRECT = "interviews/correct";
    static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    /** One row of a deal's interview list. */
    record Row(Interview interview, String status, String error) {
    }

    /** The correction form: competitors as comma-separated names, criteria ids, a sentiment. */
    record CorrectionForm(String competitors, List<String> criteria, String sentiment) {

        InterviewReview.Patch patch() {
            return new InterviewReview.Patch(
                    competitors == null ? List.of() : Arrays.stream(competitors.split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList(),
                    criteria == null ? List.of() : criteria,
                    sentiment == null || sentiment.isBlank() ? null : sentiment);
        }
    }

    private final Interviews interviews;
    private final InterviewReview review;
    private final DealAccess access;
    private final Competitors competitors;

    InterviewPages(Interviews interviews, InterviewReview review, DealAccess access, Competitors competitors) {
        this.interviews = interviews;
        this.review = review;
        this.access = access;
        this.competitors = competitors;
    }

    @ModelAttribute("criteria")
    Criterion[] criteria() {
        return Criterion.values();
    }

    /** A deal's interviews and the upload form; the deal pages load it into their interviews section. */
    @GetMapping
    Mono<String> list(Staff staff, @RequestParam String deal, Model model) {
        return access.readable(staff, deal)
                .doOnNext(d -> model.addAttribute("deal", d))
                .thenMany(interviews.forDeal(staff.workspace(), deal))
                .concatMap(i -> interviews.job(staff.workspace(), i)
                        .map(job -> new Row(i, job.status().id(), job.error()))
                        .defaultIfEmpty(new Row(i, "queued", null)))
                .collectList()
                .doOnNext(rows -> model.addAttribute("rows", rows))
                .thenReturn(VIEW_LIST);
    }

    /** Uploads one or more files; each becomes an interview analysed on its own. */
    @PostMapping
    Mono<String> upload(Staff staff, ServerWebExchange exchange, Model model) {
        return exchange.getMultipartData()
                .flatMap(parts -> {
                    UploadRequest request;
                    try {
                        request = UploadRequest.from(parts, true);
                    } catch (InvalidInput e) {
                        String deal = parts.getFirst("dealId") instanceof org.springframework.http.codec.multipart.FormFieldPart f
                                ? f.value() : "";
                        model.addAttribute("errors", e.errors());
                        return deal.isBlank() ? Mono.error(e) : list(staff, deal, model);
                    }
                    return access.readable(staff, request.dealId())
                            .then(request.checkContents())
                            .thenMany(Flux.fromIterable(request.files()))
                            .concatMap(file -> interviews.upload(staff.workspace(), staff.email(), request.upload(file), file.content()))
                            .collectList()
                            .map(uploaded -> uploaded.size() == 1 ? "redirect:/interviews/" + uploaded.get(0).id()
                                    : "redirect:/interviews?deal=" + request.dealId())
                            .onErrorResume(InvalidInput.class, e -> {
                                model.addAttribute("errors", e.errors());
                                return list(staff, request.dealId(), model);
                            })
                            .onErrorResume(UploadTooLarge.class, e -> {
                                exchange.getResponse().setStatusCode(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE);
                                model.addAttribute("errors", List.of(new io.winloss.portal.web.FieldError("file", e.getMessage())));
                                return list(staff, request.dealId(), model);
                            });
                });
    }

    @GetMapping("/{id}")
    Mono<String> show(Staff staff, @PathVariable String id, @RequestParam(required = false) String competitor,
            @RequestParam(required = false) String criterion, @RequestParam(required = false) String sentiment,
            @RequestParam(required = false) String added, Model model) {
        model.addAttribute("added", added);
        model.addAttribute("mayEditList", staff.seesWholeWorkspace());
        Conversation.Filter filter = new Conversation.Filter(competitor, criterion, sentiment);
        return review.withDeal(staff, id)
                .doOnNext(shown -> {
                    InterviewView view = shown.view();
                    model.addAttribute("deal", shown.deal());
                    model.addAttribute("interview", view);
                    model.addAttribute("filter", filter);
                    model.addAttribute("conversation", Conversation.of(view.sentences(), filter));
                    model.addAttribute("competitorNames", view.sentences().stream()
                            .flatMap(s -> s.competitors().stream()).distinct().sorted().toList());
                })
                .thenReturn(VIEW_INTERVIEW);
    }

    /** Server-sent events while the interview is analysed: {@code progress} every half second, then {@code finished}. */
    @GetMapping(path = "/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<Map<String, Object>>> progress(Staff staff, @PathVariable String id) {
        return review.readable(staff, id)
                .flatMapMany(interview -> Flux.interval(Duration.ZERO, PROGRESS_EVERY)
                        .concatMap(tick -> interviews.job(staff.workspace(), interview))
                        .takeUntil(job -> job.status().finished())
                        .map(job -> ServerSentEvent.<Map<String, Object>>builder()
                                .event(job.status().finished() ? "finished" : "progress")
                                .data(Map.of("status", job.status().id(), "done", job.done(), "total", job.total()))
                                .build()))
                .take(Duration.ofMinutes(30));
    }

    /**
     * Adds an organisation the recogniser found to the workspace's competitor list (admins and analysts), then
     * offers to analyse the interview again so it is tagged. A name the list refuses (too long, the list full)
     * is explained on the interview page.
     */
    @PostMapping("/{id}/candidates")
    Mono<String> addCandidate(Staff staff, @PathVariable String id, @ModelAttribute Candidate candidate, Model model) {
        if (!staff.seesWholeWorkspace()) {
            return Mono.error(new io.winloss.portal.web.NotFound("page"));
        }
        String name = candidate.name() == null ? "" : candidate.name().strip();
        return review.readable(staff, id)
                .then(competitors.add(staff.workspace(), name, staff))
                .thenReturn("redirect:/interviews/" + id + "?added="
                        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("errors", e.errors());
                    return show(staff, id, null, null, null, null, model);
                });
    }

    record Candidate(String name) {
    }

    /**
     * Deletes the interview (admins and analysts; the page asks first) and shows its deal: 303. To an interviewer
     * the form does not exist, as for {@link #addCandidate}.
     */
    @PostMapping("/{id}/delete")
    Mono<String> delete(Staff staff, @PathVariable String id) {
        if (!staff.seesWholeWorkspace()) {
            return Mono.error(new io.winloss.portal.web.NotFound("page"));
        }
        return interviews.find(staff.workspace(), id)
                .flatMap(interview -> interviews.delete(staff.workspace(), id)
                        .thenReturn("redirect:/deals/" + interview.dealId() + "?deleted=interview"));
    }

    @PostMapping("/{id}/reanalyze")
    Mono<String> reanalyze(Staff staff, @PathVariable String id) {
        return review.reanalyze(staff, id).thenReturn("redirect:/interviews/" + id);
    }

    @GetMapping("/{id}/sentences/{index}")
    Mono<String> initCorrectionForm(Staff staff, @PathVariable String id, @PathVariable int index, Model model) {
        return review.view(staff, id).flatMap(view -> {
            if (index < 0 || index >= view.sentences().size() || !"buyer".equals(view.sentences().get(index).role())) {
                return Mono.error(new io.winloss.portal.web.NotFound("sentence " + index));
            }
            model.addAttribute("interview", view);
            model.addAttribute("sentence", view.sentences().get(index));
            return Mono.just(VIEW_CORRECT);
        });
    }

    @PostMapping("/{id}/sentences/{index}")
    Mono<String> processCorrectionForm(Staff staff, @PathVariable String id, @PathVariable int index,
            @ModelAttribute CorrectionForm form, Model model) {
        return review.correct(staff, id, index, form.patch())
                .thenReturn("redirect:/interviews/" + id + "#s-" + index)
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("errors", e.errors());
                    return initCorrectionForm(staff, id, index, model);
                });
    }
}
