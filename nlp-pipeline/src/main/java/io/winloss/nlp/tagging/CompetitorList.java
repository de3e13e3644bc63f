package io.winloss.nlp.tagging;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A workspace's competitors: canonical names with aliases, written one a line as
 * {@code Salesforce: SFDC, Sales Cloud}. Blank lines and lines starting with {@code #} are ignored.
 */
public final class CompetitorList {

    /** One competitor; {@code name} is what tags carry, {@code aliases} are other ways buyers say it. */
    public record Competitor(String name, List<String> aliases) {
        public Competitor {
            name = name.strip();
            aliases = aliases.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        }

        /** The name and the aliases. */
        public Stream<String> spellings() {
            return Stream.concat(Stream.of(name), aliases.stream());
        }
    }

    private static final CompetitorList EMPTY = new CompetitorList(List.of());

    private final List<Competitor> competitors;
    private final Map<String, String> canonicalBySpelling = new LinkedHashMap<>();

    private CompetitorList(List<Competitor> competitors) {
        this.competitors = List.copyOf(competitors);
        for (Competitor competitor : this.competitors) {
            competitor.spellings().forEach(s -> canonicalBySpelling.putIfAbsent(s.toLowerCase(Locale.ROOT), competitor.name()));
        }
    }

    public static CompetitorList of(List<Competitor> competitors) {
        return new CompetitorList(competitors);
    }

    public static CompetitorList empty() {
        return EMPTY;
    }

    /** Reads the one-competitor-a-line format; a line without a name is an {@link InvalidTaggingRules}. */
    public static CompetitorList parse(Reader source) throws IOException {
        List<Competitor> competitors = new ArrayList<>();
        RuleLines.forEach(source, (number, text) -> {
            int colon = text.indexOf(':');
            String name = colon < 0 ? text : text.substring(0, colon);
            if (name.isBlank()) {
                throw new InvalidTaggingRules(number, "a competitor needs a name before the colon");
            }
            List<String> aliases = colon < 0 ? List.of() : Arrays.asList(text.substring(colon + 1).split(","));
            competitors.add(new Competitor(name, aliases));
        });
        return new CompetitorList(competitors);
    }

    /** Reads the one-competitor-a-line format from text, such as an admin's text box. */
    public static CompetitorList parse(String text) {
        try {
            return parse(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("a StringReader does not fail", e);
        }
    }

    public List<Competitor> competitors() {
        return competitors;
    }

    /** The canonical name a spelling stands for, compared case-insensitively. */
    public Optional<String> canonicalName(String spelling) {
        return Optional.ofNullable(canonicalBySpelling.get(spelling.strip().toLowerCase(Locale.ROOT)));
    }
}
