package io.winloss.portal.action;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.mail.MailTemplates;
import io.winloss.portal.mail.Outbox;
import io.winloss.portal.mail.OutgoingMail;
import io.winloss.portal.web.NotFound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Mails an action's owner when one of its reviews is coming up and when it falls due, through the outbox
 * ({@code templates/mail/review.*}). Runs every minute in worker processes; {@link #remindDue} takes "now" as a
 * parameter, so tests choose the time. Each reminder is claimed before its mail is queued ({@link ReminderSchedule#claim}),
 * so two processes never handle the same reminder at once; the mail is queued under an id made from the reminder's
 * ({@link Outbox#queueOnce}), so a process that takes over a reminder whose claimer died after queueing its mail sends
 * no second one. The mail goes to whoever owns the action when it is sent, and none goes for a review already
 * recorded, an action done, dropped or deleted, or a coming-up reminder whose review is already due.
 */
@Component
class ReviewReminders {

    private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

    /** Reminders read at a time, and batches per run at most, so one run ends and the next sees fresh due times. */
    static final int BATCH = 100;
    static final int BATCHES = 10;

    private final ReminderSchedule schedule;
    private final Actions actions;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final PortalProperties properties;
    private final Clock clock;

    @Autowired
    ReviewReminders(ReminderSchedule schedule, Actions actions, Outbox outbox, MailTemplates templates,
            PortalProperties properties) {
        this(schedule, actions, outbox, templates, properties, Clock.systemUTC());
    }

    ReviewReminders(ReminderSchedule schedule, Actions actions, Outbox outbox, MailTemplates templates,
            PortalProperties properties, Clock clock) {
        this.clock = clock;
        this.schedule = schedule;
        this.actions = actions;
        this.outbox = outbox;
        this.templates = templates;
        this.properties = properties;
    }

    /** Spring calls this once and subscribes to its answer every minute: the time is read at each subscription. */
    @Scheduled(initialDelay = 20_000, fixedDelay = 60_000)
    Mono<Long> remindOnSchedule() {
        return Mono.defer(() -> properties.isWorker()
                ? remindDue(clock.instant()).onErrorResume(e -> {
                    log.warn("review reminders stopped: {}", e.toString());
                    return Mono.just(0L);
                })
                : Mono.empty());
    }

    /**
     * Queues a mail for every reminder due at {@code now} that this process claims, a batch at a time (at most
     * {@link #BATCHES} batches a run); answers how many it queued.
     */
    Mono<Long> remindDue(Instant now) {
        return batch(now).expand(b -> b.size() < BATCH || b.number() + 1 >= BATCHES ? Mono.empty()
                        : batch(now).map(next -> new Batch(b.number() + 1, next.size(), next.queued())))
                .map(Batch::queued)
                .reduce(0L, Long::sum);
    }

    /** One batch: how many due reminders it found and how many mails it queued. */
    private record Batch(int number, int size, long queued) {
    }

    private Mono<Batch> batch(Instant now) {
        return schedule.due(now, BATCH).collectList()
                .flatMap(due -> Flux.fromIterable(due)
                        .concatMap(reminder -> schedule.claim(reminder, now))
                        .concatMap(claimed -> remind(claimed, now))
                        .reduce(0L, Long::sum)
                        .map(queued -> new Batch(0, due.size(), queued)));
    }

    private Mono<Long> remind(ReminderSchedule.Reminder reminder, Instant now) {
        return actions.find(reminder.workspace(), reminder.actionId())
                .flatMap(action -> {
                    Review review = action.review(reminder.review()).orElse(null);
                    if (review == null || !review.pending()) {
                        return schedule.skipped(reminder, "the review was recorded").thenReturn(0L);
                    }
                    if (!action.status().active()) {
                        return schedule.skipped(reminder, "the action is " + action.status().id()).thenReturn(0L);
                    }
                    if (reminder.kind() == ReminderSchedule.Kind.UPCOMING
                            && !now.isBefore(review.due().atStartOfDay(ZoneOffset.UTC).toInstant())) {
                        return schedule.skipped(reminder, "the review fell due before this reminder went").thenReturn(0L);
                    }
                    String mailId = mailId(reminder);
                    return outbox.queueOnce(mailId, mail(action, review, reminder, now))
                            .flatMap(queued -> schedule.sent(reminder, mailId, now).thenReturn(queued ? 1L : 0L))
                            .onErrorResume(e -> {
                                log.warn("review reminder {} not queued, will retry: {}", reminder.id(), e.toString());
                                return schedule.release(reminder).thenReturn(0L);
                            });
                })
                .onErrorResume(NotFound.class, e -> schedule.skipped(reminder, "the action was deleted").thenReturn(0L));
    }

    /** The outbox id of a reminder's mail: one mail per reminder, however often it is claimed. */
    static String mailId(ReminderSchedule.Reminder reminder) {
        return "action-reminder:" + reminder.id();
    }

    private OutgoingMail mail(Action action, Review review, ReminderSchedule.Reminder reminder, Instant now) {
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, ZoneOffset.UTC), review.due());
        boolean upcoming = reminder.kind() == ReminderSchedule.Kind.UPCOMING && days > 0;
        String link = root() + "/actions/" + action.id() + "#review-" + review.n();
        Map<String, Object> vars = new HashMap<>();
        vars.put("title", action.title());
        vars.put("review", review.name());
        vars.put("due", review.due().toString());
        vars.put("upcoming", upcoming);
        vars.put("days", days);
        vars.put("metric", action.metric().label());
        vars.put("hypothesis", action.hypothesis());
        vars.put("link", link);
        MailTemplates.Bodies bodies = templates.render("review", vars);
        String subject = (upcoming ? review.name() + " in " + days + (days == 1 ? " day: " : " days: ")
                : review.name() + " due: ") + action.title();
        return new OutgoingMail(reminder.workspace(), action.ownerEmail(), subject, bodies.html(), bodies.text(), null, link);
    }

    private String root() {
        URI base = properties.baseUrl();
        String root = base.toString();
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }
}
