package io.winloss.portal.program;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Sorts;

import io.winloss.portal.TestTenant;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;

/** Programs, deals and the mail they lead to, for tests: through the API as a CRM would, read back from the store. */
final class ProgramFixture {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebTestClient client;
    private final TestTenant tenant;
    private final Store store;

    ProgramFixture(WebTestClient client, TestTenant tenant, Store store) {
        this.client = client;
        this.tenant = tenant;
        this.store = store;
    }

    WorkspaceId workspace() {
        return tenant.workspace().id();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Creates a program through the API and answers its JSON. */
    @SuppressWarnings("unchecked")
    Map<String, Object> program(Map<String, Object> body) {
        return tenant.asAdmin(client).post().uri("/api/programs").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** A program of lost and won deals: invited {@code inviteAfterDays} after the close, reminded on the given days. */
    String program(double inviteAfterDays, List<Double> reminders) {
        return (String) program(Map.of("name", "Every closed deal", "outcomes", List.of("won", "lost"),
                "inviteAfterDays", inviteAfterDays, "reminderAfterDays", reminders)).get("id");
    }

    /** Saves a deal through {@code POST /api/deals} and answers its id; {@code email} null for a deal without contacts. */
    String deal(Map<String, Object> fields) {
        return tenant.asAdmin(client).post().uri("/api/deals").bodyValue(fields).exchange()
                .expectStatus().is2xxSuccessful()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** A deal of this outcome closed on {@code closeDate} whose buyer is {@code email}. */
    String deal(String account, String outcome, LocalDate closeDate, String email) {
        return deal(dealFields(account, outcome, closeDate, email));
    }

    static Map<String, Object> dealFields(String account, String outcome, LocalDate closeDate, String email) {
        return email == null
                ? Map.of("account", account, "outcome", outcome, "closeDate", closeDate.toString(), "amount", 25000)
                : Map.of("account", account, "outcome", outcome, "closeDate", closeDate.toString(), "amount", 25000,
                        "contacts", List.of(Map.of("name", "Buyer of " + account, "email", email)));
    }

    List<Document> plans(String programId, String dealId) {
        return Flux.from(store.global(Collections.PROGRAM_PLANS).find(eq(Plans.KEY,
                        store.tenant(workspace(), Collections.PROGRAM_PLANS).qualifiedKey(Plans.key(programId, dealId)))))
                .collectList().block(WAIT);
    }

    Document plan(String programId, String dealId) {
        List<Document> plans = plans(programId, dealId);
        assertThat(plans).as("plans of deal %s in program %s", dealId, programId).hasSize(1);
        return plans.get(0);
    }

    /** The invitations of the deal, oldest first. */
    List<Document> invitations(String dealId) {
        return Flux.from(store.global(Collections.INVITATIONS).find(eq("dealId", dealId)).sort(Sorts.ascending("createdAt")))
                .collectList().block(WAIT);
    }

    /** Every outbox mail of the invitation, oldest first. */
    List<Document> mails(String invitationId) {
        return Flux.from(store.global(Collections.OUTBOX).find(eq("invitationId", invitationId)).sort(Sorts.ascending("createdAt", "_id")))
                .collectList().block(WAIT);
    }

    /** The token of the link a mail carries ({@code .../s/{token}}). */
    static String token(Document mail) {
        String link = mail.getString("link");
        return link.substring(link.lastIndexOf("/s/") + 3);
    }
}
