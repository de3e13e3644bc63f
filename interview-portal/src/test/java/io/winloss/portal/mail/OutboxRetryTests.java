package io.winloss.portal.mail;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.PortalTest;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/** An SMTP server that refuses connections: the mail stays in the outbox and is retried later and later. */
@PortalTest
class OutboxRetryTests {

    @Autowired
    Outbox outbox;

    @Autowired
    Store store;

    @Autowired
    PortalProperties properties;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    OutboxSender springSender;

    OutboxSender refusedSender;

    @BeforeEach
    void setUp() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PortalProperties refused = new PortalProperties(properties.dataDir(), properties.mongodbUri(), properties.storePort(),
                properties.roles(), properties.baseUrl(), properties.adminEmail(), properties.adminPassword(),
                properties.invitationValidDays(),
                new PortalProperties.Mail("127.0.0.1", closedPort, "", "", false, "win-loss@example.test"));
        refusedSender = new OutboxSender(outbox, refused, events);
    }

    private String queueDueFirst() {
        String id = outbox.queue(new OutgoingMail(new WorkspaceId("retry-ws"), "buyer@example.com", "Subject", "<p>Hi</p>", "Hi",
                null, "http://localhost/s/x")).block(Duration.ofSeconds(10));
        makeDueFirst(id);
        return id;
    }

    /** Other tests leave pending mail in the shared store; this one's due time puts it first in line. */
    private void makeDueFirst(String id) {
        Mono.from(store.global(Collections.OUTBOX).updateOne(eq("_id", id),
                new Document("$set", new Document("nextAttemptAt", new Date(0))))).block(Duration.ofSeconds(10));
    }

    private Document mail(String id) {
        return Mono.from(store.global(Collections.OUTBOX).find(eq("_id", id)).first()).block(Duration.ofSeconds(10));
    }

    @Test
    void withoutSmtpSettingsTheSenderStaysIdle() {
        assertThat(springSender.active()).isFalse();
        assertThat(refusedSender.active()).isTrue();
    }

    @Test
    void refusedMailIsKeptAndRetriedWithExponentialBackoff() {
        String id = queueDueFirst();
        Instant before = Instant.now();
        refusedSender.sendDue().block(Duration.ofSeconds(60));

        Document first = mail(id);
        assertThat(first.getString("status")).isEqualTo("pending");
        assertThat(first.getInteger("attempts")).isEqualTo(1);
        assertThat(first.getString("lastError")).isNotBlank();
        Instant firstRetry = first.getDate("nextAttemptAt").toInstant();
        assertThat(firstRetry).isBetween(before.plusSeconds(29), Instant.now().plusSeconds(31));

        makeDueFirst(id);
        Instant again = Instant.now();
        refusedSender.sendDue().block(Duration.ofSeconds(60));
        Document second = mail(id);
        assertThat(second.getInteger("attempts")).isEqualTo(2);
        assertThat(second.getDate("nextAttemptAt").toInstant()).isBetween(again.plusSeconds(59), Instant.now().plusSeconds(61));
    }

    @Test
    void mailIsParkedAsFailedAfterTheLastAttempt() {
        String id = queueDueFirst();
        Mono.from(store.global(Collections.OUTBOX).updateOne(eq("_id", id),
                new Document("$set", new Document("attempts", Outbox.MAX_ATTEMPTS - 1)))).block(Duration.ofSeconds(10));
        refusedSender.sendDue().block(Duration.ofSeconds(60));
        Document parked = mail(id);
        assertThat(parked.getString("status")).isEqualTo("failed");
        assertThat(parked.getInteger("attempts")).isEqualTo(Outbox.MAX_ATTEMPTS);
        assertThat(parked.getString("lastError")).isNotBlank();
    }

    @Test
    void aMailStuckInSendingPastItsLeaseIsDueAgain() {
        String id = queueDueFirst();
        Instant now = Instant.now();
        OutboxMail claimed = outbox.claimDue(now, Duration.ofMinutes(2)).block(Duration.ofSeconds(10));
        assertThat(claimed.id()).isEqualTo(id);
        assertThat(outbox.claimDue(now.plusSeconds(60), Duration.ofMinutes(2))
                .filter(m -> m.id().equals(id)).blockOptional(Duration.ofSeconds(10))).isEmpty();
        // the sender died: after the lease the mail is claimed again
        OutboxMail reclaimed = outbox.claimDue(now.plusSeconds(121), Duration.ofMinutes(2))
                .filter(m -> m.id().equals(id)).block(Duration.ofSeconds(10));
        assertThat(reclaimed).isNotNull();
    }

    @Test
    void backoffDoublesAndIsCapped() {
        assertThat(Outbox.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Outbox.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Outbox.backoff(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(Outbox.backoff(30)).isEqualTo(Duration.ofHours(6));
    }
}
