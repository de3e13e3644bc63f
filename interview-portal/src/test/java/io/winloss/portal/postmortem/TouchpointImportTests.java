package io.winloss.portal.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.workspace.Workspaces;
import io.winloss.portal.csv.CsvImport;

/**
 * {@code POST /api/touchpoints/import}: good lines import while bad ones are reported with their physical line numbers,
 * deals are found by id or external id in the caller's workspace only, and importing the same file again adds nothing.
 */
@PortalTest
class TouchpointImportTests {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    TestTenant tenant;
    String hooli;
    String initech;

    @BeforeEach
    void newTenant() {
        tenant = TestTenant.create(workspaces);
        hooli = PostMortemFixture.deal(client, tenant, "Hooli");
        initech = PostMortemFixture.deal(client, tenant, "Initech", "SF-0042");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> importCsv(String csv) {
        return tenant.asAdmin(client).post().uri("/api/touchpoints/import").contentType(CSV).bodyValue(csv)
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> touchpointsOf(String dealId) {
        return (List<Map<String, Object>>) tenant.asAdmin(client).get().uri("/api/deals/{id}/touchpoints", dealId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
    }

    @Test
    @SuppressWarnings("unchecked")
    void goodLinesImportAndBadLinesAreReportedWithTheirLineNumbers() {
        TestTenant other = TestTenant.create(workspaces);
        String theirs = PostMortemFixture.deal(client, other, "Theirs");
        String csv = "\uFEFFdealId,externalId,date,type,summary,owner\n"
                + hooli + ",,2026-02-03,Call,Discovery call with the CFO,ann@vendor.example\n"   // 2
                + ",SF-0042,2026-02-04T10:00:00Z,demo,\"Demo, with questions\nabout SSO\",Bob\n"  // 3-4
                + "\n"                                                                            // 5
                + hooli + ",,yesterday,fax,,\n"                                                   // 6
                + ",,2026-02-05,email,No deal named,\n"                                           // 7
                + "no-such-deal,,2026-02-05,email,Unknown deal,\n"                                // 8
                + ",SF-9999,2026-02-05,email,Unknown external id,\n"                              // 9
                + theirs + ",,2026-02-05,email,Another workspace's deal,\n"                       // 10
                + hooli + ",,2026-03-01,proposal,Proposal sent,ann@vendor.example\n";             // 11

        Map<String, Object> report = importCsv(csv);

        assertThat(report).containsEntry("created", 3).containsEntry("updated", 0);
        List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
        assertThat(rejected).extracting(r -> r.get("line")).containsExactly(6, 7, 8, 9, 10);
        assertThat(rejected.get(0).get("message").toString()).contains("date", "type", "summary");
        assertThat(rejected.get(1).get("message").toString()).contains("dealId or externalId");
        assertThat(rejected.get(2).get("message").toString()).contains("no-such-deal");
        assertThat(rejected.get(3).get("message").toString()).contains("SF-9999");
        assertThat(touchpointsOf(hooli)).extracting(t -> t.get("summary"))
                .containsExactly("Discovery call with the CFO", "Proposal sent");
        assertThat(touchpointsOf(initech)).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("summary", "Demo, with questions\nabout SSO").containsEntry("type", "demo"));
        assertThat(other.asAdmin(client).get().uri("/api/deals/{id}/touchpoints", theirs).exchange()
                .expectBody(String.class).returnResult().getResponseBody()).doesNotContain("Another workspace");
    }

    @Test
    void importingTheSameFileAgainAddsNothing() {
        String csv = "externalId,date,type,summary,owner\n"
                + "SF-0042,2026-02-03,call,Discovery call,ann@vendor.example\n"
                + "SF-0042,2026-02-10,demo,Demo,ann@vendor.example\n";
        assertThat(importCsv(csv)).containsEntry("created", 2).containsEntry("updated", 0);

        assertThat(importCsv(csv)).containsEntry("created", 0).containsEntry("updated", 2);
        // the same touchpoint written another way (type's case, a date-time's offset) is still the same
        assertThat(importCsv("externalId,date,type,summary\nSF-0042,2026-02-03,CALL,Discovery call\n"))
                .containsEntry("created", 0).containsEntry("updated", 1);
        assertThat(touchpointsOf(initech)).hasSize(2);
    }

    @Test
    void aFileThatNamesNoDealColumnIsRefusedWhole() {
        String body = tenant.asAdmin(client).post().uri("/api/touchpoints/import").contentType(CSV)
                .bodyValue("date,type,summary\n2026-02-03,call,Discovery call\n")
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("dealId or externalId");

        String unknown = tenant.asAdmin(client).post().uri("/api/touchpoints/import").contentType(CSV)
                .bodyValue("dealId,date,type,summary,mood\n" + hooli + ",2026-02-03,call,Discovery call,good\n")
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(unknown).contains("mood");
        assertThat(touchpointsOf(hooli)).isEmpty();
    }

    @Test
    void moreThanOneBatchIsImported() {
        StringBuilder csv = new StringBuilder("dealId,date,type,summary\n");
        for (int i = 0; i < CsvImport.BATCH + 3; i++) {
            csv.append(hooli).append(",2026-02-03,email,Follow-up ").append(i).append('\n');
        }
        assertThat(importCsv(csv.toString())).containsEntry("created", CsvImport.BATCH + 3);
        assertThat(touchpointsOf(hooli)).hasSize(CsvImport.BATCH + 3);
    }
}
