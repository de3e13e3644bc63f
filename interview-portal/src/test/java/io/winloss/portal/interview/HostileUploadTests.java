package io.winloss.portal.interview;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import io.winloss.nlp.transcript.Transcript;
import io.winloss.nlp.transcript.Turn;
import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.analysis.AnalysisTarget;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile files through the upload routes, the API's and the deal page's: sizes at and over the limits (declared or
 * streamed), content that contradicts its name or declared type, files that are no transcript at all, DOCX zip bombs,
 * and file names meant to break out of a path or a page. What is refused leaves nothing stored; what is accepted is
 * read by the worker's own read step (run here without CoreNLP: this context has no worker role, so jobs wait).
 */
@PortalTest
@TestPropertySource(properties = "PORTAL_ROLES=web")
class HostileUploadTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Store store;

    @Autowired
    InterviewAnalysis analysis;

    @LocalServerPort
    int port;

    TestTenant tenant;
    String dealId;

    @BeforeEach
    void tenantWithADeal() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        dealId = SurveyFixture.deal(store, tenant.workspace().id(), "Hooli");
    }

    // ---- what is stored -------------------------------------------------------------------------------------

    private long count(String collection, String field) {
        return Mono.from(store.database().getCollection(collection).countDocuments(eq(field, tenant.workspace().id().value())))
                .block(Duration.ofSeconds(10));
    }

    private void assertNothingStored() {
        assertThat(count(Collections.UPLOADS + ".files", "metadata.workspaceId")).as("GridFS files").isZero();
        assertThat(count(Collections.INTERVIEWS, "workspaceId")).as("interviews").isZero();
        assertThat(count(Collections.ANALYSIS_JOBS, "workspaceId")).as("analysis jobs").isZero();
    }

    // ---- uploading ------------------------------------------------------------------------------------------

    private static MultipartBodyBuilder form(String dealId, MediaType declared, Object... namesAndContents) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            String name = (String) namesAndContents[i];
            body.part("file", new ByteArrayResource((byte[]) namesAndContents[i + 1]) {
                @Override
                public String getFilename() {
                    return name;
                }
            }).contentType(declared);
        }
        body.part("dealId", dealId);
        body.part("interviewer", "Priya Raman");
        return body;
    }

    private WebTestClient.ResponseSpec post(MultipartBodyBuilder body) {
        // a 20 MB transcript takes a few seconds to check and store in the embedded store
        return tenant.asAdmin(client).mutate().responseTimeout(Duration.ofSeconds(60)).build().post().uri("/api/interviews").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private String accepted(String fileName, byte[] content, MediaType declared) {
        byte[] body = post(form(dealId, declared, fileName, content)).expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).get("id").asString();
    }

    private String refused(int status, String fileName, byte[] content, MediaType declared) {
        byte[] body = post(form(dealId, declared, fileName, content)).expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody();
        JsonNode error = JSON.readTree(body).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        return error.get("message").asString();
    }

    /** The worker's read step on what was stored: the same code the job runs before CoreNLP. */
    private Transcript read(String interviewId) throws Exception {
        return analysis.loaded(tenant.workspace().id(), interviewId).block(Duration.ofSeconds(10)).transcript();
    }

    private PageSession analystOnTheDealsInterviews() {
        PageSession analyst = PageSession.signIn(client, tenant.addUser(users, Role.ANALYST), TestTenant.PASSWORD);
        analyst.get("/interviews?deal=" + dealId);
        return analyst;
    }

    // ---- content decides, not the name or the declared type -------------------------------------------------

    @Test
    void theContentDecidesTheFormatWhateverTheNameOrDeclaredType() throws Exception {
        record Case(String name, byte[] content, MediaType declared) {
        }
        for (Case c : List.of(new Case("call.txt", HostileFiles.docx(), MediaType.TEXT_PLAIN),
                new Case("call.srt", HostileFiles.vtt(), MediaType.APPLICATION_PDF),
                new Case("call.docx", HostileFiles.srt(), MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")))) {
            Transcript transcript = read(accepted(c.name(), c.content(), c.declared()));

            assertThat(transcript.turns()).as(c.name()).extracting(Turn::speaker).containsExactly("Priya Raman", "Tom Becker");
            assertThat(transcript.turns().get(1).text()).as(c.name()).isEqualTo(HostileFiles.BUYER_LINE);
            assertThat(transcript.turns().get(1).role()).isEqualTo(io.winloss.nlp.transcript.Role.BUYER);
        }
    }

    @Test
    void filesThatAreNoTranscriptAreRefusedAtUploadWithTheirKindAndNothingIsStored() {
        record Case(String name, byte[] content, String reason) {
        }
        byte[] blank = " \r\n\t \n\n   ".getBytes(StandardCharsets.US_ASCII);
        for (Case c : List.of(new Case("call.vtt", HostileFiles.png(), "a PNG image"),
                new Case("call.txt", HostileFiles.pdf(), "a PDF document"),
                new Case("call.docx", HostileFiles.elf(), "a program"),
                new Case("call.docx", HostileFiles.zipOfNotes(), "a ZIP archive"),
                new Case("call.txt", HostileFiles.zipOfNotes(), "a ZIP archive"),
                new Case("call.vtt", new byte[0], "call.vtt is empty"),
                new Case("call.txt", blank, "only blank space"))) {
            // the declared type claims a transcript every time: it is never trusted
            String message = refused(400, c.name(), c.content(), MediaType.TEXT_PLAIN);

            assertThat(message).as(c.name()).startsWith(c.name()).contains(c.reason());
        }
        assertNothingStored();
    }

    @Test
    void oneBadFileAmongSeveralRefusesThemAllBeforeAnyIsStored() {
        byte[] body = post(form(dealId, MediaType.TEXT_PLAIN, "first.txt", HostileFiles.text("Fine."),
                "second.vtt", HostileFiles.png(), "third.srt", HostileFiles.srt()))
                .expectStatus().isBadRequest().expectBody().returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("second.vtt: the file is a PNG image")
                .doesNotContain("first.txt").doesNotContain("third.srt");
        assertNothingStored();
    }

    // ---- sizes ----------------------------------------------------------------------------------------------

    private static byte[] textOfSize(long size) {
        byte[] bytes = new byte[(int) size];
        byte[] line = "Tom Becker: the price hurt, and the onboarding took too long.\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = line[i % line.length];
        }
        return bytes;
    }

    @Test
    void aTranscriptOfExactlyTheLimitIsAcceptedAndOneByteMoreIs413NamingTheLimitWithNothingStored() {
        String message = refused(413, "long.txt", textOfSize(TranscriptFiles.MAX_BYTES + 1), MediaType.TEXT_PLAIN);

        assertThat(message).contains("long.txt", "20 MB");
        assertNothingStored();

        accepted("long.txt", textOfSize(TranscriptFiles.MAX_BYTES), MediaType.TEXT_PLAIN);
        assertThat(count(Collections.UPLOADS + ".files", "metadata.workspaceId")).isOne();
    }

    @Test
    void onThePageATranscriptOverTheLimitShows413WithTheReasonAndTheForm() {
        PageSession analyst = analystOnTheDealsInterviews();

        EntityExchangeResult<String> result = analyst.upload("/interviews", "file", "long.txt", MediaType.TEXT_PLAIN,
                textOfSize(TranscriptFiles.MAX_BYTES + 1), Map.of("dealId", dealId));

        assertThat(result.getStatus().value()).isEqualTo(413);
        assertThat(result.getResponseBody()).contains("long.txt is larger than the 20 MB a transcript may have")
                .contains("name=\"file\"");
        assertNothingStored();
    }

    @Test
    void aStreamedApiUploadWithoutContentLengthIsCutOffAtTheRequestLimit() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((tenant.adminEmail() + ":" + tenant.password())
                .getBytes(StandardCharsets.UTF_8));
        long endless = 4 * UploadSizeLimit.MAX_REQUEST_BYTES;

        RawUpload.Answer answer = RawUpload.post(port, "/api/interviews", "Authorization: Basic " + basic + "\r\n",
                RawUpload.preamble(Map.of("dealId", dealId), "endless.txt"), endless, null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.text()).contains("\"field\":\"file\"", "100 MB one request may carry");
        assertThat(answer.sent()).as("bytes written before the answer").isLessThan(2 * UploadSizeLimit.MAX_REQUEST_BYTES);
        assertNothingStored();
    }

    @Test
    void aPageUploadDeclaringMoreThanTheRequestLimitIsRefusedBeforeItsBodyIsRead() throws Exception {
        PageSession analyst = analystOnTheDealsInterviews();
        String html = analyst.get("/interviews?deal=" + dealId).getResponseBody();
        Matcher csrf = CSRF_FIELD.matcher(html);
        assertThat(csrf.find()).isTrue();
        String cookies = "Cookie: SESSION=" + analyst.cookie("SESSION") + "; XSRF-TOKEN=" + analyst.cookie("XSRF-TOKEN") + "\r\n";

        RawUpload.Answer answer = RawUpload.post(port, "/interviews", cookies,
                RawUpload.preamble(Map.of("_csrf", csrf.group(1), "dealId", dealId), "huge.txt"), 0,
                UploadSizeLimit.MAX_REQUEST_BYTES + 1);

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.text()).contains("Upload too large", "100 MB one request may carry");
        assertNothingStored();
    }

    @Test
    void aStreamedPageUploadWithoutContentLengthIsCutOffWithTheRefusalPage() throws Exception {
        PageSession analyst = analystOnTheDealsInterviews();
        String html = analyst.get("/interviews?deal=" + dealId).getResponseBody();
        Matcher csrf = CSRF_FIELD.matcher(html);
        assertThat(csrf.find()).isTrue();
        String cookies = "Cookie: SESSION=" + analyst.cookie("SESSION") + "; XSRF-TOKEN=" + analyst.cookie("XSRF-TOKEN") + "\r\n";

        RawUpload.Answer answer = RawUpload.post(port, "/interviews", cookies,
                RawUpload.preamble(Map.of("_csrf", csrf.group(1), "dealId", dealId), "endless.txt"),
                4 * UploadSizeLimit.MAX_REQUEST_BYTES, null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.text()).contains("Upload too large", "100 MB one request may carry");
        assertThat(answer.sent()).isLessThan(2 * UploadSizeLimit.MAX_REQUEST_BYTES);
        assertNothingStored();
    }

    // ---- DOCX zip bombs -------------------------------------------------------------------------------------

    /** The job's read step refuses the file with a readable reason, quickly, and never asks for the models. */
    private String unanalysableReason(String interviewId) throws Exception {
        AnalysisTarget.Input input = analysis.load(tenant.workspace().id(), interviewId).block(Duration.ofSeconds(30));
        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> input.analyze(() -> {
            throw new AssertionError("a bomb must fail before the CoreNLP models are asked for");
        }, (done, total) -> { }));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(thrown).isInstanceOf(AnalysisTarget.Unanalysable.class);
        return thrown.getMessage();
    }

    @Test
    void aDocumentInflatingToHundredsOfMegabytesFailsItsJobWithAReadableReason() throws Exception {
        byte[] bomb = HostileFiles.bombDocx(400);
        assertThat(bomb.length).as("the bomb is small on disk").isLessThan(4 * 1024 * 1024);
        String id = accepted("bomb.docx", bomb, MediaType.APPLICATION_OCTET_STREAM);

        assertThat(unanalysableReason(id)).contains("expands to more than 64 MB");
    }

    @Test
    void aDocumentWithThousandsOfEntriesFailsItsJobWithAReadableReason() throws Exception {
        String id = accepted("entries.docx", HostileFiles.manyEntriesDocx(20_000), MediaType.APPLICATION_OCTET_STREAM);

        assertThat(unanalysableReason(id)).containsIgnoringCase("docx");
    }

    @Test
    void aDocumentWithAHugeInflateRatioFailsItsJobWithAReadableReason() throws Exception {
        String id = accepted("ratio.docx", HostileFiles.highRatioDocx(), MediaType.APPLICATION_OCTET_STREAM);

        assertThat(unanalysableReason(id)).containsIgnoringCase("docx");
    }

    // ---- names ----------------------------------------------------------------------------------------------

    @Test
    void hostileFileNamesAreStoredAsPlainNamesAndShownEscaped() {
        String script = "<script>alert(1)</script>.vtt";
        String image = "\"><img src=x onerror=alert(1)>.vtt";
        String longName = "a".repeat(5_000) + ".txt";
        String control = "call\u0007\u001b[31m\u202Egnp.txt";
        String traversal = "../../etc/passwd.txt";
        record Case(String sent, String stored) {
        }
        List<Case> cases = List.of(new Case(traversal, traversal), new Case(script, script), new Case(image, image),
                new Case(longName, "a".repeat(196) + ".txt"), new Case(control, "call[31mgnp.txt"));
        for (Case c : cases) {
            String id = accepted(c.sent(), HostileFiles.text("Fine."), MediaType.TEXT_PLAIN);
            JsonNode interview = JSON.readTree(tenant.asAdmin(client).get().uri("/api/interviews/{id}", id).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody());
            assertThat(interview.get("fileName").asString()).as(c.sent()).isEqualTo(c.stored());
        }

        PageSession analyst = analystOnTheDealsInterviews();
        String list = analyst.get("/interviews?deal=" + dealId).getResponseBody();
        assertThat(list).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.vtt").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;.vtt").doesNotContain("<script>alert(1)")
                .contains("../../etc/passwd.txt").doesNotContain("\u0007").doesNotContain("\u202E");
        String deal = analyst.get("/deals/" + dealId).getResponseBody();
        assertThat(deal).doesNotContain("<img src=x").doesNotContain("<script>alert(1)");

        String bare = refused(400, "../../etc/passwd", HostileFiles.text("Fine."), MediaType.TEXT_PLAIN);
        assertThat(bare).isEqualTo("../../etc/passwd: must be a .txt, .vtt, .srt or .docx transcript");
    }

    @Test
    void safeNamesKeepTheExtensionAndNeverComeOutEmpty() {
        assertThat(UploadRequest.safeName(" \u0007 ")).isEqualTo("transcript");
        assertThat(UploadRequest.safeName("\uD83D\uDE00".repeat(150) + ".txt")).hasSizeLessThanOrEqualTo(200).endsWith(".txt")
                .doesNotContain("\uD83D.txt");
        assertThat(UploadRequest.safeName("\u0000\u0001")).isEqualTo("transcript");
        assertThat(UploadRequest.safeName("b".repeat(300) + ".docx")).hasSize(200).endsWith(".docx");
    }
}
