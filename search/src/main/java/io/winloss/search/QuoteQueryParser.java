package io.winloss.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Reads what a product manager types: words (all required), "quoted phrases" and prefix* matched as written,
 * AND/OR/NOT, +/- and parentheses. Field syntax is off ({@code note: price} is two words), so a query can only
 * search the sentence text. Every syntax error becomes an {@link InvalidQuery} with a position counted from 1.
 */
final class QuoteQueryParser {

    /** Characters of the classic syntax a product manager types as plain text: field colons, regex slashes, ranges, !. */
    private static final String LITERAL = ":/[]{}!\\";

    private final Analyzer analyzer = QuoteDocument.analyzer();

    /** The query for {@code text}; blank or {@code *} matches every sentence. */
    Query parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equals("*")) {
            return new MatchAllDocsQuery();
        }
        checkBalanced(text);
        Escaped escaped = Escaped.of(text);
        try {
            return new Parser(analyzer).parse(escaped.text);
        } catch (ParseException e) {
            throw new InvalidQuery(text, reasonFor(e, escaped));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQuery(text, "a prefix matches too many words; type more letters before the *");
        }
    }

    private static void checkBalanced(String text) {
        int openQuote = -1;
        int depth = 0;
        int firstOpenParen = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                openQuote = openQuote < 0 ? i : -1;
            } else if (openQuote < 0 && c == '(') {
                if (depth++ == 0) {
                    firstOpenParen = i;
                }
            } else if (openQuote < 0 && c == ')') {
                if (depth-- == 0) {
                    throw new InvalidQuery(text, "unbalanced parenthesis at position " + (i + 1) + ": nothing to close");
                }
            }
        }
        if (openQuote >= 0) {
            throw new InvalidQuery(text, "unbalanced quote at position " + (openQuote + 1) + ": a phrase needs a closing \"");
        }
        if (depth > 0) {
            throw new InvalidQuery(text, "unbalanced parenthesis at position " + (firstOpenParen + 1) + ": it is never closed");
        }
    }

    private static String reasonFor(ParseException wrapped, Escaped escaped) {
        Throwable cause = wrapped.getCause() == null ? wrapped : wrapped.getCause();
        if (cause instanceof ParseException parse && parse.currentToken != null && parse.currentToken.next != null) {
            Token next = parse.currentToken.next;
            if (next.kind == 0) { // end of input
                return "the query ends with '" + parse.currentToken.image + "', which needs a word after it";
            }
            return "unexpected '" + next.image + "' at position " + escaped.originalPosition(next.beginColumn);
        }
        if (cause instanceof IndexSearcher.TooManyClauses) {
            return "a prefix matches too many words; type more letters before the *";
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("not allowed as first character")) {
            return "a word cannot start with * or ?";
        }
        return "the query cannot be read (" + message.lines().findFirst().orElse(message) + ")";
    }

    /** The query with {@link #LITERAL} characters escaped, and the way back to positions in what the user typed. */
    private record Escaped(String text, int[] original) {

        static Escaped of(String raw) {
            StringBuilder out = new StringBuilder(raw.length() + 8);
            int[] original = new int[raw.length() * 2 + 1];
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (LITERAL.indexOf(c) >= 0) {
                    original[out.length()] = i;
                    out.append('\\');
                }
                original[out.length()] = i;
                out.append(c);
            }
            original[out.length()] = raw.length();
            return new Escaped(out.toString(), original);
        }

        /** Position, from 1, in the typed query of the escaped query's 0-based {@code column} (the parser's). */
        int originalPosition(int column) {
            int index = Math.max(0, Math.min(column, text.length()));
            return original[index] + 1;
        }
    }

    /** Sends phrases, prefixes, wildcards and fuzzy words to the unstemmed field, where words are as written. */
    private static final class Parser extends QueryParser {

        Parser(Analyzer analyzer) {
            super(Fields.TEXT, analyzer);
            setDefaultOperator(Operator.AND);
            setAllowLeadingWildcard(false);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            return super.getFieldQuery(quoted ? Fields.TEXT_EXACT : field, queryText, quoted);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return super.getPrefixQuery(Fields.TEXT_EXACT, termStr);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return super.getWildcardQuery(Fields.TEXT_EXACT, termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return super.getFuzzyQuery(Fields.TEXT_EXACT, termStr, minSimilarity);
        }
    }
}
