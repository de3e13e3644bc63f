package io.winloss.portal.invitation;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import io.winloss.portal.PageSession;
import io.winloss.portal.TestTenant;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/** Deals, invitations and buyer form posts for tests, without depending on the deal API. */
public final class SurveyFixture {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private SurveyFixture() {
    }

    /** Stores a lost deal of the tenant's workspace directly and returns its id. */
    public static String deal(Store store, WorkspaceId workspace, String account) {
        String id = UUID.randomUUID().toString();
        Date now = Date.from(Instant.now());
        store.tenant(workspace, Collections.DEALS).insert(new Document("_id", id).append("account", account)
                .append("name", account + " renewal").append("outcome", "lost").append("closeDate", "2026-03-31")
                .append("createdAt", now).append("updatedAt", now)).block(Duration.ofSeconds(10));
        return id;
    }

    /** The created invitation's JSON as a map ({@code id}, {@code status}, {@code url}). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> invite(WebTestClient client, TestTenant tenant, String dealId, String email, String incentive) {
        Map<String, String> body = incentive == null ? Map.of("email", email) : Map.of("email", email, "incentive", incentive);
        return tenant.asAdmin(client).post().uri("/api/deals/{id}/invitations", dealId).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    public static String token(Map<String, Object> created) {
        String url = (String) created.get("url");
        return url.substring(url.lastIndexOf("/s/") + 3);
    }

    public static void expire(Store store, String invitationId) {
        Mono.from(store.global(Collections.INVITATIONS).updateOne(eq("_id", invitationId),
                new Document("$set", new Document("expiresAt", Date.from(Instant.now().minusSeconds(60))))))
                .block(Duration.ofSeconds(10));
    }

    /** A page fetched with the CSRF cookie and form field it handed out, ready to post back. */
    public record Page(String html, String cookie, String csrf) {

        public WebTestClient.ResponseSpec post(WebTestClient client, String uri, MultiValueMap<String, String> form) {
            MultiValueMap<String, String> body = new LinkedMultiValueMap<>(form);
            body.set("_csrf", csrf);
            return client.post().uri(uri).cookie("XSRF-TOKEN", cookie)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData(body)).exchange();
        }

        /** Posts like survey.js does: the token in the header named by the page's meta tag. */
        public WebTestClient.ResponseSpec postDraft(WebTestClient client, String uri, MultiValueMap<String, String> form) {
            return client.post().uri(uri).cookie("XSRF-TOKEN", cookie).header("X-XSRF-TOKEN", csrf)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData(form)).exchange();
        }
    }

    public static Page get(WebTestClient client, String uri, HttpStatus expected) {
        EntityExchangeResult<String> result = client.get().uri(uri).exchange()
                .expectStatus().isEqualTo(expected).expectBody(String.class).returnResult();
        ResponseCookie cookie = result.getResponseCookies().getFirst("XSRF-TOKEN");
        String html = result.getResponseBody();
        Matcher m = CSRF_FIELD.matcher(html == null ? "" : html);
        return new Page(html, cookie == null ? null : cookie.getValue(), m.find() ? m.group(1) : null);
    }

    public static Page survey(WebTestClient client, String token) {
        Page page = get(client, "/s/" + token, HttpStatus.OK);
        assertThat(page.cookie()).as("CSRF cookie").isNotNull();
        assertThat(page.csrf()).as("CSRF field").isNotNull();
        return page;
    }

    /** Signs in through the login form and returns a client carrying the session cookie. */
    public static Staff signIn(WebTestClient client, String email) {
        String session = PageSession.signIn(client, email, TestTenant.PASSWORD).cookie("SESSION");
        assertThat(session).as("session cookie").isNotNull();
        return new Staff(client.mutate().defaultCookie("SESSION", session).build());
    }

    /** A signed-in browser. */
    public record Staff(WebTestClient client) {

        public Page get(String uri) {
            return SurveyFixture.get(client, uri, HttpStatus.OK);
        }
    }

    /** Answers every required question of the default survey. */
    public static MultiValueMap<String, String> requiredAnswers(String attribution) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("primaryReason", "price");
        form.add("attribution", attribution);
        return form;
    }
}
