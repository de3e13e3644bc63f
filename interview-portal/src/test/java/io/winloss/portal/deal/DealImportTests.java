package io.winloss.portal.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.csv.CsvImport;
import io.winloss.portal.workspace.Workspaces;

@PortalTest
class DealImportTests {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    WebTestClient client;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Deals deals;

    TestTenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = TestTenant.create(workspaces);
    }

    private DealPage all() {
        return deals.list(tenant.workspace().id(), DealFilter.ANY, 0, 200).block(Duration.ofSeconds(10));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> importCsv(String csv) {
        return tenant.asAdmin(client).post().uri("/api/deals/import").contentType(CSV).bodyValue(csv)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void goodLinesImportAndBadLinesAreReportedWithTheirLineNumbers() {
        String csv = "\uFEFFexternalId,account,outcome,closeDate,amount,competitors,contactName,contactEmail\n"
                + "a-1,Acme,won,2026-01-10,1000,Globex;Initech,Ann,ann@acme.test\n"
                + "a-2,,lost,2026-01-11,,,,\n"
                + "\n"
                + "a-3,\"Beta, Inc\",lost,2026-01-12,,,,\n"
                + "a-4,Gamma,maybe,not-a-date,,,,\n"
                + "a-1,Acme Corp,won,2026-01-10,1200,,,\n";
        Map<String, Object> report = importCsv(csv);
        assertThat(report).containsEntry("created", 2).containsEntry("updated", 1);
        List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
        assertThat(rejected).extracting(r -> r.get("line")).containsExactly(3, 6);
        assertThat(rejected.get(0).get("message").toString()).contains("account");
        assertThat(rejected.get(1).get("message").toString()).contains("outcome", "closeDate");

        DealPage page = all();
        assertThat(page.total()).isEqualTo(2);
        Deal acme = page.items().stream().filter(d -> "a-1".equals(d.externalId())).findFirst().orElseThrow();
        assertThat(acme.account()).isEqualTo("Acme Corp");
        assertThat(page.items()).extracting(Deal::account).contains("Beta, Inc");
    }

    @Test
    void importingTheSameFileTwiceUpdatesInsteadOfDuplicating() {
        String csv = "externalId,account,outcome,closeDate\nx-1,Acme,won,2026-01-01\nx-2,Beta,lost,2026-01-02\n";
        assertThat(importCsv(csv)).containsEntry("created", 2).containsEntry("updated", 0);
        assertThat(importCsv(csv)).containsEntry("created", 0).containsEntry("updated", 2);
        assertThat(all().total()).isEqualTo(2);
    }

    @Test
    void contactColumnsBecomeOneContact() {
        importCsv("account,outcome,closeDate,contactName,contactEmail,contactRole\nAcme,lost,2026-01-01,Ann,ann@acme.test,CFO");
        assertThat(all().items().get(0).contacts()).containsExactly(new Contact("Ann", "ann@acme.test", "CFO"));
    }

    @Test
    void unknownColumnsRejectTheWholeFile() {
        byte[] body = tenant.asAdmin(client).post().uri("/api/deals/import").contentType(CSV)
                .bodyValue("account,outcome,closeDate,colour\nAcme,won,2026-01-01,red\n")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(body)).contains("colour");
        assertThat(all().total()).isZero();
    }

    @Test
    void missingRequiredColumnsRejectTheWholeFile() {
        byte[] body = tenant.asAdmin(client).post().uri("/api/deals/import").contentType(CSV)
                .bodyValue("account,outcome\nAcme,won\n")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(body)).contains("closeDate");
    }

    @Test
    void moreThanOneBatchIsImported() {
        StringBuilder csv = new StringBuilder("account,outcome,closeDate\n");
        for (int i = 0; i < CsvImport.BATCH * 2 + 7; i++) {
            csv.append("Account ").append(i).append(",won,2026-01-01\n");
        }
        csv.append(",won,2026-01-01\n");
        Map<String, Object> report = importCsv(csv.toString());
        assertThat(report).containsEntry("created", CsvImport.BATCH * 2 + 7);
        assertThat((List<?>) report.get("rejected")).hasSize(1);
    }
}
