package io.winloss.portal.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One collection as seen from one workspace: every filter is ANDed with the workspace id and every
 * inserted document is stamped with it, so a feature cannot read or change another workspace's data.
 */
public final class TenantCollection {

    public static final String WORKSPACE = "workspaceId";

    private final MongoCollection<Document> collection;
    private final WorkspaceId workspace;

    TenantCollection(MongoCollection<Document> collection, WorkspaceId workspace) {
        this.collection = collection;
        this.workspace = workspace;
    }

    public WorkspaceId workspace() {
        return workspace;
    }

    /**
     * This collection with writes answered before they are on disk ({@code j: false}): for a write that a durable
     * write of the same request follows (the store keeps writes in order, so that one's commit covers it), or whose
     * loss in a crash costs nothing anybody sent (the time a survey page was first opened). The embedded store
     * commits such a write with the next durable one or within a second; MongoDB journals it within its commit
     * interval. Waiting for one commit per request instead of one per write is what lets buyers' submissions share
     * commits.
     */
    public TenantCollection eventuallyDurable() {
        return new TenantCollection(collection.withWriteConcern(collection.getWriteConcern().withJournal(false)), workspace);
    }

    private Bson scoped(Bson filter) {
        return and(eq(WORKSPACE, workspace.value()), filter);
    }

    /**
     * The document with this id if it belongs to this workspace. Looked up by id alone (the embedded store uses
     * its id index only for a lone id) and checked here, so another workspace's id still finds nothing.
     */
    public Mono<Document> findById(String id) {
        return Mono.from(collection.find(eq("_id", id)).first())
                .filter(doc -> workspace.value().equals(doc.getString(WORKSPACE)));
    }

    public Mono<Document> findOne(Bson filter) {
        return Mono.from(collection.find(scoped(filter)).first());
    }

    public Flux<Document> find(Bson filter, Bson sort, int skip, int limit) {
        return Flux.from(collection.find(scoped(filter)).sort(sort).skip(skip).limit(limit));
    }

    public Flux<Document> find(Bson filter, Bson sort) {
        return Flux.from(collection.find(scoped(filter)).sort(sort));
    }

    public Mono<Long> count(Bson filter) {
        return Mono.from(collection.countDocuments(scoped(filter)));
    }

    /** Inserts the document stamped with this workspace; a duplicate key fails with MongoWriteException. */
    public Mono<Document> insert(Document document) {
        document.put(WORKSPACE, workspace.value());
        return Mono.from(collection.insertOne(document)).thenReturn(document);
    }

    public Mono<Long> updateOne(Bson filter, Bson update) {
        return Mono.from(collection.updateOne(scoped(filter), update)).map(r -> r.getModifiedCount());
    }

    /**
     * Updates the document with this id that the caller read from this workspace in the same request (its
     * workspace is known, so no second read as {@link #updateById} makes); answers whether it matched. The
     * embedded store finds a lone id by its index.
     */
    public Mono<Boolean> updateReadById(String id, Bson update) {
        return Mono.from(collection.updateOne(eq("_id", id), update)).map(result -> result.getMatchedCount() == 1);
    }

    /**
     * Updates the document with this id if it belongs to this workspace; answers whether there was one. Read and
     * written by its id alone, which the embedded store finds through its id index (a filter with any other field
     * scans the whole collection: 13,000 invitations made each survey page view's first write cost a scan). A
     * document never changes workspace, so the check before the write still holds when it is made.
     */
    public Mono<Boolean> updateById(String id, Bson update) {
        return findById(id).flatMap(doc -> updateReadById(id, update)).defaultIfEmpty(false);
    }

    /** Updates every matching document of this workspace; answers how many changed. */
    public Mono<Long> updateMany(Bson filter, Bson update) {
        return Mono.from(collection.updateMany(scoped(filter), update)).map(r -> r.getModifiedCount());
    }

    /** Atomically updates one document and returns it as it is after the update, or empty if none matched. */
    public Mono<Document> findOneAndUpdate(Bson filter, Bson update) {
        return Mono.from(collection.findOneAndUpdate(scoped(filter), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /**
     * Updates the one matching document, or inserts it stamped with this workspace, atomically;
     * returns the document as it is afterwards.
     */
    public Mono<Document> upsert(Bson filter, Bson update) {
        return Mono.from(collection.findOneAndUpdate(scoped(filter),
                Updates.combine(update, Updates.setOnInsert(WORKSPACE, workspace.value())),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
    }

    /**
     * A unique key qualified by this workspace, for a field with a unique index (such as a deal's external id).
     * The collection composes it, so a caller cannot name another workspace's key.
     */
    public String qualifiedKey(String localKey) {
        return workspace.value() + "\u0000" + localKey;
    }

    /**
     * Upserts by a workspace-qualified unique key (see {@link #qualifiedKey}), setting the key on insert.
     * The filter is the key alone: it is already scoped, and a lone key is what lets the embedded store use its
     * unique index instead of scanning the collection.
     */
    public Mono<Document> upsertByKey(String keyField, String localKey, Bson update) {
        return Mono.from(collection.findOneAndUpdate(eq(keyField, qualifiedKey(localKey)),
                stampedUpsert(keyField, localKey, update),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
    }

    /**
     * The documents with these workspace-qualified keys (see {@link #qualifiedKey}), by the key alone, so the embedded
     * store uses its unique index; the keys are qualified, so only this workspace's documents can match.
     */
    public Flux<Document> findByKeys(String keyField, java.util.Collection<String> localKeys) {
        if (localKeys.isEmpty()) {
            return Flux.empty();
        }
        return Flux.from(collection.find(com.mongodb.client.model.Filters.in(keyField,
                        localKeys.stream().map(this::qualifiedKey).toList())))
                .filter(doc -> workspace.value().equals(doc.getString(WORKSPACE)));
    }

    private Bson stampedUpsert(String keyField, String localKey, Bson update) {
        return Updates.combine(update, Updates.set(keyField, qualifiedKey(localKey)),
                Updates.setOnInsert(WORKSPACE, workspace.value()));
    }

    public Mono<Long> deleteOne(Bson filter) {
        return Mono.from(collection.deleteOne(scoped(filter))).map(r -> r.getDeletedCount());
    }

    /** Deletes every matching document of this workspace; answers how many went. */
    public Mono<Long> deleteMany(Bson filter) {
        return Mono.from(collection.deleteMany(scoped(filter))).map(r -> r.getDeletedCount());
    }

    /** One write of {@link #writeAll}: an insert, or an upsert by a workspace-qualified key as in {@link #upsertByKey}. */
    public record Write(String keyField, String localKey, Bson update, Document insert) {

        public static Write insert(Document document) {
            return new Write(null, null, null, document);
        }

        public static Write upsertByKey(String keyField, String localKey, Bson update) {
            return new Write(keyField, localKey, update, null);
        }
    }

    /**
     * Inserts and upserts many documents in one ordered round trip, each stamped with and scoped to this
     * workspace; a later write of the batch sees the earlier ones.
     */
    public Mono<BulkWriteResult> writeAll(List<Write> writes) {
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        for (Write write : writes) {
            if (write.insert() != null) {
                write.insert().put(WORKSPACE, workspace.value());
                models.add(new InsertOneModel<>(write.insert()));
            } else {
                models.add(new UpdateOneModel<>(eq(write.keyField(), qualifiedKey(write.localKey())),
                        stampedUpsert(write.keyField(), write.localKey(), write.update()),
                        new UpdateOptions().upsert(true)));
            }
        }
        return Mono.from(collection.bulkWrite(models, new BulkWriteOptions().ordered(true)));
    }
}
