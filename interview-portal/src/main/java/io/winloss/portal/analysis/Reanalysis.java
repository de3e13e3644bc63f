package io.winloss.portal.analysis;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import io.winloss.portal.account.Staff;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Re-analysing a workspace's interviews and answers after its competitor list or criteria changed, as jobs,
 * and a page that shows how far the queue has got.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class Reanalysis {

    static final String VIEW = "analysis/queue";

    private final List<AnalysisTarget> targets;
    private final AnalysisJobs jobs;

    Reanalysis(List<AnalysisTarget> targets, AnalysisJobs jobs) {
        this.targets = targets;
        this.jobs = jobs;
    }

    @PostMapping("/analysis/reanalyze")
    Mono<String> reanalyzeAll(Staff staff) {
        return Flux.fromIterable(targets).concatMap(t -> t.reanalyzeAll(staff.workspace())).reduce(0L, Long::sum)
                .map(queued -> "redirect:/analysis?queued=" + queued);
    }

    @GetMapping("/analysis")
    Mono<String> queue(Staff staff, @org.springframework.web.bind.annotation.RequestParam(required = false) Long queued,
            Model model) {
        model.addAttribute("queued", queued);
        return jobs.unfinished(staff.workspace()).collectList().doOnNext(waiting -> {
            model.addAttribute("waiting", waiting);
            model.addAttribute("analysing", waiting.stream().filter(j -> j.status() == JobStatus.ANALYZING).count());
        }).thenReturn(VIEW);
    }
}
