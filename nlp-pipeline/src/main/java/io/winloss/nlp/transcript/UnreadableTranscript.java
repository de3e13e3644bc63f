package io.winloss.nlp.transcript;

/** A transcript that cannot be read, with one sentence a user can act on ("the file is larger than the 20 MB limit"). */
public final class UnreadableTranscript extends Exception {
    public UnreadableTranscript(String reason) {
        super(reason);
    }

    public UnreadableTranscript(String reason, Throwable cause) {
        super(reason, cause);
    }
}
