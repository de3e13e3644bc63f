package io.winloss.portal.analysis;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.winloss.portal.account.Staff;
import reactor.core.publisher.Mono;

/** The admins' view of how often people corrected each tag ({@code /admin/**} needs ROLE_ADMIN). */
@Controller
class TagCorrectionsPage {

    static final String VIEW = "admin/tagging";

    private final TagCorrections corrections;

    TagCorrectionsPage(TagCorrections corrections) {
        this.corrections = corrections;
    }

    @GetMapping("/admin/tagging")
    Mono<String> show(Staff staff, Model model) {
        return corrections.report(staff.workspace()).doOnNext(r -> model.addAttribute("report", r)).thenReturn(VIEW);
    }
}
