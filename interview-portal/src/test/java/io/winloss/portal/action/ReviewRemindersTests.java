package io.winloss.portal.action;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.PortalTest;
import io.winloss.portal.SettableClock;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.mail.MailTemplates;
import io.winloss.portal.mail.Outbox;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Review reminders with time chosen by the test: {@code remindDue(now)} is called with instants around the review
 * dates of actions that start today, never by waiting. Mails are counted in the outbox per owner, each test's owner
 * being new, so other tests' reminders sent at the same instants do not count.
 */
@PortalTest
class ReviewRemindersTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Autowired
    ReviewReminders reminders;

    @Autowired
    ReminderSchedule schedule;

    @Autowired
    Actions actions;

    @Autowired
    Outbox outbox;

    @Autowired
    MailTemplates templates;

    @Autowired
    PortalProperties properties;

    TestTenant tenant;
    String owner;
    WebTestClient asOwner;

    @BeforeEach
    void setUp() {
        tenant = TestTenant.create(workspaces);
        owner = tenant.addUser(users, Role.ANALYST);
        asOwner = TestTenant.as(client, owner);
    }

    /** Creates an action owned by {@code owner} that starts today; returns its id and start date. */
    private Map<String, Object> actionStartingToday(String title) {
        Map<String, Object> body = ActionFixture.action(owner);
        body.put("title", title);
        body.put("dueDate", LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
        return ActionFixture.create(asOwner, body);
    }

    private static Instant dayOf(Map<String, Object> action, int review) {
        LocalDate start = LocalDate.parse((String) action.get("startDate"));
        return Review.dates(start).get(review - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private List<Document> mailsTo(String to) {
        return Flux.from(store.global(Collections.OUTBOX).find(eq("to", to))).collectList().block(Duration.ofSeconds(10));
    }

    private void remindAt(Instant now) {
        reminders.remindDue(now).block(Duration.ofSeconds(30));
    }

    @Test
    void ownerIsRemindedThreeDaysBeforeAndOnTheDayAndNeverTwice() {
        Map<String, Object> action = actionStartingToday("Publish per-seat pricing");
        Instant due = dayOf(action, 1);

        remindAt(due.minus(Duration.ofDays(3)).minusSeconds(1));
        assertThat(mailsTo(owner)).as("nothing before the first reminder").isEmpty();

        remindAt(due.minus(Duration.ofDays(3)));
        List<Document> mails = mailsTo(owner);
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.getString("subject")).isEqualTo("Six-week review in 3 days: Publish per-seat pricing");
            assertThat(mail.getString("text")).contains("is due in 3 days", "/actions/" + action.get("id") + "#review-1");
            assertThat(mail.getString("html")).contains("Publish per-seat pricing", "/actions/" + action.get("id") + "#review-1");
            assertThat(mail.getString("workspaceId")).isEqualTo(tenant.workspace().id().value());
        });

        remindAt(due.minus(Duration.ofDays(3)));
        remindAt(due.minusSeconds(1));
        assertThat(mailsTo(owner)).as("the upcoming reminder goes once").hasSize(1);

        remindAt(due);
        assertThat(mailsTo(owner)).extracting(m -> m.getString("subject"))
                .containsExactlyInAnyOrder("Six-week review in 3 days: Publish per-seat pricing",
                        "Six-week review due: Publish per-seat pricing");
        remindAt(due);
        remindAt(due.plus(Duration.ofDays(1)));
        assertThat(mailsTo(owner)).as("the due reminder goes once").hasSize(2);
    }

    @Test
    void theMailGoesToTheOwnerAtTheTimeAndNotForARecordedReviewOrAClosedAction() {
        Map<String, Object> recorded = actionStartingToday("Recorded early");
        asOwner.post().uri("/api/actions/{id}/reviews/1", recorded.get("id")).bodyValue(Map.of("status", "too_early"))
                .exchange().expectStatus().isOk();
        Map<String, Object> handedOver = actionStartingToday("Handed over");
        asOwner.patch().uri("/api/actions/{id}", handedOver.get("id")).bodyValue(Map.of("ownerEmail", tenant.adminEmail()))
                .exchange().expectStatus().isOk();

        remindAt(dayOf(recorded, 1).minus(Duration.ofDays(3)));
        remindAt(dayOf(recorded, 1));
        assertThat(mailsTo(owner)).as("review 1 of the first action was recorded before it fell due").isEmpty();
        assertThat(mailsTo(tenant.adminEmail())).extracting(m -> m.getString("subject"))
                .containsExactlyInAnyOrder("Six-week review in 3 days: Handed over", "Six-week review due: Handed over");

        asOwner.patch().uri("/api/actions/{id}", recorded.get("id")).bodyValue(Map.of("status", "done"))
                .exchange().expectStatus().isOk();
        remindAt(dayOf(recorded, 3));
        assertThat(mailsTo(owner)).as("a done action is not reminded").isEmpty();
        List<Document> skipped = Flux.from(store.global(Collections.ACTION_REMINDERS).find(eq("actionId", recorded.get("id"))))
                .collectList().block(Duration.ofSeconds(10));
        assertThat(skipped).hasSize(6).allSatisfy(r -> assertThat(r.getString("status")).isEqualTo("skipped"));
    }

    @Test
    void twoSchedulersAtOnceSendOneMailPerReminder() {
        List<Map<String, Object>> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(actionStartingToday("Race " + i));
        }
        ReviewReminders other = new ReviewReminders(schedule, actions, outbox, templates, properties);
        // three days before the six-month review: the first two reviews are due, the third is coming up
        Instant now = dayOf(created.get(0), 3).minus(Duration.ofDays(3));

        List<Long> queued = Flux.merge(
                        reminders.remindDue(now).subscribeOn(Schedulers.parallel()),
                        other.remindDue(now).subscribeOn(Schedulers.parallel()))
                .collectList().block(Duration.ofSeconds(60));

        assertThat(queued).hasSize(2);
        Map<String, Long> perReminder = mailsTo(owner).stream()
                .collect(Collectors.groupingBy(m -> m.getString("subject") + " " + m.getString("link"), Collectors.counting()));
        assertThat(perReminder).hasSize(4 * 3).allSatisfy((reminder, count) -> assertThat(count).as(reminder).isEqualTo(1));
        assertThat(perReminder.keySet()).filteredOn(k -> k.startsWith("Six-month review in 3 days: Race ")).hasSize(4);
        assertThat(perReminder.keySet()).filteredOn(k -> k.startsWith("Three-month review due: Race ")).hasSize(4);
        List<Document> planned = Flux.fromIterable(created)
                .flatMap(a -> Flux.from(store.global(Collections.ACTION_REMINDERS).find(eq("actionId", a.get("id")))))
                .collectList().block(Duration.ofSeconds(10));
        // six reminders an action: the upcoming ones of the first two reviews came too late and were skipped
        assertThat(planned).hasSize(4 * 6).extracting(r -> r.getString("status"))
                .containsOnly("sent", "skipped", "pending")
                .filteredOn("sent"::equals).hasSize(4 * 3);
        assertThat(planned).filteredOn(r -> "pending".equals(r.getString("status")))
                .as("only the six-month reminder on the day is still ahead").hasSize(4);
    }

    @Test
    void ofTwoProcessesClaimingTheSameReminderAtOnceExactlyOneGetsIt() {
        Map<String, Object> action = actionStartingToday("Claim race");
        Instant sixMonths = dayOf(action, 3);
        List<ReminderSchedule.Reminder> due = schedule.due(sixMonths, 1000)
                .filter(r -> r.actionId().equals(action.get("id"))).collectList().block(Duration.ofSeconds(10));
        assertThat(due).hasSize(6);
        for (ReminderSchedule.Reminder reminder : due) {
            List<ReminderSchedule.Reminder> claimed = Flux.merge(
                            schedule.claim(reminder, sixMonths).subscribeOn(Schedulers.parallel()),
                            schedule.claim(reminder, sixMonths).subscribeOn(Schedulers.parallel()))
                    .collectList().block(Duration.ofSeconds(10));
            assertThat(claimed).as(reminder.id()).hasSize(1);
        }
        assertThat(schedule.due(sixMonths.plus(Duration.ofMinutes(1)), 1000)
                .filter(r -> r.actionId().equals(action.get("id"))).collectList().block(Duration.ofSeconds(10)))
                .as("claimed reminders are not due again while their lease holds").isEmpty();
    }

    @Test
    void aReminderWhoseClaimerDiedIsTakenOverAfterItsLeaseAndMailedOnce() {
        Map<String, Object> action = actionStartingToday("Crash test");
        Instant due = dayOf(action, 1);
        Instant upcoming = due.minus(Duration.ofDays(3));

        // a process claims the coming-up reminder and dies before queueing its mail
        ReminderSchedule.Reminder first = reminderOf(action, upcoming, ReminderSchedule.Kind.UPCOMING);
        assertThat(schedule.claim(first, upcoming).block(Duration.ofSeconds(10))).isNotNull();
        remindAt(upcoming.plusSeconds(60));
        assertThat(mailsTo(owner)).as("held by the dead claimer's lease").isEmpty();
        remindAt(upcoming.plus(ReminderSchedule.LEASE).plusSeconds(1));
        assertThat(mailsTo(owner)).extracting(m -> m.getString("subject"))
                .containsExactly("Six-week review in 3 days: Crash test");

        // another claims the reminder on the day, queues its mail and dies before marking it sent
        ReminderSchedule.Reminder second = reminderOf(action, due, ReminderSchedule.Kind.DUE);
        schedule.claim(second, due).block(Duration.ofSeconds(10));
        outbox.queueOnce(ReviewReminders.mailId(second), new io.winloss.portal.mail.OutgoingMail(tenant.workspace().id(),
                owner, "Six-week review due: Crash test", "<p>html</p>", "text", null, null)).block(Duration.ofSeconds(10));
        remindAt(due.plus(ReminderSchedule.LEASE).plusSeconds(1));
        assertThat(mailsTo(owner)).as("the mail queued before the crash is not queued again").hasSize(2);
        Document reminder = Flux.from(store.global(Collections.ACTION_REMINDERS).find(eq("_id", second.id())))
                .blockFirst(Duration.ofSeconds(10));
        assertThat(reminder.getString("status")).isEqualTo("sent");
        assertThat(reminder.getString("mailId")).isEqualTo(ReviewReminders.mailId(second));
    }

    private ReminderSchedule.Reminder reminderOf(Map<String, Object> action, Instant now, ReminderSchedule.Kind kind) {
        return schedule.due(now, 1000)
                .filter(r -> r.actionId().equals(action.get("id")) && r.review() == 1 && r.kind() == kind)
                .blockFirst(Duration.ofSeconds(10));
    }

    @Test
    void theScheduledRunReadsTheTimeAtEveryRunNotOnce() {
        Map<String, Object> action = actionStartingToday("Publish per-seat pricing");
        Instant firstReminder = dayOf(action, 1).minus(Duration.ofDays(3));
        SettableClock clock = new SettableClock(firstReminder.minusSeconds(60));
        ReviewReminders scheduled = new ReviewReminders(schedule, actions, outbox, templates, properties, clock);
        // Spring calls a @Scheduled method returning a Mono once, then subscribes to that Mono at every run
        Mono<Long> everyRun = scheduled.remindOnSchedule();

        everyRun.block(Duration.ofSeconds(30));
        assertThat(mailsTo(owner)).as("a minute early").isEmpty();
        clock.set(firstReminder);
        everyRun.block(Duration.ofSeconds(30));
        assertThat(mailsTo(owner)).as("the next run, on the reminder's day").hasSize(1);
    }
}
