package io.winloss.nlp.transcript;

import java.util.Locale;

/** Which side of the conversation a speaker is on. Only buyer speech is evidence; interviewer speech is context. */
public enum Role {
    BUYER,
    INTERVIEWER;

    /** The id used in the API and the command line's JSON: {@code buyer} or {@code interviewer}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
