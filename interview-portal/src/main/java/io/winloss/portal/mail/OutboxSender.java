package io.winloss.portal.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.winloss.portal.PortalProperties;
import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends the outbox through SMTP, in worker processes with SMTP configured; elsewhere mail stays pending.
 * A recipient the server refuses for good ({@link SmtpRefusal}) parks the mail as bounced and publishes
 * {@link MailBounced}; other failures are retried. Each mail is claimed alone (see {@link Outbox#claimDue}), so several workers never send the same mail, and
 * the blocking SMTP conversation runs on a small scheduler of its own, never on a request thread.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** Longer than one SMTP conversation can take with the timeouts below. */
    static final Duration LEASE = Duration.ofMinutes(2);
    static final int TIMEOUT_MILLIS = 20_000;
    /** Mails sent per run at most, so one run ends and the next sees fresh due times. */
    static final int BATCH = 50;

    private final Outbox outbox;
    private final PortalProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JavaMailSenderImpl smtp;
    private final Scheduler mailScheduler = Schedulers.newBoundedElastic(2, 100, "mail");

    @Autowired
    OutboxSender(Outbox outbox, PortalProperties properties, ApplicationEventPublisher events) {
        this(outbox, properties, events, Clock.systemUTC());
    }

    OutboxSender(Outbox outbox, PortalProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.smtp = properties.mail() != null && properties.mail().configured() ? smtp(properties.mail()) : null;
    }

    private static JavaMailSenderImpl smtp(PortalProperties.Mail mail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.host());
        sender.setPort(mail.port());
        if (mail.username() != null && !mail.username().isBlank()) {
            sender.setUsername(mail.username());
            sender.setPassword(mail.password());
        }
        sender.setDefaultEncoding("UTF-8");
        Properties props = sender.getJavaMailProperties();
        props.put("mail.smtp.auth", String.valueOf(mail.username() != null && !mail.username().isBlank()));
        props.put("mail.smtp.starttls.enable", String.valueOf(mail.starttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(mail.starttls()));
        props.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        return sender;
    }

    /** True when this process sends mail: a worker with SMTP settings. */
    public boolean active() {
        return smtp != null && properties.isWorker();
    }

    @Scheduled(initialDelay = 1000, fixedDelay = 2000)
    Mono<Long> sendDueOnSchedule() {
        return active() ? sendDue() : Mono.empty();
    }

    /** Sends due mail one at a time until none is due; returns how many mails were tried. */
    Mono<Long> sendDue() {
        return Mono.defer(() -> outbox.claimDue(clock.instant(), LEASE))
                .flatMap(mail -> deliver(mail).thenReturn(1L))
                .defaultIfEmpty(0L)
                .repeat(BATCH - 1)
                .takeWhile(n -> n > 0)
                .count()
                .onErrorResume(e -> {
                    log.warn("outbox run stopped: {}", e.toString());
                    return Mono.just(0L);
                });
    }

    private Mono<Void> deliver(OutboxMail mail) {
        return Mono.fromRunnable(() -> send(mail))
                .subscribeOn(mailScheduler)
                .then(Mono.defer(() -> outbox.markSent(mail, clock.instant())))
                .doOnSuccess(v -> events.publishEvent(new MailSent(mail.workspaceId(), mail.invitationId())))
                .onErrorResume(e -> {
                    java.util.Optional<String> refusal = SmtpRefusal.permanent(e);
                    if (refusal.isPresent()) {
                        log.info("mail {} bounced: {}", mail.id(), refusal.get());
                        return outbox.markBounced(mail, refusal.get(), clock.instant())
                                .doOnSuccess(v -> events.publishEvent(
                                        new MailBounced(mail.workspaceId(), mail.invitationId(), mail.to(), refusal.get())));
                    }
                    String reason = reason(e);
                    log.info("mail {} not sent (attempt {}): {}", mail.id(), mail.attempts() + 1, reason);
                    return outbox.markFailed(mail, reason, clock.instant());
                });
    }

    private void send(OutboxMail mail) {
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.mail().from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            smtp.send(message);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    @PreDestroy
    void stop() {
        mailScheduler.dispose();
    }
}
