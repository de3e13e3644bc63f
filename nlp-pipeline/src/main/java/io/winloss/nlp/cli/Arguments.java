package io.winloss.nlp.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Options ({@code --name value}, repeatable) and positional arguments of one command. */
record Arguments(Map<String, List<String>> options, List<String> positional) {

    private static final Set<String> FLAGS = Set.of("no-baseline", "errors", "rules-only");

    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static Arguments parse(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value;
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                } else if (FLAGS.contains(name)) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new Invalid("--" + name + " needs a value");
                }
                options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                positional.add(arg);
            }
        }
        return new Arguments(options, positional);
    }

    Optional<String> option(String name) {
        List<String> values = options.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    void allowOnly(String... names) {
        Set<String> allowed = Set.of(names);
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new Invalid("unknown option --" + name);
            }
        }
    }
}
