package io.winloss.portal.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.winloss.portal.PortalClient;
import io.winloss.portal.PortalProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing acknowledged is lost and nothing is left half done when the portal is killed (SIGKILL) while transcripts
 * are uploaded, analysed and indexed, twice: once while uploads stream in and analysis and indexing run, and again
 * after the restart while the interrupted jobs are replayed. After the last restart every upload that got its 202 is
 * listed exactly once on its deal with the file it was sent, every job finishes, and the search index holds exactly
 * the buyer sentences the store holds, interview by interview. An upload that never got its 202 may be there or not,
 * but if it is there its analysis finishes too.
 *
 * <p>The transcripts are small generated calls in the three text formats (plain text, WebVTT with voice tags, SRT
 * with speaker labels), each with a marker word of its own in every buyer sentence so its quotes can be found, plus
 * two real exports from the test fixtures. Analysis leases are 5 s, so a killed worker's job is taken over quickly.
 * The second kill also comes right after the index was emptied for a rebuild, so the last start finds it mid-rebuild.
 */
class AnalysisCrashRecoveryIT {

    static final String ADMIN = "admin@example.test";
    static final String PASSWORD = "correct-horse-battery";
    static final String INTERVIEWER = "Priya Raman";
    static final int FIRST_WAVE = 10;
    static final int BURST_THREADS = 3;
    static final int BURST_FILES_PER_THREAD = 4;
    static final int HELD_UPLOADS = 2;
    static final Duration PHASE_TIMEOUT = Duration.ofSeconds(180);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONSONANTS = "bcdfghjklmnpqrtvwxz";

    /** A transcript as sent: its file name (unique), its bytes, and the marker word in each of its buyer sentences. */
    record Upload(String fileName, byte[] bytes, String marker) {
    }

    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> attempted = ConcurrentHashMap.newKeySet();
    private final Map<String, Upload> sent = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final long started = System.nanoTime();
    private Upload heldTemplate;

    @Test
    void acknowledgedUploadsSurviveKillsDuringAnalysisAndIndexingAndTheIndexMatchesTheStore() throws Exception {
        Path data = Files.createTempDirectory("analysis-crash");
        Map<String, String> settings = Map.of("PORTAL_ADMIN_EMAIL", ADMIN, "PORTAL_ADMIN_PASSWORD", PASSWORD,
                "PORTAL_ANALYSIS_LEASE", "5s", "PORTAL_RATE_LIMIT_API_PER_MINUTE", "0");
        String dealId;
        String longId;
        boolean longInterrupted;

        // round 1: uploads, analysis and indexing under way; killed while uploads stream in
        try (PortalProcess portal = new PortalProcess(data, settings).withHeap("2g").start()) {
            Api api = new Api(portal.baseUrl());
            dealId = api.createDeal();
            assertThat(api.client.putJson("/api/competitors", "[{\"name\":\"HubSpot\",\"aliases\":[]}]").statusCode()).isEqualTo(200);
            say("portal up, deal " + dealId);

            // a long call first, so the worker takes it first and is in the middle of it at each kill
            Upload longCall = generated(40);
            uploadAll(api, dealId, List.of(longCall), 1);
            longId = acknowledged.get(longCall.fileName());
            List<Upload> firstWave = new ArrayList<>();
            firstWave.add(fixture("genie-flow-invoker-docproc/ZOOM-video1009782420.vtt"));
            firstWave.add(fixture("webvtt-py/sample.srt"));
            while (firstWave.size() < FIRST_WAVE - 1) {
                firstWave.add(generated());
            }
            uploadAll(api, dealId, firstWave, 4);
            assertThat(acknowledged).as("the first wave is acknowledged").hasSize(FIRST_WAVE);

            String theLongCall = longId;
            Set<String> doneBefore = ids(api.statuses(dealId), "done");

            // uploads whose body stops half-way: in flight for sure when the portal dies
            CountDownLatch halfSent = new CountDownLatch(HELD_UPLOADS);
            CountDownLatch killed = new CountDownLatch(1);
            ExecutorService held = Executors.newFixedThreadPool(HELD_UPLOADS);
            List<Future<?>> heldDone = new ArrayList<>();
            for (int i = 0; i < HELD_UPLOADS; i++) {
                Upload big = large();
                heldDone.add(held.submit(() -> api.uploadHeld(dealId, big, halfSent, killed)));
            }
            assertThat(halfSent.await(30, TimeUnit.SECONDS)).as("held uploads sent half their bodies").isTrue();

            // uploads that go out one per permit: three now, acknowledged before the kill, the rest racing it
            Semaphore permits = new Semaphore(3);
            AtomicInteger burstAcknowledged = new AtomicInteger();
            ExecutorService burst = Executors.newFixedThreadPool(BURST_THREADS);
            List<Future<?>> burstDone = new ArrayList<>();
            for (int t = 0; t < BURST_THREADS; t++) {
                burstDone.add(burst.submit(() -> {
                    for (int i = 0; i < BURST_FILES_PER_THREAD; i++) {
                        permits.acquire();
                        if (killed.getCount() == 0) {
                            return null;
                        }
                        if (api.upload(dealId, generated())) {
                            burstAcknowledged.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            awaitTrue(() -> burstAcknowledged.get() >= 3, "three uploads of the burst acknowledged");

            // the moment CoreNLP is in the middle of the long call (or, should it be over before a look finds it there,
            // the moment another analysis has just finished, its sentences on their way into the index): kill then
            Map<String, String> atMoment = awaitStatuses(api, dealId, s -> {
                if (!"done".equals(s.get(theLongCall))) {
                    JsonNode progress = api.json("/api/interviews/" + theLongCall).get("progress");
                    int done = progress.get("done").asInt();
                    return done > 0 && done < progress.get("total").asInt();
                }
                return !doneBefore.containsAll(ids(s, "done")) && count(s, "done") > doneBefore.size() + 1;
            }, "the long call mid-analysis, or another interview just analysed");
            int sentBefore = attempted.size();
            permits.release(BURST_THREADS * BURST_FILES_PER_THREAD);
            awaitTrue(() -> attempted.size() > sentBefore, "more uploads sent");
            portal.kill();
            killed.countDown();
            longInterrupted = !"done".equals(atMoment.get(longId));
            say("KILL 1: " + acknowledged.size() + " acknowledged of " + attempted.size() + " attempted; at the last look "
                    + summary(atMoment) + ", the long call " + atMoment.get(longId));
            permits.release(BURST_THREADS * BURST_FILES_PER_THREAD);
            for (Future<?> f : burstDone) {
                f.get(60, TimeUnit.SECONDS);
            }
            for (Future<?> f : heldDone) {
                f.get(60, TimeUnit.SECONDS);
            }
            burst.shutdown();
            held.shutdown();
            assertThat(count(atMoment, "queued") + count(atMoment, "analyzing")).as("jobs were unfinished at the kill").isPositive();
        }
        assertThat(acknowledged.keySet()).as("no held upload was acknowledged").noneMatch(name -> name.startsWith("held-"));
        assertThat(attempted.size()).as("some uploads were not acknowledged").isGreaterThan(acknowledged.size());

        // round 2: the interrupted jobs are replayed; killed again while they run and the index is being rebuilt
        try (PortalProcess portal = new PortalProcess(data, settings).withHeap("2g").start()) {
            Api api = new Api(portal.baseUrl());
            say("restarted");
            Map<String, String> before = api.statuses(dealId);
            Set<String> unfinished = new HashSet<>(ids(before, "queued"));
            unfinished.addAll(ids(before, "analyzing"));
            // new uploads queue behind the replayed jobs; the longer call among them keeps a job running after the
            // replays are done, so the moment below cannot pass between two looks
            uploadAll(api, dealId, List.of(generated(), generated(60), generated()), 3);
            Map<String, String> replaying = awaitStatuses(api, dealId, s -> {
                boolean replayedOneDone = unfinished.stream().anyMatch(id -> "done".equals(s.get(id)));
                boolean longCallPending = unfinished.contains(longId) && !"done".equals(s.get(longId));
                return replayedOneDone && (longCallPending
                        ? "analyzing".equals(s.get(longId))
                        : count(s, "queued") + count(s, "analyzing") > 0);
            }, "a replayed job finished while another job (the long call, if it was interrupted and is not done) runs");
            // the instance owner rebuilds the index: answered once it is empty, so the kill finds it mid-rebuild
            HttpResponse<String> rebuild = api.client.postJson("/api/search/rebuild", "{}");
            portal.kill();
            assertThat(rebuild.statusCode()).as("rebuild: %s", rebuild.body()).isEqualTo(202);
            say("KILL 2: " + summary(replaying) + ", the long call " + replaying.get(longId) + "; index emptied for a rebuild: " + rebuild.body());
        }

        // round 3: everything finishes and the index matches the store
        try (PortalProcess portal = new PortalProcess(data, settings).withHeap("2g").start()) {
            Api api = new Api(portal.baseUrl());
            say("restarted again");
            Map<String, String> finished = awaitStatuses(api, dealId,
                    s -> s.values().stream().allMatch(v -> v.equals("done") || v.equals("failed")), "every job finished");
            say("all finished: " + summary(finished));

            List<JsonNode> listed = new ArrayList<>();
            api.json("/api/deals/" + dealId + "/interviews").get("items").forEach(listed::add);
            List<String> ids = listed.stream().map(i -> i.get("id").asString()).toList();
            List<String> names = listed.stream().map(i -> i.get("fileName").asString()).toList();
            assertThat(ids).as("no interview listed twice").doesNotHaveDuplicates();
            assertThat(names).as("no file stored twice").doesNotHaveDuplicates();
            assertThat(attempted).as("only files that were sent are there").containsAll(names);
            assertThat(names).as("every acknowledged upload is there").containsAll(acknowledged.keySet());
            for (JsonNode item : listed) {
                String name = item.get("fileName").asString();
                if (acknowledged.containsKey(name)) {
                    assertThat(item.get("id").asString()).as("%s keeps the id it was acknowledged with", name)
                            .isEqualTo(acknowledged.get(name));
                }
            }
            assertThat(finished.values()).as("every job finished as done (none failed)").allMatch("done"::equals);

            // each interview answers with the file it was sent, analysed
            Map<String, List<String>> storeSentences = new TreeMap<>();
            int storeCount = 0;
            for (JsonNode item : listed) {
                String id = item.get("id").asString();
                Upload upload = sent.get(item.get("fileName").asString());
                JsonNode interview = api.json("/api/interviews/" + id);
                assertThat(interview.get("dealId").asString()).isEqualTo(dealId);
                assertThat(interview.get("size").asLong()).as("%s has the size it was sent with", upload.fileName())
                        .isEqualTo(upload.bytes().length);
                List<String> buyer = new ArrayList<>();
                interview.get("sentences").forEach(s -> {
                    if ("buyer".equals(s.get("role").asString())) {
                        buyer.add(s.get("text").asString());
                    }
                });
                if (upload.marker() != null) {
                    assertThat(buyer).as("%s: its buyer sentences are its own", upload.fileName()).isNotEmpty()
                            .allMatch(text -> text.contains(upload.marker()));
                }
                buyer.sort(null);
                if (!buyer.isEmpty()) {
                    storeSentences.put(id, buyer);
                }
                storeCount += buyer.size();
            }

            // the index converges on the store: the same sentences, source by source, and the same total
            int expected = storeCount;
            awaitTrue(() -> api.searchTotal("") == expected, "the index holds the store's " + expected + " buyer sentences");
            say("the index holds the store's " + expected + " buyer sentences");
            Map<String, List<String>> indexed = new TreeMap<>();
            List<JsonNode> every = api.searchAll("");
            int total = every.size();
            every.forEach(hit -> indexed.computeIfAbsent(hit.get("sourceId").asString(), k -> new ArrayList<>())
                    .add(hit.get("text").asString()));
            indexed.values().forEach(texts -> texts.sort(null));
            assertThat(indexed).as("per interview, the index holds exactly the store's buyer sentences").isEqualTo(storeSentences);
            for (JsonNode item : listed) {
                Upload upload = sent.get(item.get("fileName").asString());
                if (upload.marker() != null) {
                    List<String> hits = new ArrayList<>();
                    api.searchAll(upload.marker()).forEach(hit -> {
                        assertThat(hit.get("sourceId").asString()).as("%s's marker is found in its own interview only",
                                upload.fileName()).isEqualTo(item.get("id").asString());
                        hits.add(hit.get("text").asString());
                    });
                    hits.sort(null);
                    assertThat(hits).as("searching %s's marker finds its buyer sentences", upload.fileName())
                            .isEqualTo(storeSentences.get(item.get("id").asString()));
                }
            }
            if (longInterrupted) {
                Matcher analysed = Pattern.compile("analysed interview:" + longId + " \\(job \\w+, attempt (\\d+)\\)")
                        .matcher(Files.readString(data.resolveSibling(data.getFileName() + "-portal.log")));
                int attempt = 0;
                while (analysed.find()) {
                    attempt = Integer.parseInt(analysed.group(1));
                }
                assertThat(attempt).as("the long call, killed mid-analysis, was taken over and analysed again").isGreaterThanOrEqualTo(2);
                say("the long call was analysed on attempt " + attempt);
            }
            say("verified " + listed.size() + " interviews (" + acknowledged.size() + " acknowledged, " + attempted.size()
                    + " attempted), " + total + " indexed sentences");
        }
    }

    // --- the transcripts ---

    private Upload generated() {
        return generated(1);
    }

    /**
     * A generated call in plain text, WebVTT or SRT, with a marker word of its own in each buyer sentence: three
     * buyer sentences in two answers, {@code rounds} times over.
     */
    private Upload generated(int rounds) {
        int n = next.getAndIncrement();
        String marker = "zq" + CONSONANTS.charAt(n / CONSONANTS.length() % CONSONANTS.length())
                + CONSONANTS.charAt(n % CONSONANTS.length()) + "k";
        String[] buyer = {
            "The price of the " + marker + " plan was far too high for our budget.",
            "HubSpot offered the " + marker + " bundle for much less.",
            "Onboarding for " + marker + " took longer than we hoped, but your support was helpful."};
        String[][] round = {
            {INTERVIEWER, "Thanks for joining. What decided it for you?"},
            {"Dana Ortiz", buyer[0] + " " + buyer[1]},
            {INTERVIEWER, "Anything else we should know?"},
            {"Dana Ortiz", buyer[2]}};
        String[][] turns = new String[round.length * rounds][];
        for (int i = 0; i < turns.length; i++) {
            turns[i] = round[i % round.length];
        }
        StringBuilder text = new StringBuilder();
        String extension = switch (n % 3) {
            case 0 -> {
                for (String[] turn : turns) {
                    text.append(turn[0]).append(": ").append(turn[1]).append('\n');
                }
                yield "txt";
            }
            case 1 -> {
                text.append("WEBVTT\n\n");
                for (int i = 0; i < turns.length; i++) {
                    text.append(i + 1).append('\n').append(time(i * 5, '.')).append(" --> ").append(time(i * 5 + 4, '.')).append('\n').append("<v ").append(turns[i][0]).append('>').append(turns[i][1]).append("</v>\n\n");
                }
                yield "vtt";
            }
            default -> {
                for (int i = 0; i < turns.length; i++) {
                    text.append(i + 1).append('\n').append(time(i * 5, ',')).append(" --> ").append(time(i * 5 + 4, ',')).append('\n').append(turns[i][0]).append(": ").append(turns[i][1]).append("\n\n");
                }
                yield "srt";
            }
        };
        return new Upload("call-" + marker + "." + extension, text.toString().getBytes(StandardCharsets.UTF_8), marker);
    }

    /** A cue time, {@code 00:01:05.000}, with {@code ,} or {@code .} before the milliseconds. */
    private static String time(int seconds, char separator) {
        return String.format("00:%02d:%02d%c000", seconds / 60, seconds % 60, separator);
    }

    /** A real export from the test fixtures (with their licences under src/test/resources/transcripts). */
    private static Upload fixture(String path) throws IOException {
        try (InputStream in = AnalysisCrashRecoveryIT.class.getResourceAsStream("/transcripts/" + path)) {
            return new Upload("real-" + path.substring(path.lastIndexOf('/') + 1), in.readAllBytes(), null);
        }
    }

    /** A transcript of about 300 KB whose upload never completes. */
    private Upload large() {
        if (heldTemplate == null) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 300_000) {
                text.append(INTERVIEWER).append(": What else mattered?\nDana Ortiz: The price was too high for us.\n");
            }
            heldTemplate = new Upload("", text.toString().getBytes(StandardCharsets.UTF_8), null);
        }
        return new Upload("held-" + next.getAndIncrement() + ".txt", heldTemplate.bytes(), null);
    }

    private void uploadAll(Api api, String dealId, List<Upload> uploads, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Upload upload : uploads) {
                results.add(pool.submit(() -> api.upload(dealId, upload)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).as("upload acknowledged").isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    // --- waiting on what the portal says ---

    private interface StatusCondition {
        boolean test(Map<String, String> statuses);
    }

    /** Polls the deal's interview list until {@code condition} holds; fails after {@link #PHASE_TIMEOUT}. */
    private Map<String, String> awaitStatuses(Api api, String dealId, StatusCondition condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(PHASE_TIMEOUT);
        Map<String, String> statuses = api.statuses(dealId);
        while (!condition.test(statuses)) {
            assertThat(Instant.now()).as("%s within %s; statuses: %s", what, PHASE_TIMEOUT, statuses).isBefore(deadline);
            Thread.sleep(50);
            statuses = api.statuses(dealId);
        }
        return statuses;
    }

    private void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PHASE_TIMEOUT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("%s within %s", what, PHASE_TIMEOUT).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private static long count(Map<String, String> statuses, String status) {
        return statuses.values().stream().filter(status::equals).count();
    }

    private static Set<String> ids(Map<String, String> statuses, String status) {
        Set<String> ids = new HashSet<>();
        statuses.forEach((id, s) -> {
            if (s.equals(status)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static String summary(Map<String, String> statuses) {
        Map<String, Integer> counts = new TreeMap<>();
        statuses.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts.toString();
    }

    private void say(String what) {
        System.out.printf("[%5.1fs] %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    // --- HTTP ---

    /** The API as a script would call it, remembering which uploads were sent and which acknowledged. */
    private final class Api {

        final PortalClient client;
        final URI base;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        Api(URI base) {
            this.base = base;
            this.client = new PortalClient(base, ADMIN, PASSWORD);
        }

        String createDeal() throws Exception {
            return client.createDeal("Initech");
        }

        JsonNode json(String path) {
            try {
                HttpResponse<String> response = client.getJson(path);
                assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
                return JSON.readTree(response.body());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("GET " + path + " failed", e);
            }
        }

        /** The deal's interviews as listed by the API: id to status. */
        Map<String, String> statuses(String dealId) {
            Map<String, String> statuses = new LinkedHashMap<>();
            json("/api/deals/" + dealId + "/interviews").get("items")
                    .forEach(i -> statuses.put(i.get("id").asString(), i.get("status").asString()));
            return statuses;
        }

        /** Every hit of the query, newest first, page by page. */
        List<JsonNode> searchAll(String q) {
            List<JsonNode> hits = new ArrayList<>();
            int total = searchTotal(q);
            for (int page = 0; page * 100 < total; page++) {
                json("/api/search?sort=date&size=100&page=" + page + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                        .get("hits").forEach(hits::add);
            }
            assertThat(hits).as("every hit of '%s' paged through", q).hasSize(total);
            return hits;
        }

        int searchTotal(String q) {
            return json("/api/search?size=1&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).get("total").asInt();
        }

        /** Sends the upload; true when it was acknowledged (202), false when the portal died under it. */
        boolean upload(String dealId, Upload upload) {
            Multipart body = new Multipart(dealId, upload);
            attempted.add(upload.fileName());
            sent.put(upload.fileName(), upload);
            try {
                HttpResponse<String> response = http.send(body.request(base, authorization,
                        HttpRequest.BodyPublishers.ofByteArray(body.bytes())), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 202) {
                    throw new AssertionError("upload of " + upload.fileName() + " answered " + response.statusCode()
                            + ": " + response.body());
                }
                acknowledged.put(upload.fileName(), PortalClient.field(response.body(), "id"));
                return true;
            } catch (IOException killedMidRequest) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Sends half the upload's body, then waits for the kill; the portal never has the whole file. */
        Void uploadHeld(String dealId, Upload upload, CountDownLatch halfSent, CountDownLatch killed) {
            Multipart body = new Multipart(dealId, upload);
            attempted.add(upload.fileName());
            sent.put(upload.fileName(), upload);
            byte[] bytes = body.bytes();
            int half = bytes.length / 2;
            InputStream rest = new InputStream() {
                @Override
                public int read() throws IOException {
                    halfSent.countDown();
                    try {
                        killed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new InterruptedIOException("the portal was killed");
                }
            };
            try {
                HttpResponse<String> response = http.send(body.request(base, authorization,
                        HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                                new ByteArrayInputStream(bytes, 0, half), rest))), HttpResponse.BodyHandlers.ofString());
                acknowledged.put(upload.fileName(), "answered " + response.statusCode());
            } catch (IOException | InterruptedException expected) {
                // never acknowledged
            } finally {
                halfSent.countDown();
            }
            return null;
        }
    }

    /** {@code POST /api/interviews}: the deal, the interviewer's name and the file. */
    private record Multipart(String dealId, Upload upload, String boundary) {

        Multipart(String dealId, Upload upload) {
            this(dealId, upload, "----crash-" + System.nanoTime());
        }

        byte[] bytes() {
            StringBuilder head = new StringBuilder();
            for (String[] field : new String[][] {{"dealId", dealId}, {"interviewer", INTERVIEWER}}) {
                head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
                        .append("\"\r\n\r\n").append(field[1]).append("\r\n");
            }
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(upload.fileName()).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[start.length + upload.bytes().length + end.length];
            System.arraycopy(start, 0, all, 0, start.length);
            System.arraycopy(upload.bytes(), 0, all, start.length, upload.bytes().length);
            System.arraycopy(end, 0, all, start.length + upload.bytes().length, end.length);
            return all;
        }

        HttpRequest request(URI base, String authorization, HttpRequest.BodyPublisher publisher) {
            return HttpRequest.newBuilder(base.resolve("/api/interviews")).header("Authorization", authorization)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofSeconds(60))
                    .POST(publisher).build();
        }
    }
}
