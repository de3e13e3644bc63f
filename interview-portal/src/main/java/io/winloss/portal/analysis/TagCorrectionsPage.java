package io.winloss.portal.analysis;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.winloss.portal.account.Staff;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The admins' view of how often people corrected each tag, and the corrected sentences as a download for training the
 * tagger ({@code /admin/**} needs ROLE_ADMIN).
 */
@Controller
class TagCorrectionsPage {

    static final String VIEW = "admin/tagging";

    private final TagCorrections corrections;
    private final CorrectedSentences corrected;

    TagCorrectionsPage(TagCorrections corrections, CorrectedSentences corrected) {
        this.corrections = corrections;
        this.corrected = corrected;
    }

    @GetMapping("/admin/tagging")
    Mono<String> show(Staff staff, Model model) {
        return corrections.report(staff.workspace()).doOnNext(r -> model.addAttribute("report", r)).thenReturn(VIEW);
    }

    @GetMapping("/admin/tagging/corrections.jsonl")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(Staff staff) {
        return corrected.download(staff.workspace());
    }
}
