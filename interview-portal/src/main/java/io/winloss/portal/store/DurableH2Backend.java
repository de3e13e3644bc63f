package io.winloss.portal.store;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 file backend, committed to its file before any write is acknowledged (concurrent writes share a commit),
 * unless the client waived that for the write.
 * Plain H2Backend commits about once a second, so a SIGKILL could lose writes the client saw succeed;
 * committing here makes "acknowledged" mean "in the file" for every client of the embedded store.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "createindexes", "create",
            "drop", "dropindexes", "dropdatabase", "renamecollection");

    /** Writes applied so far, numbered as they finish; a commit covers every write numbered before it began. */
    private final AtomicLong writesApplied = new AtomicLong();
    private final Object commitLock = new Object();
    private long committedThrough;

    DurableH2Backend(String fileName) {
        super(openInKeyOrder(fileName));
    }

    private static MVStore openInKeyOrder(String fileName) {
        // No auto-commit when unsaved changes pile up: H2 would commit on the writing thread, which holds its
        // collection's lock, while a commit on another thread may wait for that lock to encode the collection's
        // documents (BsonDocumentType). Every write is committed at once here anyway, and H2's background thread
        // still commits after a second and keeps the file compact.
        MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes()).autoCommitBufferSize(0).open();
        IndexKeyOrder.migrate(store);
        return store;
    }

    /** Called from H2Backend's constructor too, for the databases already in the file: uses no field of this class. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return TypedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * H2's page cache, by default 16 MB: once the store outgrows it, every lookup of a document not read lately
     * reads and decodes pages from the file again (survey page views over 13,000 invitations ran at 250 per second
     * on 2 cores with it, against 1,500 when the pages stayed cached). An eighth of the heap, 32 MB to 1 GB.
     */
    static int cacheMegabytes() {
        long eighth = Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024);
        return (int) Math.max(32, Math.min(1024, eighth));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase())) {
            long write = writesApplied.incrementAndGet();
            if (!journalWaived(query)) {
                commitThrough(write);
            }
        }
        return response;
    }

    /**
     * A write the client sent with {@code writeConcern: {j: false}} is answered without waiting for a commit
     * (TenantCollection.eventuallyDurable): the next commit, by a later durable write or H2's background thread
     * within a second, includes it, and a commit includes every write applied before it, in order.
     */
    private static boolean journalWaived(Document command) {
        return command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }

    /**
     * Group commit: a write is answered once a commit that began after it was applied has finished. Writers that
     * arrive while one commits wait for the lock; the first of them commits for all, the others find their write
     * covered and answer at once. A commit writes a chunk to the file and waits for it, so one commit per write
     * made every writer queue behind the others (survey submissions fell behind at 150 a second).
     */
    private void commitThrough(long write) {
        synchronized (commitLock) {
            if (committedThrough >= write) {
                return;
            }
            long covered = writesApplied.get();
            commit();
            committedThrough = covered;
        }
    }
}
