package io.winloss.portal.mail;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.winloss.portal.account.Staff;
import reactor.core.publisher.Mono;

/** Admins see the workspace's outgoing mail, and copy survey links by hand when no SMTP server is set up. */
@Controller
class OutboxPage {

    static final String VIEW = "admin/outbox";

    private final Outbox outbox;
    private final OutboxSender sender;

    OutboxPage(Outbox outbox, OutboxSender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    @GetMapping("/admin/outbox")
    Mono<String> show(Staff staff, Model model) {
        model.addAttribute("sending", sender.active());
        return outbox.list(staff.workspace(), 200).collectList()
                .doOnNext(mails -> model.addAttribute("mails", mails))
                .thenReturn(VIEW);
    }
}
