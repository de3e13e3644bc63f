package io.winloss.portal.store;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The value type of the embedded store's collections: documents are written as BSON, the format they arrived in,
 * instead of H2's default Java serialisation, which took a fifth of the portal's CPU under load (every commit
 * re-serialises whole pages of documents, class descriptors included). Values written before, in Java serialisation,
 * are still read (their first byte says which), and are written as BSON when their page is next written.
 *
 * <p>mongo-java-server updates a stored document in place, inside its collection's lock, while H2 may be writing a
 * page that holds it on another thread (a commit, or H2's housekeeping). A page's documents are therefore encoded
 * under that same lock ({@link #guardedBy}), so each is written as it was before or after an update, never halfway
 * (the encoder would otherwise fail on the changing map, and H2 closes the store on any failure while writing).
 */
final class BsonDocumentType extends ObjectDataType {

    /** A tag no {@link ObjectDataType} value starts with (its tags end at 119). */
    private static final byte BSON = 127;

    /** H2 sizes pages by estimated memory; as its own serialised type does, a moving average of sizes seen. */
    private volatile int averageMemory = 1024;
    /** The lock under which the collection changes its documents; null until the collection is open. */
    private volatile Object guard;

    /** Encodes documents under {@code lock}, the monitor every change to the collection's documents holds. */
    void guardedBy(Object lock) {
        guard = lock;
    }

    @Override
    public void write(WriteBuffer buff, Object storage, int len) {
        Object lock = guard;
        if (lock == null) {
            super.write(buff, storage, len);
            return;
        }
        synchronized (lock) {
            super.write(buff, storage, len);
        }
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (!(obj instanceof Document document)) {
            super.write(buff, obj);
            return;
        }
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            averageMemory = (int) ((3L * length + 15L * averageMemory) / 16);
            buff.put(BSON).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        } finally {
            bson.release();
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        ByteBuffer bson = buff.slice();
        bson.limit(length);
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document ? averageMemory : super.getMemory(obj);
    }
}
