package io.winloss.portal.interview;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;

import io.winloss.nlp.transcript.TranscriptReader;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploaded transcripts as received, in GridFS (files can exceed a document's 16 MB). Reached only through an
 * {@link Interview} of the caller's workspace, which holds the file's id; the file's metadata names its
 * workspace too, and reading checks it.
 */
@Component
class TranscriptFiles {

    /** The largest transcript accepted, the same as the transcript reader's limit. */
    static final long MAX_BYTES = TranscriptReader.MAX_BYTES;

    private final GridFSBucket bucket;

    TranscriptFiles(Store store) {
        this.bucket = GridFSBuckets.create(store.database(), Collections.UPLOADS);
    }

    /** Stores the bytes as they arrive; more than {@link #MAX_BYTES} fails the upload ({@link UploadTooLarge}) and keeps nothing. */
    Mono<Stored> store(WorkspaceId workspace, String fileName, Flux<DataBuffer> content) {
        AtomicLong size = new AtomicLong();
        Flux<ByteBuffer> bytes = content.map(buffer -> {
            try {
                byte[] copy = new byte[buffer.readableByteCount()];
                buffer.read(copy);
                if (size.addAndGet(copy.length) > MAX_BYTES) {
                    throw UploadTooLarge.file(fileName);
                }
                return ByteBuffer.wrap(copy);
            } finally {
                DataBufferUtils.release(buffer);
            }
        });
        GridFSUploadOptions options = new GridFSUploadOptions().metadata(new Document("workspaceId", workspace.value()));
        return Mono.from(bucket.uploadFromPublisher(fileName, bytes, options))
                .map(id -> new Stored(id.toHexString(), size.get()));
    }

    record Stored(String fileId, long size) {
    }

    /** The whole file, at most {@link #MAX_BYTES}, if it belongs to this workspace. */
    Mono<byte[]> read(WorkspaceId workspace, String fileId) {
        var download = bucket.downloadToPublisher(new ObjectId(fileId));
        return Mono.from(download.getGridFSFile())
                .filter(file -> file.getMetadata() != null && workspace.value().equals(file.getMetadata().getString("workspaceId")))
                .flatMap(file -> Flux.from(download)
                        .collect(java.io.ByteArrayOutputStream::new, (out, buffer) -> {
                            byte[] chunk = new byte[buffer.remaining()];
                            buffer.get(chunk);
                            out.write(chunk, 0, chunk.length);
                        })
                        .map(java.io.ByteArrayOutputStream::toByteArray));
    }

    /** The ids of the files stored before {@code instant}, whatever their workspace (for {@link OrphanTranscripts}). */
    Flux<String> storedBefore(Instant instant) {
        return Flux.from(bucket.find(Filters.lt("uploadDate", Date.from(instant)))).map(file -> file.getObjectId().toHexString());
    }

    /** Deletes the file and its chunks; a file already gone (an earlier deletion got this far) is no error. */
    Mono<Void> delete(String fileId) {
        if (fileId == null) {
            return Mono.empty();
        }
        return Mono.from(bucket.delete(new ObjectId(fileId)))
                .onErrorResume(com.mongodb.MongoGridFSException.class, e -> Mono.empty())
                .then();
    }
}
