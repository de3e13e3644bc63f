package io.winloss.portal.analysis;

import static io.winloss.portal.analysis.AnalysisFixture.buyer;
import static io.winloss.portal.analysis.AnalysisFixture.interviewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.nlp.evaluation.Evaluation;
import io.winloss.nlp.evaluation.LabelledSentence;
import io.winloss.portal.PageSession;
import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;

/**
 * The admins' tagging report counts what the machine tagged and what people changed, per tag, from stored
 * analyses and corrections (built by hand, no models), and its page shows only the admin's own workspace.
 */
@PortalTest
class TagCorrectionsTests {

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Users users;

    @Autowired
    Analyses analyses;

    @Autowired
    TagCorrections tagCorrections;

    TestTenant tenant;
    WorkspaceId workspace;
    final String target = "interview:tagging-" + java.util.UUID.randomUUID();

    @BeforeEach
    void analysedAndCorrected() {
        TestTenant.owner(workspaces);
        tenant = TestTenant.create(workspaces);
        workspace = tenant.workspace().id();
        AnalysisFixture.save(analyses, workspace, target, List.of(
                interviewer(0, "Why did you pick HubSpot over us?"),
                buyer(1, "Tom", "HubSpot was cheaper.", List.of("HubSpot"), List.of("price"), "negative", -1.0),
                buyer(2, "Tom", "Salesforce and HubSpot both demoed.", List.of("Salesforce", "HubSpot"), List.of(), "neutral", 0.0),
                buyer(3, "Tom", "Your support was slow.", List.of(), List.of("support"), "negative", -1.2)));
        correct(1, null, List.of("price", "integration"), null);
        correct(2, List.of("HubSpot"), null, null);
        correct(3, null, null, "neutral");
    }

    private void correct(int index, List<String> competitors, List<String> criteria, String sentiment) {
        analyses.correct(workspace, target, index, new Correction(index, null, competitors, criteria, sentiment,
                tenant.adminEmail(), Instant.now())).block(Duration.ofSeconds(10));
    }

    private static TagCorrections.TagRow row(TagCorrections.Report report, String tag) {
        return report.tags().stream().filter(r -> r.tag().equals(tag)).findFirst().orElseThrow(() -> new AssertionError(tag));
    }

    @Test
    void reportCountsMachineTagsAndWhatPeopleAddedRemovedAndChanged() {
        TagCorrections.Report report = tagCorrections.report(workspace).block(Duration.ofSeconds(10));

        assertThat(report.analysedSentences()).as("buyer sentences only").isEqualTo(3);
        assertThat(report.correctedSentences()).isEqualTo(3);
        assertThat(row(report, "competitor:HubSpot")).isEqualTo(new TagCorrections.TagRow("competitor:HubSpot", 2, 0, 0));
        assertThat(row(report, "competitor:Salesforce")).isEqualTo(new TagCorrections.TagRow("competitor:Salesforce", 1, 0, 1));
        assertThat(row(report, "competitor:Salesforce").removedShare()).isEqualTo(1.0);
        assertThat(row(report, "criterion:integration")).isEqualTo(new TagCorrections.TagRow("criterion:integration", 0, 1, 0));
        assertThat(row(report, "criterion:integration").removedShare()).isNull();
        assertThat(row(report, "criterion:price")).isEqualTo(new TagCorrections.TagRow("criterion:price", 1, 0, 0));
        assertThat(row(report, "criterion:support")).isEqualTo(new TagCorrections.TagRow("criterion:support", 1, 0, 0));
        assertThat(report.sentiment()).containsExactly(new TagCorrections.SentimentChange("negative", "neutral", 1));
    }

    @Test
    void correctingTheSameSentenceAgainCountsItOnce() {
        correct(2, List.of("HubSpot", "Pipedrive"), null, null);

        TagCorrections.Report report = tagCorrections.report(workspace).block(Duration.ofSeconds(10));

        assertThat(report.correctedSentences()).isEqualTo(3);
        assertThat(row(report, "competitor:Salesforce").removed()).isEqualTo(1);
        assertThat(row(report, "competitor:Pipedrive").added()).isEqualTo(1);
    }

    @Test
    void adminPageShowsTheNumbers() {
        String html = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD).get("/admin/tagging").getResponseBody();

        assertThat(html).contains("3 corrected of 3 analysed buyer sentences");
        assertThat(html.replaceAll("\\s+", "")).contains(
                "<td>Salesforce</td><td>competitor</td><td>1</td><td>0</td><td>1</td><td>100%</td>",
                "<td>integration</td><td>criterion</td><td>0</td><td>1</td><td>0</td><td></td>",
                "<td>negative</td><td>neutral</td><td>1</td>");
    }

    @Test
    void analystsMayNotSeeThePage() {
        String analystEmail = tenant.addUser(users, Role.ANALYST);
        PageSession analyst = PageSession.signIn(client, analystEmail, TestTenant.PASSWORD);

        assertThat(analyst.get("/admin/tagging").getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(analyst.get("/admin/tagging/corrections.jsonl").getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        TestTenant.as(client, analystEmail).get().uri("/api/corrections").exchange().expectStatus().isForbidden();
    }

    @Test
    void correctedSentencesExportAsTheEvaluationSetsFormat(@TempDir Path folder) throws Exception {
        byte[] body = tenant.asAdmin(client).get().uri("/api/corrections").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/x-ndjson")
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"corrections.jsonl\"")
                .expectBody().returnResult().getResponseBody();
        Path file = Files.write(folder.resolve("corrections.jsonl"), body);

        List<LabelledSentence> sentences = Evaluation.read(file);

        assertThat(sentences).as("the three corrected buyer sentences; the interviewer's question carries no tags").containsExactly(
                new LabelledSentence(target + "#1", "HubSpot was cheaper.", Set.of("HubSpot"), Set.of("price", "integration"), "negative"),
                new LabelledSentence(target + "#2", "Salesforce and HubSpot both demoed.", Set.of("HubSpot"), Set.of(), "neutral"),
                new LabelledSentence(target + "#3", "Your support was slow.", Set.of(), Set.of("support"), "neutral"));
    }

    @Test
    void correctedSurveyAnswersExportToo() {
        TestTenant surveys = TestTenant.create(workspaces);
        WorkspaceId workspace = surveys.workspace().id();
        String response = "response:export-" + java.util.UUID.randomUUID();
        AnalysisFixture.save(analyses, workspace, response, List.of(
                buyer(0, "whatWouldHaveChanged", "A lower price.", List.of(), List.of(), "neutral", 0.0)));
        analyses.correct(workspace, response, 0, new Correction(0, null, null, List.of("price"), "negative",
                surveys.adminEmail(), Instant.now())).block(Duration.ofSeconds(10));

        String exported = surveys.asAdmin(client).get().uri("/api/corrections").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(exported.lines()).singleElement().asString()
                .contains("\"id\":\"" + response + "#0\"", "\"criteria\":[\"price\"]", "\"sentiment\":\"negative\"");
    }

    @Test
    void theAdminPageLinksTheSameDownload() {
        PageSession admin = PageSession.signIn(client, tenant.adminEmail(), TestTenant.PASSWORD);

        assertThat(admin.get("/admin/tagging").getResponseBody()).contains("href=\"/admin/tagging/corrections.jsonl\"");
        String download = admin.get("/admin/tagging/corrections.jsonl").getResponseBody();
        assertThat(download.lines()).hasSize(3).allMatch(line -> line.startsWith("{") && line.contains(target));
    }

    @Test
    void anotherWorkspacesAdminSeesNoneOfIt() {
        TestTenant other = TestTenant.create(workspaces);

        String html = PageSession.signIn(client, other.adminEmail(), TestTenant.PASSWORD).get("/admin/tagging").getResponseBody();

        assertThat(html).contains("0 corrected of 0 analysed buyer sentences", "Nothing analysed yet.", "No sentiment corrected yet.")
                .doesNotContain("Salesforce", "HubSpot", "integration");
        assertThat(tagCorrections.report(other.workspace().id()).block(Duration.ofSeconds(10)).tags()).isEmpty();
        byte[] exported = other.asAdmin(client).get().uri("/api/corrections").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(exported).as("another workspace's corrections export nothing of this one's").isNullOrEmpty();
    }
}
