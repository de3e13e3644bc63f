package io.winloss.portal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.jayway.jsonpath.JsonPath;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The whole way of an invitation: API, outbox, SMTP (GreenMail), and the link in the mail opening the survey. */
@PortalTest
class MailDeliveryIT {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("portal.mail.host", () -> "127.0.0.1");
        registry.add("portal.mail.port", () -> SMTP_PORT);
        registry.add("portal.mail.from", () -> "win-loss@example.test");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    @Test
    void invitationMailArrivesWithHtmlAndTextPartsAndItsLinkOpensTheSurvey() throws Exception {
        TestTenant tenant = TestTenant.create(workspaces);
        String dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Umbrella Corp");
        Map<String, Object> created = SurveyFixture.invite(client, tenant, dealId, "buyer-it@example.com", "A $20 gift card");
        String url = (String) created.get("url");

        assertThat(greenMail.waitForIncomingEmail(20_000, 1)).as("mail arrived").isTrue();
        MimeMessage message = List.of(greenMail.getReceivedMessages()).stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("buyer-it@example.com");
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        assertThat(message.getSubject()).contains("recent purchase decision");

        List<Part> leaves = new ArrayList<>();
        collect(message, leaves);
        String text = leaves.stream().filter(p -> isType(p, "text/plain")).map(MailDeliveryIT::content).findFirst().orElseThrow();
        String html = leaves.stream().filter(p -> isType(p, "text/html")).map(MailDeliveryIT::content).findFirst().orElseThrow();
        assertThat(text).contains(url, url + "/opt-out", "A $20 gift card");
        assertThat(html).contains("href=\"" + url + "\"", "A $20 gift card");

        // the sender records the delivery on the invitation
        long deadline = System.currentTimeMillis() + 10_000;
        String status = null;
        while (System.currentTimeMillis() < deadline && !"sent".equals(status)) {
            status = JsonPath.read(new String(tenant.asAdmin(client).get().uri("/api/deals/{id}/invitations", dealId).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody()), "$.items[0].status");
            Thread.sleep(200);
        }
        assertThat(status).isEqualTo("sent");

        Matcher link = Pattern.compile("(https?://\\S+/s/[A-Za-z0-9_-]+)\\s").matcher(text);
        assertThat(link.find()).isTrue();
        String path = URI.create(link.group(1)).getPath();
        assertThat(SurveyFixture.get(client, path, HttpStatus.OK).html()).contains("your recent purchase decision");

        // once the buyer visited, the invitation shows as opened
        tenant.asAdmin(client).get().uri("/api/deals/{id}/invitations", dealId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].status").isEqualTo("opened");
    }

    private static void collect(Part part, List<Part> leaves) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, leaves);
            }
        } else {
            leaves.add(part);
        }
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (Exception e) {
            return false;
        }
    }

    private static String content(Part part) {
        try {
            return part.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
