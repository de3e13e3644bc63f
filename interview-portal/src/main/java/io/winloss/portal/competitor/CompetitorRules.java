package io.winloss.portal.competitor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;

/**
 * What a competitor list must satisfy before it is stored, so the tagger can map every spelling to exactly
 * one canonical name: names present and short, aliases present, no spelling (name or alias, ignoring case)
 * in two entries, and a bounded size.
 */
final class CompetitorRules {

    static final int MAX_ENTRIES = 500;
    static final int MAX_LENGTH = 100;

    /** One broken rule: the entry it is in (0-based), the part ({@code name} or {@code aliases[j]}), and why. */
    record Problem(int entry, String part, String message) {
    }

    /** The entries as they will be stored (trimmed, an alias repeated within its own entry kept once), or the problems. */
    record Checked(List<CompetitorEntry> entries, List<Problem> problems) {
    }

    private CompetitorRules() {
    }

    static Checked check(List<CompetitorEntry> input) {
        List<Problem> problems = new ArrayList<>();
        List<CompetitorEntry> entries = new ArrayList<>();
        if (input.size() > MAX_ENTRIES) {
            problems.add(new Problem(MAX_ENTRIES, "name", "a list holds at most " + MAX_ENTRIES + " competitors"));
        }
        // spelling in lower case -> the name of the entry that uses it
        Map<String, String> owners = new HashMap<>();
        for (int i = 0; i < input.size(); i++) {
            CompetitorEntry entry = input.get(i);
            String name = entry == null || entry.name() == null ? "" : entry.name().strip();
            if (name.isEmpty()) {
                problems.add(new Problem(i, "name", "a competitor needs a name"));
            } else if (name.length() > MAX_LENGTH) {
                problems.add(new Problem(i, "name", "a name is at most " + MAX_LENGTH + " characters"));
            }
            Set<String> own = new LinkedHashSet<>();
            if (!name.isEmpty()) {
                claim(owners, own, name, i, "name", problems);
            }
            List<String> aliases = new ArrayList<>();
            List<String> raw = entry == null ? List.of() : entry.aliases();
            for (int j = 0; j < raw.size(); j++) {
                String alias = raw.get(j) == null ? "" : raw.get(j).strip();
                String part = "aliases[" + j + "]";
                if (alias.isEmpty()) {
                    problems.add(new Problem(i, part, "an alias must not be blank"));
                } else if (alias.length() > MAX_LENGTH) {
                    problems.add(new Problem(i, part, "an alias is at most " + MAX_LENGTH + " characters"));
                } else if (claim(owners, own, alias, i, part, problems)) {
                    aliases.add(alias);
                }
            }
            for (String spelling : own) {
                owners.putIfAbsent(spelling, name);
            }
            entries.add(new CompetitorEntry(name, aliases));
        }
        return new Checked(entries, problems);
    }

    /** Records a spelling for the entry; false when the entry already has it (kept once) or another entry owns it. */
    private static boolean claim(Map<String, String> owners, Set<String> own, String spelling, int entry, String part,
            List<Problem> problems) {
        String key = spelling.toLowerCase(Locale.ROOT);
        String owner = owners.get(key);
        if (owner != null) {
            problems.add(new Problem(entry, part, "\"" + spelling + "\" is already a name or alias of " + owner));
            return false;
        }
        return own.add(key);
    }
}
