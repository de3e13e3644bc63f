package io.winloss.portal.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;

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
 *
 * <p>Keys whose values are all strings, numbers, booleans, ObjectIds, dates or null are written field by field with
 * a type byte each ({@link #KEY}) instead of with Java serialisation, which cost H2's page writer half its time under
 * load (a new object stream per key); any other key is written as before, and keys written either way are read.
 */
final class IndexKeyType extends ObjectDataType {

    /** A tag no {@link ObjectDataType} value starts with (its tags end at 119; documents use 127). */
    static final byte KEY = 126;

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INTEGER = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte TRUE = 5;
    private static final byte FALSE = 6;
    private static final byte OBJECT_ID = 7;
    private static final byte INSTANT = 8;

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

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof KeyValue key && writable(key)) {
            buff.put(KEY).putVarInt(key.size());
            for (Object value : key) {
                writeValue(buff, value);
            }
        } else {
            super.write(buff, obj);
        }
    }

    private static boolean writable(KeyValue key) {
        for (Object value : key) {
            if (!(value == null || value instanceof String || value instanceof Integer || value instanceof Long
                    || value instanceof Double || value instanceof Boolean || value instanceof ObjectId || value instanceof Instant)) {
                return false;
            }
        }
        return true;
    }

    private static void writeValue(WriteBuffer buff, Object value) {
        if (value == null) {
            buff.put(NULL);
        } else if (value instanceof String string) {
            buff.put(STRING).putVarInt(string.length()).putStringData(string, string.length());
        } else if (value instanceof Integer number) {
            buff.put(INTEGER).putInt(number);
        } else if (value instanceof Long number) {
            buff.put(LONG).putLong(number);
        } else if (value instanceof Double number) {
            buff.put(DOUBLE).putDouble(number);
        } else if (value instanceof Boolean flag) {
            buff.put(flag ? TRUE : FALSE);
        } else if (value instanceof ObjectId id) {
            byte[] bytes = id.toByteArray();
            buff.put(OBJECT_ID).putVarInt(bytes.length).put(bytes);
        } else {
            Instant instant = (Instant) value;
            buff.put(INSTANT).putLong(instant.getEpochSecond()).putInt(instant.getNano());
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != KEY) {
            return super.read(buff);
        }
        buff.get();
        int size = DataUtils.readVarInt(buff);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readValue(buff));
        }
        return new KeyValue(values);
    }

    private static Object readValue(ByteBuffer buff) {
        byte type = buff.get();
        return switch (type) {
            case NULL -> null;
            case STRING -> DataUtils.readString(buff, DataUtils.readVarInt(buff));
            case INTEGER -> buff.getInt();
            case LONG -> buff.getLong();
            case DOUBLE -> buff.getDouble();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case OBJECT_ID -> {
                byte[] id = new byte[DataUtils.readVarInt(buff)];
                buff.get(id);
                yield new ObjectId(id);
            }
            case INSTANT -> Instant.ofEpochSecond(buff.getLong(), buff.getInt());
            default -> throw new IllegalStateException("unknown index key value type " + type);
        };
    }
}
