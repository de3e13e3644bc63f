package io.winloss.portal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB-wire-compatible server inside the portal process, backed by an H2 file under the data folder,
 * so a newcomer needs nothing but a JDK and data survives restarts. It listens on loopback only.
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

    /** Threads serving the store's connections (Netty's default is two per core). */
    static final int WORKER_THREADS = 32;

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedStore(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Opens (or creates) the store file {@code store.mv.db} in {@code dataDir}.
     *
     * @param port loopback port to listen on, or null for any free port
     */
    public static EmbeddedStore open(Path dataDir, Integer port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("store.mv.db").toAbsolutePath();
        MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
        // No oplog: nothing here reads change streams (replicas follow the `changes` log), and mongo-java-server's
        // oplog is a second, never-trimmed insert (and commit) for every write.
        // A write waits for its commit on the connection's thread: more threads, more writes share each commit.
        server.bind(new InetSocketAddress("127.0.0.1", port == null ? 0 : port), 1, WORKER_THREADS);
        InetSocketAddress address = server.getLocalAddress();
        log.info("embedded store {} listening on {}", file, address);
        return new EmbeddedStore(server, address);
    }

    /** A connection string for this store, usable by this process and by others on the same machine. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
