package io.winloss.portal.interview;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An upload beyond a size limit (one transcript over 20 MB, or a whole request over {@link UploadSizeLimit#MAX_REQUEST_BYTES}):
 * answered 413 with a message naming the limit, and nothing of the request is stored.
 */
@ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
class UploadTooLarge extends RuntimeException {

    UploadTooLarge(String message) {
        super(message, null, false, false);
    }

    static UploadTooLarge file(String fileName) {
        return new UploadTooLarge(fileName + " is larger than the " + megabytes(TranscriptFiles.MAX_BYTES)
                + " MB a transcript may have; nothing was stored");
    }

    static UploadTooLarge request() {
        return new UploadTooLarge("the upload is larger than the " + megabytes(UploadSizeLimit.MAX_REQUEST_BYTES)
                + " MB one request may carry (at most " + UploadRequest.MAX_FILES + " transcripts of "
                + megabytes(TranscriptFiles.MAX_BYTES) + " MB each); nothing was stored");
    }

    static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
