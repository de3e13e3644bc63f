package io.winloss.portal.interview;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.multipart.FilePart;

import io.winloss.nlp.transcript.TranscriptReader;
import io.winloss.portal.web.FieldError;
import reactor.core.publisher.Mono;

/**
 * Looks at every byte of an uploaded file once, before anything is stored, and refuses what is certainly no
 * transcript whatever its name or declared type: an empty file, one of only blank space, a file whose first bytes
 * say it is an image, a PDF, a program, audio or an archive, and a ZIP without a {@code word/} folder (not a DOCX);
 * a file over {@link TranscriptFiles#MAX_BYTES} is {@link UploadTooLarge}. Everything else is stored and read whole
 * by the analysis job, which fails with the reader's reason when the file still cannot be read (a damaged DOCX, a
 * zip bomb, text too long per line): those need the whole file parsed, which an upload answered at once does not do.
 * Reading keeps only the first bytes and a few counters, so a file costs no memory for its size.
 */
final class UploadedFileCheck {

    /** Enough of the start for every signature {@link TranscriptReader#refusal} knows. */
    private static final int START_BYTES = 64;
    private static final byte[] WORD_FOLDER = "word/".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final byte[] start = new byte[START_BYTES];
    private int startLength;
    private long size;
    private boolean blank = true;
    private int wordMatched;
    private boolean holdsWordFolder;

    private UploadedFileCheck(String name) {
        this.name = name;
    }

    /** Why the file is refused, or empty when it may be stored; {@link UploadTooLarge} when it is over the limit. */
    static Mono<Optional<FieldError>> refusal(FilePart file, String name) {
        UploadedFileCheck check = new UploadedFileCheck(name);
        // read in place and not released: the file is read again to be stored, and a part's buffers are plain heap
        // buffers (DefaultDataBufferFactory), the one in memory shared by every read of the part
        return file.content().doOnNext(check::look).then(Mono.fromCallable(check::verdict));
    }

    private void look(DataBuffer buffer) {
        try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
            while (buffers.hasNext()) {
                ByteBuffer bytes = buffers.next();
                while (bytes.hasRemaining()) {
                    look(bytes.get());
                }
            }
        }
        if (size > TranscriptFiles.MAX_BYTES) {
            throw UploadTooLarge.file(name);
        }
    }

    private void look(byte b) {
        if (startLength < START_BYTES) {
            start[startLength++] = b;
        }
        if (blank && !isBlank(b, size)) {
            blank = false;
        }
        size++;
        if (!holdsWordFolder) {
            wordMatched = b == WORD_FOLDER[wordMatched] ? wordMatched + 1 : b == WORD_FOLDER[0] ? 1 : 0;
            holdsWordFolder = wordMatched == WORD_FOLDER.length;
        }
    }

    /** Spaces, tabs and line breaks, and a UTF-8 byte order mark at the very start. */
    private static boolean isBlank(byte b, long position) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B
                || (position == 0 && b == (byte) 0xEF) || (position == 1 && b == (byte) 0xBB) || (position == 2 && b == (byte) 0xBF);
    }

    private Optional<FieldError> verdict() {
        if (size == 0) {
            return Optional.of(new FieldError("file", name + " is empty"));
        }
        if (blank) {
            return refused("the file holds only blank space, no transcript");
        }
        byte[] first = java.util.Arrays.copyOf(start, startLength);
        return TranscriptReader.refusal(first, holdsWordFolder).flatMap(this::refused);
    }

    private Optional<FieldError> refused(String reason) {
        return Optional.of(new FieldError("file", name + ": " + reason));
    }
}
