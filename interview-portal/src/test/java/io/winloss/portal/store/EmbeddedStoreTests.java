package io.winloss.portal.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The store contract on the embedded H2-backed server the portal uses by default, plus its durability. */
class EmbeddedStoreTests extends StoreContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static EmbeddedStore embedded;
    private static MongoClient client;

    @BeforeAll
    static void open() {
        embedded = EmbeddedStore.open(dataDir, null);
        client = MongoClients.create(embedded.connectionString());
    }

    @AfterAll
    static void close() {
        client.close();
        embedded.close();
    }

    @Override
    protected MongoDatabase database() {
        return client.getDatabase(StoreConfiguration.DATABASE);
    }

    @Test
    void acknowledgedWriteSurvivesReopen(@TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString();
        Process writer = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                AcknowledgedWriter.class.getName(), dir.toString(), id))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            // the child also logs to stdout; wait for its acknowledgement line
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(AcknowledgedWriter.ACKNOWLEDGED));
            assertThat(line).as("the writer saw its insert acknowledged").isEqualTo(AcknowledgedWriter.ACKNOWLEDGED);
        }
        // SIGKILL: no shutdown hook, no close, no final commit; only what was in the file before the ack counts.
        writer.destroyForcibly();
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (EmbeddedStore reopened = EmbeddedStore.open(dir, null);
             MongoClient reader = MongoClients.create(reopened.connectionString())) {
            Document found = Mono.from(reader.getDatabase(StoreConfiguration.DATABASE).getCollection("durability")
                    .find(eq("_id", id)).first()).block(WAIT);
            assertThat(found).isNotNull();
            assertThat(found.getString("note")).isEqualTo("written before the crash");
            assertThat(Mono.from(reader.getDatabase(StoreConfiguration.DATABASE).getCollection("durability")
                    .find(eq("_id", id + "-first")).first()).block(WAIT))
                    .as("a write not waited for is durable once a later durable write is").isNotNull();
        }
    }

    @Test
    void closedStoreReopensWithItsData(@TempDir Path dir) {
        String id = UUID.randomUUID().toString();
        try (EmbeddedStore store = EmbeddedStore.open(dir, null); MongoClient writer = MongoClients.create(store.connectionString())) {
            Mono.from(writer.getDatabase(StoreConfiguration.DATABASE).getCollection("durability")
                    .insertOne(new Document("_id", id))).block(WAIT);
        }
        try (EmbeddedStore store = EmbeddedStore.open(dir, null); MongoClient reader = MongoClients.create(store.connectionString())) {
            assertThat(Mono.from(reader.getDatabase(StoreConfiguration.DATABASE).getCollection("durability")
                    .find(eq("_id", id)).first()).block(WAIT)).isNotNull();
        }
    }

    @Test
    void indexesWrittenInTheOldKeyOrderFindEveryDocumentAfterReopen(@TempDir Path dir) {
        int documents = 400;
        // The file as a portal before IndexKeyOrder wrote it: plain H2Backend, index keys ordered by their serialised bytes.
        MongoServer old = new MongoServer(new H2Backend(dir.resolve("store.mv.db").toString()));
        InetSocketAddress address = old.bind();
        try (MongoClient writer = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> keys = writer.getDatabase(StoreConfiguration.DATABASE).getCollection("keys");
            Mono.from(keys.createIndex(new Document("token", 1), new IndexOptions().unique(true))).block(WAIT);
            List<Document> inserted = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                inserted.add(new Document("_id", "id-" + i).append("token", tokenOf(i)));
            }
            Mono.from(keys.insertMany(inserted)).block(WAIT);
        } finally {
            old.shutdownNow();
        }

        for (int reopen = 0; reopen < 2; reopen++) {
            try (EmbeddedStore store = EmbeddedStore.open(dir, null); MongoClient reader = MongoClients.create(store.connectionString())) {
                MongoCollection<Document> keys = reader.getDatabase(StoreConfiguration.DATABASE).getCollection("keys");
                for (int i = 0; i < documents; i++) {
                    Document found = Mono.from(keys.find(eq("token", tokenOf(i))).first()).block(WAIT);
                    assertThat(found).as("token %d after reopen %d", i, reopen).isNotNull();
                    assertThat(Mono.from(keys.find(eq("_id", found.getString("_id"))).first()).block(WAIT)).isNotNull();
                }
                assertThatThrownBy(() -> Mono.from(keys.insertOne(new Document("_id", "another").append("token", tokenOf(7)))).block(WAIT))
                        .isInstanceOf(MongoWriteException.class)
                        .hasMessageContaining("duplicate key");
            }
        }
    }

    @Test
    void documentsOfEveryTypeReadTheSameFromAnOlderFileAndAfterBeingRewritten(@TempDir Path dir) {
        Document kinds = new Document("_id", "kinds")
                .append("text", "naïve <b>\"quoted\"</b> 😀").append("int", 42).append("long", 1L << 40).append("double", 2.5)
                .append("flag", true).append("nothing", null).append("when", new Date(1_700_000_000_123L))
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3L))))
                .append("bytes", new Binary(new byte[] {0, 1, 2, (byte) 255})).append("oid", new ObjectId("65a1b2c3d4e5f60718293a4b"));
        MongoServer old = new MongoServer(new H2Backend(dir.resolve("store.mv.db").toString()));
        InetSocketAddress address = old.bind();
        try (MongoClient writer = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            Mono.from(writer.getDatabase(StoreConfiguration.DATABASE).getCollection("kinds").insertOne(kinds)).block(WAIT);
        } finally {
            old.shutdownNow();
        }

        try (EmbeddedStore store = EmbeddedStore.open(dir, null); MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase(StoreConfiguration.DATABASE).getCollection("kinds");
            assertThat(Mono.from(collection.find(eq("_id", "kinds")).first()).block(WAIT)).isEqualTo(kinds);
            Mono.from(collection.insertOne(new Document(kinds).append("_id", "kinds-again"))).block(WAIT);
            Mono.from(collection.updateOne(eq("_id", "kinds"), Updates.set("touched", 1))).block(WAIT);
        }
        try (EmbeddedStore store = EmbeddedStore.open(dir, null); MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase(StoreConfiguration.DATABASE).getCollection("kinds");
            assertThat(Mono.from(collection.find(eq("_id", "kinds")).first()).block(WAIT))
                    .isEqualTo(new Document(kinds).append("touched", 1));
            assertThat(Mono.from(collection.find(eq("_id", "kinds-again")).first()).block(WAIT))
                    .isEqualTo(new Document(kinds).append("_id", "kinds-again"));
        }
    }

    /** Updates change stored documents in place while commits on other threads write them: neither may see the other halfway. */
    @Test
    void concurrentUpdatesAndCommitsKeepTheStoreOpenAndEveryDocumentWhole(@TempDir Path dir) throws Exception {
        int documents = 20;
        int rounds = 300;
        try (EmbeddedStore store = EmbeddedStore.open(dir, null); MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase(StoreConfiguration.DATABASE).getCollection("churn");
            for (int d = 0; d < documents; d++) {
                Mono.from(collection.insertOne(new Document("_id", "doc-" + d).append("round", -1))).block(WAIT);
            }
            Flux.range(0, documents).flatMap(d -> Flux.range(0, rounds).concatMap(round -> Mono.from(collection.updateOne(
                    eq("_id", "doc-" + d),
                    Updates.combine(Updates.set("round", round), Updates.set("field-" + round, "x".repeat(round % 40)),
                            Updates.unset("field-" + (round - 1)), Updates.push("history", round))))), documents)
                    .blockLast(Duration.ofMinutes(2));
        }
        try (EmbeddedStore store = EmbeddedStore.open(dir, null); MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase(StoreConfiguration.DATABASE).getCollection("churn");
            for (int d = 0; d < documents; d++) {
                int last = rounds - 1;
                assertThat(Mono.from(collection.find(eq("_id", "doc-" + d)).first()).block(WAIT))
                        .isEqualTo(new Document("_id", "doc-" + d).append("round", last)
                                .append("history", IntStream.range(0, rounds).boxed().toList())
                                .append("field-" + last, "x".repeat(last % 40)));
            }
        }
    }

    @Test
    void uniqueIndexTellsKeysOfDifferentTypesApartAndFindsEach() {
        MongoCollection<Document> keys = database().getCollection("mixed-keys-" + UUID.randomUUID());
        Mono.from(keys.createIndex(new Document("k", 1), new IndexOptions().unique(true))).block(WAIT);
        List<Object> values = List.of("7", 7L, 7.5, "", "a", "b", new ObjectId(), new Document("x", 1), List.of(1, 2), true);
        for (int i = 0; i < values.size(); i++) {
            Mono.from(keys.insertOne(new Document("_id", "doc-" + i).append("k", values.get(i)))).block(WAIT);
        }
        for (int i = 0; i < values.size(); i++) {
            Document found = Mono.from(keys.find(eq("k", values.get(i))).first()).block(WAIT);
            assertThat(found).as("k = %s", values.get(i)).isNotNull();
            assertThat(found.getString("_id")).isEqualTo("doc-" + i);
        }
        assertThatThrownBy(() -> Mono.from(keys.insertOne(new Document("_id", "again").append("k", "a"))).block(WAIT))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
    }

    /** Index keys are written field by field where they can be and with Java serialisation where not; both read back. */
    @Test
    void uniqueIndexKeysOfEveryKindFindTheirDocumentsAfterReopen(@TempDir Path dir) {
        List<Object> values = new ArrayList<>(List.of("naïve 😀", "", 7, -7, 1L << 40, 7.5, -0.25, true, false,
                new ObjectId("65a1b2c3d4e5f60718293a4b"), new Date(1_700_000_000_123L), new Document("x", 1),
                new Binary(new byte[] {0, 1, (byte) 255})));
        values.add(null);
        try (EmbeddedStore store = EmbeddedStore.open(dir, null); MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> keys = client.getDatabase(StoreConfiguration.DATABASE).getCollection("kinds-of-keys");
            Mono.from(keys.createIndex(new Document("k", 1), new IndexOptions().unique(true))).block(WAIT);
            Mono.from(keys.createIndex(new Document("a", 1).append("b", 1), new IndexOptions().unique(true).sparse(true))).block(WAIT);
            for (int i = 0; i < values.size(); i++) {
                Mono.from(keys.insertOne(new Document("_id", "doc-" + i).append("k", values.get(i))
                        .append("a", "pair").append("b", values.get(i)))).block(WAIT);
            }
        }
        try (EmbeddedStore store = EmbeddedStore.open(dir, null); MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> keys = client.getDatabase(StoreConfiguration.DATABASE).getCollection("kinds-of-keys");
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                Document found = Mono.from(keys.find(eq("k", value)).first()).block(WAIT);
                assertThat(found).as("k = %s", value).isNotNull();
                assertThat(found.getString("_id")).isEqualTo("doc-" + i);
                assertThatThrownBy(() -> Mono.from(keys.insertOne(new Document("_id", "again").append("k", value))).block(WAIT))
                        .as("a second k = %s", value).isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                assertThatThrownBy(() -> Mono.from(keys.insertOne(new Document("_id", "again").append("k", "unused")
                        .append("a", "pair").append("b", value))).block(WAIT))
                        .as("a second pair with b = %s", value).isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            }
        }
    }

    @Test
    void keysOfPlainValuesAreWrittenFieldByFieldAndOthersSerialised() {
        IndexKeyType type = new IndexKeyType();
        for (KeyValue key : List.of(new KeyValue("token", 7, 2L, 0.5, true, new de.bwaldvogel.mongo.bson.ObjectId(), Instant.ofEpochSecond(1, 5)),
                new KeyValue(new de.bwaldvogel.mongo.bson.Document("x", 1)))) {
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, key);
            ByteBuffer written = buffer.getBuffer().flip();
            assertThat(written.get(0) == IndexKeyType.KEY).as("written field by field: %s", key)
                    .isEqualTo(!(key.get(0) instanceof de.bwaldvogel.mongo.bson.Document));
            assertThat(type.read(written)).isEqualTo(key);
        }
    }

    /** Of varying length: the old order sorted strings by length first, the new one does not, so the orders differ. */
    private static String tokenOf(int i) {
        return "token-" + i;
    }
}
