package io.winloss.portal.store;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of the embedded store's unique indexes: stored exactly as H2's default {@link ObjectDataType} stores
 * them, but ordered without serialising. H2 orders objects it does not know (mongo-java-server's {@link KeyValue}) by
 * serialising both sides with Java serialisation on every comparison, so each index lookup serialised about thirty
 * keys: under load, index lookups took 43% of the store threads' time, inside the collection's lock.
 *
 * <p>The order: fewer key fields first, then field by field: by class name, then by the values' natural order for
 * comparable values of one class (strings, numbers, ObjectIds, dates), else as H2 orders them. Two keys compare equal
 * exactly when they are equal, as before; only the order differs, which is why indexes written in the old order are
 * rebuilt once ({@link IndexKeyOrder}).
 */
final class IndexKeyType extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return compareKeys(left, right);
        }
        return super.compare(a, b);
    }

    private int compareKeys(KeyValue left, KeyValue right) {
        if (left.size() != right.size()) {
            return Integer.compare(left.size(), right.size());
        }
        for (int i = 0; i < left.size(); i++) {
            int field = compareValues(left.get(i), right.get(i));
            if (field != 0) {
                return field;
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        return super.compare(a, b);
    }
}
