package io.winloss.portal.store;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 database whose unique indexes order their keys with {@link IndexKeyType}, whose collections store
 * documents as BSON ({@link BsonDocumentType}) and answer with copies ({@link SnapshotH2Collection}). Each map is opened here with its types first; H2Database's own
 * {@code openMap(name)} then gets that open map.
 */
final class TypedH2Database extends H2Database {

    /** The store while H2Database's constructor opens the existing collections, before this class's field is set. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private TypedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
    }

    static TypedH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        OPENING.set(store);
        try {
            return new TypedH2Database(databaseName, store, cursorRegistry);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        IndexKeyOrder.openIndex(store(), getFullCollectionNamespace(collectionName), indexName);
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    /**
     * mongo-java-server keeps a collection's documents in the map "databases.db.collection" and its counters in
     * "meta.db.collection"; its collections change documents only in methods synchronized on the collection, the
     * lock the documents are encoded under. As H2Database does, with {@link SnapshotH2Collection}.
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        BsonDocumentType documents = new BsonDocumentType();
        MVMap<Object, Document> data = store().openMap("databases." + fullName,
                new MVMap.Builder<Object, Document>().valueType(documents));
        MVMap<String, Object> meta = store().openMap("meta." + fullName);
        SnapshotH2Collection collection = new SnapshotH2Collection(this, collectionName, options, data, meta, cursorRegistry);
        documents.guardedBy(collection);
        return collection;
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }
}
