package io.winloss.portal.store;

import java.nio.file.Path;
import java.time.Duration;

import org.bson.Document;

import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Mono;

/**
 * Run in a child JVM by {@link EmbeddedStoreTests#acknowledgedWriteSurvivesReopen}: inserts one document without
 * waiting for the disk ({@code j: false}), then one durably, reports the acknowledgement on stdout, then waits to be
 * killed without any chance to shut down cleanly.
 */
final class AcknowledgedWriter {

    static final String ACKNOWLEDGED = "acknowledged";

    private AcknowledgedWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedStore store = EmbeddedStore.open(Path.of(args[0]), null);
        MongoClient client = MongoClients.create(store.connectionString());
        MongoCollection<Document> durability = client.getDatabase(StoreConfiguration.DATABASE).getCollection("durability");
        Mono.from(durability.withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false))
                .insertOne(new Document("_id", args[1] + "-first").append("note", "not waited for")))
                .block(Duration.ofSeconds(30));
        Mono.from(durability.insertOne(new Document("_id", args[1]).append("note", "written before the crash")))
                .block(Duration.ofSeconds(30));
        System.out.println(ACKNOWLEDGED);
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
}
