package io.winloss.portal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;

/**
 * The store contract against a real MongoDB 7, the store of a production deployment. Skipped where no
 * Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerIT extends StoreContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getConnectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    /** The inherited contract ran against the container's server, not the embedded store. */
    @Test
    void contractRunsAgainstARealMongoDb7() {
        Document buildInfo = Mono.from(database().runCommand(new Document("buildInfo", 1))).block(Duration.ofSeconds(30));
        assertThat(buildInfo.getString("version")).startsWith("7.");
    }

    @Override
    protected MongoDatabase database() {
        return client.getDatabase(StoreConfiguration.DATABASE);
    }
}
