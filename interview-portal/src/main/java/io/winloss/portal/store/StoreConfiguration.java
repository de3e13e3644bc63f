package io.winloss.portal.store;

import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.winloss.portal.PortalProperties;
import reactor.core.publisher.Mono;

/**
 * One path to the data: the client always speaks the MongoDB wire protocol, to the embedded store
 * when {@code MONGODB_URI} is unset and to that MongoDB otherwise.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    static final String DATABASE = "winloss";

    /** The embedded store when no MongoDB is configured; closed after the client on shutdown. */
    @Bean(destroyMethod = "close")
    StoreServer storeServer(PortalProperties properties) {
        return properties.embeddedStore()
                ? new StoreServer(EmbeddedStore.open(properties.dataDir(), properties.storePort()))
                : new StoreServer(null);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(PortalProperties properties, StoreServer server) {
        String uri = server.embedded() == null ? properties.mongodbUri() : server.embedded().connectionString();
        ConnectionString connection = new ConnectionString(uri);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS));
        if (connection.getWriteConcern() == null) {
            // An acknowledged write is in the journal of a majority; the embedded store commits before answering.
            settings.writeConcern(properties.embeddedStore() ? WriteConcern.ACKNOWLEDGED : WriteConcern.MAJORITY.withJournal(true));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    Store store(MongoClient client, PortalProperties properties) {
        String database = properties.embeddedStore() ? DATABASE
                : new ConnectionString(properties.mongodbUri()).getDatabase();
        return new Store(client.getDatabase(database == null ? DATABASE : database));
    }

    record StoreServer(EmbeddedStore embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean
    ReactiveHealthIndicator storeHealthIndicator(Store store) {
        return () -> Mono.from(store.database().runCommand(new Document("ping", 1)))
                .map(pong -> Health.up().build())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
