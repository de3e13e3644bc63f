package io.winloss.portal.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;

import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the portal relies on from any store it runs against, embedded or a real MongoDB: workspace scoping,
 * unique indexes, upserts and atomic claims. Each test works in workspaces of its own.
 */
abstract class StoreContract {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String JOBS = "contractJobs";

    /** A database of the store under test, shared by the tests of one class. */
    protected abstract MongoDatabase database();

    private Store store;
    private TenantCollection usersOfA;
    private TenantCollection usersOfB;

    @BeforeEach
    void createIndexesAndWorkspaces() {
        store = new Store(database());
        new StoreIndexes(store, true).afterSingletonsInstantiated();
        usersOfA = store.tenant(newWorkspace(), Collections.USERS);
        usersOfB = store.tenant(newWorkspace(), Collections.USERS);
    }

    private static WorkspaceId newWorkspace() {
        return new WorkspaceId(UUID.randomUUID().toString());
    }

    private static Document user(String email) {
        return new Document("_id", new ObjectId().toHexString()).append("email", email).append("role", "ANALYST");
    }

    private static String email() {
        return "u-" + UUID.randomUUID() + "@example.test";
    }

    @Test
    void insertStampsTheDocumentWithItsWorkspace() {
        Document saved = usersOfA.insert(user(email())).block(WAIT);
        Document stored = Mono.from(store.global(Collections.USERS).find(eq("_id", saved.getString("_id"))).first()).block(WAIT);
        assertThat(stored.getString(TenantCollection.WORKSPACE)).isEqualTo(usersOfA.workspace().value());
    }

    @Test
    void documentOfOneWorkspaceIsInvisibleFromAnother() {
        String email = email();
        String id = usersOfA.insert(user(email)).block(WAIT).getString("_id");

        assertThat(usersOfB.findById(id).blockOptional(WAIT)).isEmpty();
        assertThat(usersOfB.findOne(eq("email", email)).blockOptional(WAIT)).isEmpty();
        assertThat(usersOfB.find(new Document(), Sorts.ascending("email")).collectList().block(WAIT)).isEmpty();
        assertThat(usersOfB.count(new Document()).block(WAIT)).isZero();
        assertThat(usersOfA.findById(id).blockOptional(WAIT)).isPresent();
    }

    @Test
    void documentOfOneWorkspaceCannotBeChangedFromAnother() {
        String id = usersOfA.insert(user(email())).block(WAIT).getString("_id");

        assertThat(usersOfB.updateOne(eq("_id", id), Updates.set("role", "ADMIN")).block(WAIT)).isZero();
        assertThat(usersOfB.findOneAndUpdate(eq("_id", id), Updates.set("role", "ADMIN")).blockOptional(WAIT)).isEmpty();
        assertThat(usersOfA.findById(id).block(WAIT).getString("role")).isEqualTo("ANALYST");
    }

    @Test
    void documentOfOneWorkspaceCannotBeDeletedFromAnother() {
        String id = usersOfA.insert(user(email())).block(WAIT).getString("_id");

        assertThat(usersOfB.deleteOne(eq("_id", id)).block(WAIT)).isZero();
        assertThat(usersOfA.findById(id).blockOptional(WAIT)).isPresent();
        assertThat(usersOfA.deleteOne(eq("_id", id)).block(WAIT)).isEqualTo(1);
        assertThat(usersOfA.findById(id).blockOptional(WAIT)).isEmpty();
    }

    @Test
    void uniqueEmailRejectsASecondUserEvenInAnotherWorkspace() {
        String email = email();
        usersOfA.insert(user(email)).block(WAIT);

        assertThatThrownBy(() -> usersOfB.insert(user(email)).block(WAIT))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(usersOfB.count(new Document()).block(WAIT)).isZero();
    }

    @Test
    void upsertCreatesThenUpdatesTheSameDocument() {
        TenantCollection deals = store.tenant(newWorkspace(), Collections.DEALS);
        String key = UUID.randomUUID().toString();

        Document created = deals.upsert(eq("externalKey", key), Updates.set("name", "first")).block(WAIT);
        Document updated = deals.upsert(eq("externalKey", key), Updates.set("name", "second")).block(WAIT);

        assertThat(created.getString(TenantCollection.WORKSPACE)).isEqualTo(deals.workspace().value());
        assertThat(updated.get("_id")).isEqualTo(created.get("_id"));
        assertThat(updated.getString("name")).isEqualTo("second");
        assertThat(deals.count(eq("externalKey", key)).block(WAIT)).isEqualTo(1);
    }

    @Test
    void upsertFromAnotherWorkspaceNeverUpdatesTheFirstWorkspacesDocument() {
        TenantCollection jobsOfA = store.tenant(newWorkspace(), JOBS);
        TenantCollection jobsOfB = store.tenant(newWorkspace(), JOBS);
        String key = UUID.randomUUID().toString();
        Document ofA = jobsOfA.upsert(eq("key", key), Updates.set("name", "a")).block(WAIT);

        Document ofB = jobsOfB.upsert(eq("key", key), Updates.set("name", "b")).block(WAIT);

        assertThat(ofB.get("_id")).isNotEqualTo(ofA.get("_id"));
        assertThat(jobsOfA.findOne(eq("key", key)).block(WAIT).getString("name")).isEqualTo("a");
    }

    @Test
    void concurrentClaimsOfOneDocumentHaveExactlyOneWinner() {
        TenantCollection jobs = store.tenant(newWorkspace(), JOBS);
        for (int round = 0; round < 10; round++) {
            String id = jobs.insert(new Document("_id", new ObjectId().toHexString()).append("status", "queued"))
                    .block(WAIT).getString("_id");

            List<Optional<Document>> claims = Flux.range(0, 4)
                    .flatMap(worker -> jobs.findOneAndUpdate(
                                    // the filter re-checks the status, so only the first update can match
                                    and(eq("_id", id), eq("status", "queued")),
                                    Updates.combine(Updates.set("status", "claimed"), Updates.set("worker", worker)))
                            .map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .subscribeOn(Schedulers.parallel()))
                    .collectList()
                    .block(WAIT);

            List<Document> winners = claims.stream().flatMap(Optional::stream).toList();
            assertThat(winners).as("round %d", round).hasSize(1);
            Document stored = jobs.findById(id).block(WAIT);
            assertThat(stored.getString("status")).isEqualTo("claimed");
            assertThat(stored.getInteger("worker")).isEqualTo(winners.get(0).getInteger("worker"));
        }
    }
}
