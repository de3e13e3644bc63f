package io.winloss.portal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.bson.Document;

/** Answers are copies: a later update of the stored document does not change an answer already given. */
class SnapshotH2CollectionTests {

    private final MVStore store = MVStore.open(null);
    private final MongoCollection<?> counters = TypedH2Database.open("winloss", store, new CursorRegistry())
            .createCollectionOrThrowIfExists("counters");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void findAndModifyAnswersTheValueAsOfItsOwnUpdate() {
        Document first = increment();
        Document second = increment();

        assertThat(((Document) first.get("value")).get("seq")).isEqualTo(1L);
        assertThat(((Document) second.get("value")).get("seq")).isEqualTo(2L);
    }

    @Test
    void queryAnswersDocumentsAsTheyWereWhenQueried() {
        increment();
        List<Document> answered = new ArrayList<>();
        counters.handleQuery(new QueryParameters(new Document("_id", "seq"), 0, 0)).forEach(answered::add);
        increment();

        assertThat(answered).singleElement().satisfies(doc -> assertThat(doc.get("seq")).isEqualTo(1L));
    }

    private Document increment() {
        return counters.findAndModify(new Document("query", new Document("_id", "seq"))
                .append("update", new Document("$inc", new Document("seq", 1L)))
                .append("new", true).append("upsert", true));
    }
}
