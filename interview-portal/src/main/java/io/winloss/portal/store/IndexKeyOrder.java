package io.winloss.portal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * Opens the embedded store's unique-index maps with {@link IndexKeyType}, and rebuilds once, at start, the index maps
 * of a store file written before it (their entries were ordered by serialised bytes, so a lookup in the new order
 * would miss). The rebuild copies every index map's entries and is committed in one commit, so a crash during it
 * leaves the file as it was.
 */
final class IndexKeyOrder {

    private static final Logger log = LoggerFactory.getLogger(IndexKeyOrder.class);

    /** The map that records the key order the index maps are in. */
    static final String FORMAT_MAP = "winloss.format";
    static final String KEY_ORDER = "indexKeyOrder";
    static final String TYPED = "typed-1";
    private static final String INDEX_MAP_MARK = "._index_";

    private IndexKeyOrder() {
    }

    /**
     * The map of unique index {@code indexName} of collection {@code namespace} ("db.coll"), named as
     * mongo-java-server names it and opened with the fast key order (returned as is when already open).
     */
    static MVMap<KeyValue, Object> openIndex(MVStore store, String namespace, String indexName) {
        return openIndex(store, namespace + INDEX_MAP_MARK + indexName);
    }

    private static MVMap<KeyValue, Object> openIndex(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
    }

    /** mongo-java-server names a collection's data "databases.db.coll", its counters "meta.db.coll", an index "db.coll._index_name". */
    private static boolean isIndexMap(String name) {
        return !name.startsWith("databases.") && !name.startsWith("meta.") && name.contains(INDEX_MAP_MARK);
    }

    /** Puts every index map of {@code store} in the fast key order, unless the file says they are already. */
    static void migrate(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (TYPED.equals(format.get(KEY_ORDER))) {
            return;
        }
        int autoCommitDelay = store.getAutoCommitDelay();
        store.setAutoCommitDelay(0);
        try {
            List<String> indexes = store.getMapNames().stream().filter(IndexKeyOrder::isIndexMap).toList();
            long entries = 0;
            for (String name : indexes) {
                MVMap<Object, Object> old = store.openMap(name);
                List<Map.Entry<Object, Object>> copied = new ArrayList<>(old.entrySet());
                store.removeMap(old);
                MVMap<KeyValue, Object> rebuilt = openIndex(store, name);
                for (Map.Entry<Object, Object> entry : copied) {
                    rebuilt.put((KeyValue) entry.getKey(), entry.getValue());
                }
                entries += copied.size();
            }
            format.put(KEY_ORDER, TYPED);
            store.commit();
            if (!indexes.isEmpty()) {
                log.info("rebuilt {} index maps ({} entries) of the embedded store in the new key order", indexes.size(), entries);
            }
        } finally {
            store.setAutoCommitDelay(autoCommitDelay);
        }
    }
}
