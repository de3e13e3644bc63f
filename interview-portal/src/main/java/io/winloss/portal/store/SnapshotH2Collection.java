package io.winloss.portal.store;

import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A collection that answers with copies of its documents, taken under its lock. mongo-java-server answers queries
 * and find-and-modify with the stored documents themselves and encodes the reply after releasing the lock, while
 * updates change stored documents in place: two concurrent increments of one counter both answered with the
 * second's value (the change log then got one position twice), and a query could answer a document halfway
 * through an update.
 */
final class SnapshotH2Collection extends H2Collection {

    SnapshotH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /** Runs inside the synchronized query methods, so the copies are taken under the collection's lock. */
    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        return super.createQueryResult(matchedDocuments.stream().map(Document::cloneDeeply).toList(), batchSize);
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        Document result = super.findAndModify(query);
        if (result.get("value") instanceof Document value) {
            result.put("value", value.cloneDeeply());
        }
        return result;
    }
}
