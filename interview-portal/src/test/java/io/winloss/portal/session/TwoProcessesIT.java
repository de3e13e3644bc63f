package io.winloss.portal.session;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

import io.winloss.portal.PortalClient;
import io.winloss.portal.PortalProcess;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Two portal processes on one store, both {@code web,worker}, as the README's "More than one process" runs them: A on
 * its embedded store exposed on {@code PORTAL_STORE_PORT}, B on that store through {@code MONGODB_URI}, each with its
 * own data folder (its own search replica). A user signed in on A is signed in on B (and signed out on both); an
 * interview uploaded to B is analysed once and found by search on both; a program's invitation goes out once.
 */
class TwoProcessesIT {

    private static final String ADMIN = "admin@example.test";
    private static final String PASSWORD = "correct-horse-battery";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void twoProcessesShareSessionsJobsSchedulesAndConverge() throws Exception {
        int storePort = PortalProcess.freePort();
        try (PortalProcess a = new PortalProcess(Files.createTempDirectory("two-processes-a"), Map.of(
                     "PORTAL_ADMIN_EMAIL", ADMIN, "PORTAL_ADMIN_PASSWORD", PASSWORD,
                     "PORTAL_STORE_PORT", String.valueOf(storePort), "PORTAL_ROLES", "web,worker")).withHeap("2g").launch();
             PortalProcess b = new PortalProcess(Files.createTempDirectory("two-processes-b"), Map.of(
                     "MONGODB_URI", "mongodb://127.0.0.1:" + storePort, "PORTAL_ROLES", "web,worker")).withHeap("2g");
             MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + storePort)) {
            // B starts as soon as A's store listens, so the two start side by side
            await("A's store listening", Duration.ofSeconds(90), () -> listening(storePort));
            b.launch();
            a.awaitStarted(Duration.ofSeconds(150));
            b.awaitStarted(Duration.ofSeconds(150));
            MongoDatabase store = mongo.getDatabase("winloss");
            PortalClient apiA = new PortalClient(a.baseUrl(), ADMIN, PASSWORD);
            PortalClient apiB = new PortalClient(b.baseUrl(), ADMIN, PASSWORD);

            // (b) first: its analysis runs while (a) and (c) are checked
            String dealB = apiB.createDeal("Shared Store Co");
            String interview = apiB.uploadInterview(dealB, "call.txt", "Priya Raman: What decided it for you?\n"
                    + "Dana Ortiz: The pricing of the enterprise tier was far too steep for our procurement team.\n"
                    + "Priya Raman: Anything else?\n"
                    + "Dana Ortiz: No, that was the main thing.\n", "Priya Raman");

            signedInOnOneProcessIsSignedInOnTheOther(a.baseUrl(), b.baseUrl(), apiA);
            invitationGoesOutOnce(apiA, store);
            analysedOnceAndFoundOnBoth(apiA, apiB, store, interview);
        }
    }

    /** (a) Sign in through A's form; B shows a staff page and takes its form; signing out on A ends it on B. */
    private static void signedInOnOneProcessIsSignedInOnTheOther(URI a, URI b, PortalClient apiA) throws Exception {
        Visitor browser = new Visitor();
        assertThat(browser.get(a, "/login").statusCode()).isEqualTo(200);
        HttpResponse<String> login = browser.post(a, "/login", Map.of("username", ADMIN, "password", PASSWORD));
        assertThat(login.statusCode() / 100).as("login on A: %s", login.statusCode()).isEqualTo(3);
        assertThat(login.headers().firstValue("Location")).hasValue("/");
        assertThat(browser.cookies).containsKeys("SESSION", "XSRF-TOKEN");

        HttpResponse<String> form = browser.get(b, "/deals/new");
        assertThat(form.statusCode()).as("A's session opens a staff page on B").isEqualTo(200);
        assertThat(form.body()).contains("name=\"account\"");
        HttpResponse<String> created = browser.post(b, "/deals/new", Map.of("account", "Made On B", "outcome", "won",
                "closeDate", "2026-02-03", "contactName", "Bob", "contactEmail", "bob@made-on-b.test"));
        assertThat(created.statusCode() / 100).as("B takes the form (CSRF) of a user signed in on A: %s", created.statusCode())
                .isEqualTo(3);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/deals/");
        assertThat(apiA.getJson("/api" + location).body()).contains("\"account\":\"Made On B\"");

        browser.get(a, "/");
        HttpResponse<String> out = browser.post(a, "/logout", Map.of());
        assertThat(out.statusCode() / 100).isEqualTo(3);
        assertThat(out.headers().firstValue("Location").orElseThrow()).contains("/login");
        String ended = browser.lastSession;
        HttpResponse<String> after = browser.withSession(ended).get(b, "/deals");
        assertThat(after.statusCode() / 100).as("the session signed out on A is unknown to B: %s", after.statusCode()).isEqualTo(3);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    /** (b) One job, one attempt, done; the quote is found on A and on B within a bounded wait. */
    private static void analysedOnceAndFoundOnBoth(PortalClient apiA, PortalClient apiB, MongoDatabase store, String interview)
            throws Exception {
        await("interview analysed", Duration.ofSeconds(120),
                () -> "done".equals(PortalClient.field(get(apiA, "/api/interviews/" + interview), "status")));
        List<Document> jobs = Flux.from(store.getCollection("analysisJobs").find(Filters.regex("target", interview + "$")))
                .collectList().block(WAIT);
        assertThat(jobs).as("one job for the interview").hasSize(1);
        assertThat(jobs.get(0).getString("status")).isEqualTo("done");
        assertThat(jobs.get(0).getInteger("attempts")).as("claimed once, by one worker").isEqualTo(1);
        for (PortalClient api : List.of(apiA, apiB)) {
            await("quote found on both replicas", Duration.ofSeconds(30),
                    () -> get(api, "/api/search?q=procurement").contains("\"sourceId\":\"" + interview + "\""));
        }
    }

    /** (c) A program created via A and a deal in scope: one invitation and one queued mail, with two schedulers. */
    private static void invitationGoesOutOnce(PortalClient apiA, MongoDatabase store) throws Exception {
        HttpResponse<String> program = apiA.postJson("/api/programs", "{\"name\":\"At once\",\"outcomes\":[\"lost\"],"
                + "\"inviteAfterDays\":0,\"reminderAfterDays\":[14]}");
        assertThat(program.statusCode()).as(program.body()).isEqualTo(201);
        String programId = PortalClient.field(program.body(), "id");
        HttpResponse<String> deal = apiA.postJson("/api/deals", "{\"account\":\"Invited Once Co\",\"outcome\":\"lost\","
                + "\"closeDate\":\"" + LocalDate.now(ZoneOffset.UTC) + "\",\"contacts\":[{\"name\":\"Ann\",\"email\":\"ann@invited-once.test\"}]}");
        assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);
        String dealId = PortalClient.field(deal.body(), "id");

        await("invitation sent", Duration.ofSeconds(40),
                () -> get(apiA, "/api/programs/" + programId + "/plans").contains("\"invitedAt\":\"")
                        && count(store, "outbox", eq("to", "ann@invited-once.test")) >= 1);
        // Both schedulers run every 5 s: over three more of their cycles nothing may be sent twice.
        long until = System.nanoTime() + Duration.ofSeconds(16).toNanos();
        while (System.nanoTime() < until) {
            assertThat(count(store, "outbox", eq("to", "ann@invited-once.test"))).as("one queued mail").isEqualTo(1);
            assertThat(count(store, "invitations", eq("dealId", dealId))).as("one invitation").isEqualTo(1);
            Thread.sleep(500);
        }
        assertThat(get(apiA, "/api/deals/" + dealId + "/invitations")).contains("ann@invited-once.test");
        assertThat(count(store, "programPlans", eq("dealId", dealId))).isEqualTo(1);
    }

    private static long count(MongoDatabase store, String collection, org.bson.conversions.Bson filter) {
        return Mono.from(store.getCollection(collection).countDocuments(filter)).block(WAIT);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String get(PortalClient api, String path) {
        try {
            return api.getJson(path).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within %s", what, timeout).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /**
     * A browser without JavaScript: keeps the cookies it is given (as a browser, for both processes: they share a host)
     * and posts forms with the {@code _csrf} field of the last page it read.
     */
    private static final class Visitor {

        private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
        private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\"\\s+content=\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private String csrf;
        /** The last session id the portal gave this browser, kept after it was cleared. */
        private String lastSession;

        Visitor withSession(String session) {
            cookies.put("SESSION", session);
            return this;
        }

        HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
            return remember(http.send(request(base, path).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> post(URI base, String path, Map<String, String> fields) throws IOException, InterruptedException {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("_csrf", csrf);
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return remember(http.send(request(base, path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        private HttpRequest.Builder request(URI base, String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html");
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private HttpResponse<String> remember(HttpResponse<String> response) {
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                    if (name.equals("SESSION")) {
                        lastSession = value;
                    }
                }
            }
            for (Pattern pattern : List.of(CSRF_FIELD, CSRF_META)) {
                Matcher m = pattern.matcher(response.body());
                if (m.find()) {
                    csrf = m.group(1);
                    break;
                }
            }
            return response;
        }
    }
}
