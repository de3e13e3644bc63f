package io.winloss.search;

/**
 * A search request the index cannot answer as asked: a query with a syntax error, an unknown filter, a page out of
 * range. It carries the query text and a reason a product manager can act on, never a parser's stack trace.
 */
public final class InvalidQuery extends RuntimeException {

    private final String query;
    private final String reason;

    public InvalidQuery(String query, String reason) {
        super("invalid query '" + query + "': " + reason);
        this.query = query;
        this.reason = reason;
    }

    /** The query text as the user typed it. */
    public String query() {
        return query;
    }

    /** What is wrong, e.g. {@code unbalanced quote at position 12}. */
    public String reason() {
        return reason;
    }
}
