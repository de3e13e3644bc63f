package io.winloss.nlp.tagging;

/** A competitor list or criteria pattern file that cannot be used, with the line that is wrong. */
public final class InvalidTaggingRules extends IllegalArgumentException {
    public InvalidTaggingRules(int line, String reason) {
        super("line " + line + ": " + reason);
    }
}
