package io.winloss.portal.mail;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailSendException;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.reactivestreams.client.MongoClient;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import reactor.core.publisher.Mono;

/**
 * Bounces as the SMTP server reports them during the conversation: a recipient refused for good parks the mail as
 * bounced and marks its invitation; a temporary refusal is retried. The outbox here lives in a database of its own,
 * so the sender sees only this test's mail.
 */
@PortalTest
class OutboxBounceTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MongoClient mongo;

    @Autowired
    Store store;

    @Autowired
    PortalProperties properties;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    FakeSmtpServer smtp;
    Store mailStore;
    Outbox outbox;
    OutboxSender sender;
    final List<Object> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        smtp = new FakeSmtpServer();
        mailStore = new Store(mongo.getDatabase("bounce-" + UUID.randomUUID().toString().substring(0, 8)));
        outbox = new Outbox(mailStore);
        PortalProperties withSmtp = new PortalProperties(properties.dataDir(), properties.mongodbUri(), properties.storePort(),
                properties.roles(), properties.baseUrl(), properties.adminEmail(), properties.adminPassword(),
                properties.invitationValidDays(), new PortalProperties.Mail("127.0.0.1", smtp.port(), "", "", false, "win-loss@example.test"));
        sender = new OutboxSender(outbox, withSmtp, event -> {
            published.add(event);
            events.publishEvent(event);
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        smtp.close();
    }

    private String queue(WorkspaceId workspace, String to, String invitationId) {
        return outbox.queue(new OutgoingMail(workspace, to, "Subject", "<p>Hi</p>", "Hi", invitationId, "http://localhost/s/x"))
                .block(WAIT);
    }

    private Document mail(String id) {
        return Mono.from(mailStore.global(Collections.OUTBOX).find(eq("_id", id)).first()).block(WAIT);
    }

    @Test
    void aRecipientRefusedForGoodBouncesTheMailAndMarksItsInvitation() throws InterruptedException {
        TestTenant tenant = TestTenant.create(workspaces);
        String dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Acme");
        Map<String, Object> invited = SurveyFixture.invite(client, tenant, dealId, "bounce-me@acme.test", null);
        String invitationId = (String) invited.get("id");
        String bounced = queue(tenant.workspace().id(), "bounce-me@acme.test", invitationId);
        String busy = queue(tenant.workspace().id(), "later@acme.test", null);
        String fine = queue(tenant.workspace().id(), "ann@acme.test", null);

        sender.sendDue().block(WAIT);

        Document parked = mail(bounced);
        assertThat(parked.getString("status")).isEqualTo("bounced");
        assertThat(parked.getString("lastError")).contains("550");
        assertThat(parked.get("nextAttemptAt")).as("never tried again").isNull();
        assertThat(mail(busy).getString("status")).as("4xx is retried").isEqualTo("pending");
        assertThat(mail(busy).getInteger("attempts")).isEqualTo(1);
        assertThat(mail(fine).getString("status")).isEqualTo("sent");
        assertThat(smtp.delivered).containsExactly("<ann@acme.test>");
        assertThat(published).filteredOn(MailBounced.class::isInstance).singleElement()
                .isEqualTo(new MailBounced(tenant.workspace().id().value(), invitationId, "bounce-me@acme.test", parked.getString("lastError")));

        // the invitation's listener writes asynchronously: wait for the write
        for (int i = 0; i < 100 && invitationStatus(tenant, dealId).equals("queued"); i++) {
            Thread.sleep(50);
        }
        assertThat(invitationStatus(tenant, dealId)).isEqualTo("bounced");
        assertThat(sender.sendDue().block(WAIT)).as("nothing left to send but the busy mail, not due yet").isZero();
    }

    private String invitationStatus(TestTenant tenant, String dealId) {
        return tenant.asAdmin(client).get().uri("/api/deals/{id}/invitations", dealId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("items") instanceof List<?> items && !items.isEmpty() ? (String) ((Map<?, ?>) items.get(0)).get("status") : "none";
    }

    @Test
    void onlyAPermanentRefusalOfTheRecipientIsABounce() throws Exception {
        SendFailedException refused = new SendFailedException("Invalid Addresses", null, new InternetAddress[0],
                new InternetAddress[0], new InternetAddress[] {new InternetAddress("x@y.test")});
        assertThat(SmtpRefusal.permanent(refused)).isPresent();
        assertThat(SmtpRefusal.permanent(new MailSendException(Map.of(new Object(), refused)))).isPresent();
        SendFailedException unsent = new SendFailedException("Invalid Addresses", null, new InternetAddress[0],
                new InternetAddress[] {new InternetAddress("x@y.test")}, new InternetAddress[0]);
        assertThat(SmtpRefusal.permanent(unsent)).as("4xx: valid but unsent").isEmpty();
        assertThat(SmtpRefusal.permanent(new MessagingException("Could not connect to SMTP host"))).isEmpty();
        assertThat(SmtpRefusal.permanent(new IllegalStateException("timeout"))).isEmpty();
    }
}
