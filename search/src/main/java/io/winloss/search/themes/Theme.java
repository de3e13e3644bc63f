package io.winloss.search.themes;

import java.util.Objects;

/**
 * Something buyers bring up that a deal can be counted for: a decision criterion, a competitor
 * or a key phrase. Two themes are the same theme when kind and name are equal.
 */
public record Theme(Kind kind, String name) {

    /** The fixed vocabulary of theme kinds; {@link #id()} is the name used in the API. */
    public enum Kind {
        CRITERION("criterion"),
        COMPETITOR("competitor"),
        KEY_PHRASE("keyPhrase");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The kind whose API name is {@code id}, for example {@code "keyPhrase"}. */
        public static Kind ofId(String id) {
            for (Kind kind : values()) {
                if (kind.id.equals(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown theme kind '" + id + "'; expected criterion, competitor or keyPhrase");
        }
    }

    public Theme {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a theme needs a name");
        }
    }

    public static Theme criterion(String id) {
        return new Theme(Kind.CRITERION, id);
    }

    public static Theme competitor(String name) {
        return new Theme(Kind.COMPETITOR, name);
    }

    public static Theme keyPhrase(String phrase) {
        return new Theme(Kind.KEY_PHRASE, phrase);
    }
}
