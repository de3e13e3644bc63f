package io.winloss.portal.competitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The competitor list as text, one competitor a line ({@code Name: alias, alias}), the format of the NLP
 * command line's {@code --competitors} file. Blank lines and {@code #} comments are skipped; each entry keeps
 * the number of the line it came from, so errors can point at it.
 */
record CompetitorLines(List<CompetitorEntry> entries, List<Integer> lineNumbers) {

    static CompetitorLines parse(String text) {
        List<CompetitorEntry> entries = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon);
            // as in the CLI's format, an empty alias between commas is no alias
            List<String> aliases = colon < 0 ? List.of()
                    : Arrays.stream(line.substring(colon + 1).split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
            entries.add(new CompetitorEntry(name.strip(), aliases));
            numbers.add(i + 1);
        }
        return new CompetitorLines(entries, numbers);
    }

    static String format(List<CompetitorEntry> entries) {
        StringBuilder text = new StringBuilder();
        for (CompetitorEntry entry : entries) {
            text.append(entry.line()).append('\n');
        }
        return text.toString();
    }

    /** How a problem in entry {@code i} is named on the page: by its line. */
    String lineOf(int entry) {
        return entry < lineNumbers.size() ? "line " + lineNumbers.get(entry) : "list";
    }
}
