package io.winloss.portal.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

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
}
