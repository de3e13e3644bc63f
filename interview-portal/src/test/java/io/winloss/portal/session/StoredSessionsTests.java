package io.winloss.portal.session;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.server.WebSession;

import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.SettableClock;
import io.winloss.portal.TestTenant;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;

/**
 * Sessions in the store, as two portal processes would share them: a second {@link StoredSessions} on the same store
 * stands for the other process. Time is a {@link SettableClock} where expiry matters, never waited for.
 */
@PortalTest
class StoredSessionsTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration IDLE = Duration.ofMinutes(30);

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    TestTenant tenant;
    MongoCollection<Document> sessions;

    @BeforeEach
    void setUp() {
        TestTenant.owner(workspaces); // without an instance owner the login page sends everyone to the setup page
        tenant = TestTenant.create(workspaces);
        sessions = store.global(Collections.SESSIONS);
    }

    private Document storedDocument(String cookie) {
        return Mono.from(sessions.find(eq("_id", StoredSessions.storedId(cookie))).first()).block(WAIT);
    }

    private static WebSession retrieve(StoredSessions other, String cookie) {
        return other.retrieveSession(cookie).block(WAIT);
    }

    private StoredSessions otherProcess(Clock clock) {
        return new StoredSessions(store, IDLE, clock);
    }

    private EntityExchangeResult<String> postLogin(PageSession browser) {
        browser.get("/login");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", tenant.adminEmail());
        form.add("password", tenant.password());
        EntityExchangeResult<String> result = browser.post("/login", form);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/");
        return result;
    }

    @Test
    void signedInSessionIsReadBackByAnotherStoreWithoutThePassword() {
        PageSession browser = new PageSession(client);
        ResponseCookie set = postLogin(browser).getResponseCookies().getFirst("SESSION");
        assertThat(set).isNotNull();
        assertThat(set.isHttpOnly()).as("cookie settings from application.properties still apply").isTrue();
        assertThat(set.getSameSite()).isEqualToIgnoringCase("Lax");
        String cookie = set.getValue();
        assertThat(Base64.getUrlDecoder().decode(cookie)).as("256 random bits").hasSize(32);

        assertThat(Mono.from(sessions.find(eq("_id", cookie)).first()).block(WAIT)).as("the cookie value is not stored").isNull();
        Document stored = storedDocument(cookie);
        assertThat(stored).as("stored under the SHA-256 of the cookie").isNotNull();
        assertThat(stored.getString("_id")).hasSize(64).isNotEqualTo(cookie);
        String bytes = new String(stored.get("attributes", Binary.class).getData(), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as("no password hash in the stored session").doesNotContain("{bcrypt}").doesNotContain("$2a$");

        WebSession other = retrieve(otherProcess(Clock.systemUTC()), cookie);
        assertThat(other).isNotNull();
        SecurityContext context = (SecurityContext) other.getAttributes().get("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo(tenant.adminEmail());
        assertThat(context.getAuthentication().isAuthenticated()).isTrue();
        assertThat(context.getAuthentication().getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_ADMIN");
        assertThat(((UserDetails) context.getAuthentication().getPrincipal()).getPassword()).isNull();

        assertThat(browser.get("/deals").getStatus()).as("the session signs the user in").isEqualTo(HttpStatus.OK);
    }

    @Test
    void signingInChangesTheSessionIdAndTheOldOneIsRefused() {
        // a session id known before sign-in, as one an attacker planted in the victim's browser would be
        String before = savedSession(otherProcess(Clock.systemUTC()), "planted");
        EntityExchangeResult<String> loginPage = client.get().uri("/login").cookie("SESSION", before).exchange()
                .expectBody(String.class).returnResult();
        String xsrf = loginPage.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        Matcher field = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage.getResponseBody());
        assertThat(field.find()).isTrue();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", tenant.adminEmail());
        form.add("password", tenant.password());
        form.add("_csrf", field.group(1));
        EntityExchangeResult<byte[]> login = client.post().uri("/login").cookie("SESSION", before).cookie("XSRF-TOKEN", xsrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectBody().returnResult();
        assertThat(login.getResponseHeaders().getLocation()).hasToString("/");

        String after = login.getResponseCookies().getFirst("SESSION").getValue();
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(storedDocument(before)).as("the old document is deleted").isNull();
        assertThat(retrieve(otherProcess(Clock.systemUTC()), before)).isNull();
        assertThat(client.get().uri("/deals").cookie("SESSION", before).exchange().expectBody().returnResult().getStatus()
                .is3xxRedirection()).as("the pre-login id signs nobody in").isTrue();
        assertThat(client.get().uri("/deals").cookie("SESSION", after).exchange().expectBody().returnResult().getStatus())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void signingOutEndsTheSessionForEveryProcess() {
        PageSession browser = PageSession.signIn(client, tenant.adminEmail(), tenant.password());
        String cookie = browser.cookie("SESSION");
        browser.get("/deals");
        EntityExchangeResult<String> out = browser.post("/logout", new LinkedMultiValueMap<>());
        assertThat(out.getStatus().is3xxRedirection()).isTrue();
        assertThat(out.getResponseHeaders().getLocation().toString()).contains("/login");

        assertThat(storedDocument(cookie)).isNull();
        assertThat(retrieve(otherProcess(Clock.systemUTC()), cookie)).isNull();
        assertThat(client.get().uri("/deals").cookie("SESSION", cookie).exchange().expectBody().returnResult().getStatus()
                .is3xxRedirection()).isTrue();
    }

    @Test
    void expiredSessionIsRefusedOnReadAndRemovedByTheCleanup() {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        SettableClock clock = new SettableClock(start);
        StoredSessions one = otherProcess(clock);
        StoredSessions two = otherProcess(clock);
        String read = savedSession(one, "read");
        String cleaned = savedSession(one, "cleaned");

        clock.set(start.plus(IDLE).minusSeconds(1));
        assertThat(retrieve(two, read)).as("still alive just before its max idle time").isNotNull();
        clock.set(start.plus(IDLE).plusSeconds(1));
        String fresh = savedSession(one, "fresh");
        assertThat(retrieve(two, read)).as("refused once idle too long").isNull();
        assertThat(storedDocument(read)).as("and deleted on that read").isNull();
        assertThat(storedDocument(cleaned)).as("not read: still there until the cleanup").isNotNull();

        Long removed = new SessionCleanup(one, true).cleanUp(clock.instant()).block(WAIT);
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(storedDocument(cleaned)).isNull();
        assertThat(storedDocument(fresh)).as("a live session is kept").isNotNull();
        assertThat(retrieve(two, fresh).getAttributes()).containsEntry("note", "fresh");
    }

    @Test
    void lastAccessIsWrittenAtMostOnceAMinute() {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        SettableClock clock = new SettableClock(start);
        StoredSessions one = otherProcess(clock);
        String id = savedSession(one, "x");
        String key = StoredSessions.storedId(id);
        // a field the store's own writes never set: a write replaces the document and drops it
        Mono.from(sessions.updateOne(eq("_id", key), Updates.set("probe", 1))).block(WAIT);

        clock.set(start.plusSeconds(30));
        WebSession soon = retrieve(one, id);
        soon.save().block(WAIT);
        assertThat(storedDocument(id).getInteger("probe")).as("no write within the minute").isEqualTo(1);
        assertThat(storedDocument(id).getDate("lastAccess").toInstant()).isEqualTo(start);

        clock.set(start.plusSeconds(90));
        WebSession later = retrieve(one, id);
        later.save().block(WAIT);
        assertThat(storedDocument(id).get("probe")).as("written after a minute").isNull();
        assertThat(storedDocument(id).getDate("lastAccess").toInstant()).isEqualTo(start.plusSeconds(90));

        clock.set(start.plusSeconds(100));
        WebSession changed = retrieve(one, id);
        Mono.from(sessions.updateOne(eq("_id", key), Updates.set("probe", 1))).block(WAIT);
        changed.getAttributes().put("note", "changed");
        changed.save().block(WAIT);
        assertThat(storedDocument(id).get("probe")).as("a changed attribute is written at once").isNull();
        assertThat(retrieve(otherProcess(clock), id).getAttributes()).containsEntry("note", "changed");
    }

    @Test
    void aSessionEndedByOneProcessIsNotWrittenBackByAnother() {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        SettableClock clock = new SettableClock(start);
        StoredSessions one = otherProcess(clock);
        StoredSessions two = otherProcess(clock);
        String id = savedSession(one, "x");
        clock.set(start.plusSeconds(120));
        WebSession onTwo = retrieve(two, id);
        WebSession onOne = retrieve(one, id);
        onOne.invalidate().block(WAIT);
        onTwo.save().block(WAIT);
        assertThat(storedDocument(id)).isNull();
        assertThat(retrieve(one, id)).isNull();
    }

    @Test
    void aStoredClassOutsideTheAllowListIsNotRead() throws Exception {
        String id = savedSession(otherProcess(Clock.systemUTC()), "forged");
        java.io.ByteArrayOutputStream forged = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(forged)) {
            out.writeObject(new java.util.HashMap<>(Map.of("note", java.net.URI.create("http://example.test/"))));
        }
        Mono.from(sessions.updateOne(eq("_id", StoredSessions.storedId(id)),
                Updates.set("attributes", new Binary(forged.toByteArray())))).block(WAIT);
        assertThat(retrieve(otherProcess(Clock.systemUTC()), id)).as("java.net is not on the allow-list").isNull();
    }

    @Test
    void anonymousPagesWriteNoSession() {
        String dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Anonymous Co");
        String token = SurveyFixture.token(SurveyFixture.invite(client, tenant, dealId, "buyer@anonymous.test", null));
        // sessions created from now on (the cleanup job may meanwhile delete other tests' expired ones)
        java.util.Date since = java.util.Date.from(Instant.now().minusSeconds(1));
        long before = count(since);
        for (String page : List.of("/login", "/s/" + token, "/s/" + token + "/opt-out", "/s/no-such-token", "/actuator/health")) {
            EntityExchangeResult<byte[]> result = client.get().uri(page).exchange().expectBody().returnResult();
            assertThat(result.getStatus().value()).as(page).isLessThan(500);
            assertThat(result.getResponseCookies().getFirst("SESSION")).as("no session cookie for %s", page).isNull();
        }
        assertThat(count(since)).as("no session document written").isEqualTo(before);
    }

    private long count(java.util.Date since) {
        return Mono.from(sessions.countDocuments(com.mongodb.client.model.Filters.gte("createdAt", since))).block(WAIT);
    }

    /** A session with one attribute, saved as a request would at its end; answers the cookie's id. */
    private static String savedSession(StoredSessions sessions, String note) {
        WebSession session = sessions.createWebSession().block(WAIT);
        session.getAttributes().put("note", note);
        session.save().block(WAIT);
        return session.getId();
    }
}
