package io.winloss.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A body over the 1 MB the portal reads ({@code spring.http.codecs.max-in-memory-size}) is a 413 that says so, on a
 * staff page and in the API, where a staff form was a 500; it is logged once, not again as an ERROR; and a body under
 * the limit is read (the limit is really 1 MB, not the codecs' default of 256 KB).
 */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class BodyTooLargeTests {

    private static final String OVER_THE_LIMIT = "x".repeat(1024 * 1024 + 1);
    private static final String UNDER_THE_LIMIT = "x".repeat(700 * 1024);

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    TestTenant tenant;

    @BeforeEach
    void newTenant() {
        TestTenant.owner(workspaces); // a fresh instance shows the setup page instead of the login page
        tenant = TestTenant.create(workspaces);
    }

    @Test
    void aStaffFormOverTheLimitGetsAPageSayingSoAndNothingIsStored(CapturedOutput output) {
        PageSession session = PageSession.signIn(client, tenant.adminEmail(), tenant.password());
        session.get("/deals/new");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("account", OVER_THE_LIMIT);
        form.add("outcome", "lost");

        EntityExchangeResult<String> refused = session.post("/deals/new", form);

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(refused.getResponseBody()).contains("Form too large", "Nothing was saved", "1</span> MB");
        assertThat(dealCount()).isZero();
        assertThat(output.getAll()).as("the refusal is not logged as an error").doesNotContain("onErrorDropped")
                .doesNotContain("500 Server Error");
    }

    @Test
    void anApiBodyOverTheLimitIsA413OnTheBodyAndOneUnderItIsRead() {
        String over = "{\"account\":\"" + OVER_THE_LIMIT + "\"}";
        String under = "{\"account\":\"" + UNDER_THE_LIMIT + "\"}";

        String refused = post(over).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE).expectBody(String.class)
                .returnResult().getResponseBody();
        String validated = post(under).expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();

        assertThat(refused).contains("\"field\":\"body\"", "larger than the 1 MB").doesNotContain("transcript");
        assertThat(validated).as("read and validated, not refused for its size").contains("\"field\":\"account\"");
        assertThat(dealCount()).isZero();
    }

    @Test
    void otherDroppedErrorsAreStillLoggedAsErrors(CapturedOutput output) {
        Operators.onErrorDropped(new IllegalStateException("a dropped failure nobody answered"), Context.empty());
        Operators.onErrorDropped(new org.springframework.core.io.buffer.DataBufferLimitException("the form's second report"),
                Context.empty());

        assertThat(output.getAll()).contains("ERROR", "a dropped failure nobody answered")
                .doesNotContain("the form's second report");
    }

    private WebTestClient.ResponseSpec post(String json) {
        return tenant.asAdmin(client).post().uri("/api/deals").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private int dealCount() {
        return (Integer) tenant.asAdmin(client).get().uri("/api/deals").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("total");
    }
}
