package io.winloss.portal.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;

/**
 * The standing program end to end, with no human step between the CRM and the buyer: a signed CRM event for a lost
 * deal is enrolled in the program, invited at once, reminded on the program's days, and left alone once the buyer
 * answers. The steps run at chosen instants ({@link ProgramSchedule#runDue}), never by sleeping.
 */
@PortalTest
class CrmEventToReminderTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    @Autowired
    ProgramSchedule schedule;

    @Autowired
    ProgramSettings settings;

    private void runDue(Instant now) {
        while (schedule.runDue(now).block(WAIT) >= settings.stepsPerRun()) {
            // a full run: more may be due
        }
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSignedCrmEventForALostDealLeadsToAnInvitationAndRemindersUntilTheBuyerAnswers() throws Exception {
        TestTenant tenant = TestTenant.create(workspaces);
        ProgramFixture fixture = new ProgramFixture(client, tenant, store);
        String programId = fixture.program(0, List.of(2.0, 5.0));
        String secret = (String) tenant.asAdmin(client).post().uri("/api/webhooks/secret").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("secret");

        String body = "{\"externalId\":\"SF-0042\",\"account\":\"Acme Rockets\",\"outcome\":\"lost\",\"closeDate\":\""
                + ProgramFixture.today() + "\",\"amount\":42000,\"repReason\":\"Price\","
                + "\"contacts\":[{\"name\":\"Ann Buyer\",\"email\":\"ann@acme.test\"}]}";
        Map<String, Object> saved = client.post().uri("/api/webhooks/crm/" + tenant.workspace().id().value())
                .contentType(MediaType.APPLICATION_JSON).header("X-Signature", "sha256=" + hmac(secret, body))
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String dealId = (String) saved.get("dealId");
        assertThat(fixture.plan(programId, dealId).getString("status")).as("enrolled by the event alone").isNotNull();

        // invited at once (the portal's own 5 s schedule may have been first: the same step, done once)
        Instant start = Instant.now();
        runDue(start);
        List<Document> invitations = fixture.invitations(dealId);
        assertThat(invitations).hasSize(1);
        assertThat(invitations.get(0).getString("email")).isEqualTo("ann@acme.test");
        String invitationId = invitations.get(0).getString("_id");
        assertThat(fixture.mails(invitationId)).hasSize(1);

        runDue(start.plus(Duration.ofDays(2)).plusSeconds(60));
        List<Document> mails = fixture.mails(invitationId);
        assertThat(mails).as("the first reminder, two days later").hasSize(2);
        assertThat(mails.get(1).getString("subject")).startsWith("Reminder");

        String reminderToken = ProgramFixture.token(mails.get(1));
        SurveyFixture.survey(client, reminderToken)
                .post(client, "/s/" + reminderToken, SurveyFixture.requiredAnswers("anonymous"))
                .expectStatus().isSeeOther();

        runDue(start.plus(Duration.ofDays(6)));
        assertThat(fixture.mails(invitationId)).as("no reminder after the answer").hasSize(2);
        Document plan = fixture.plan(programId, dealId);
        assertThat(plan.getString("status")).isEqualTo("stopped");
        assertThat(plan.getString("stopReason")).isEqualTo("answered");
    }
}
