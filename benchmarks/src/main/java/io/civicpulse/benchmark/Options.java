package io.civicpulse.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code --name=value} arguments; anything else (such as {@code --civicpulse.x=y}) is kept but not read here. */
final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();

    Options(String[] args) {
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (arg.equals("--help") || arg.equals("-h")) {
                values.put("help", "true");
            } else {
                throw new IllegalArgumentException("not an --option=value: " + arg);
            }
        }
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        return get(name).orElseThrow(() -> new IllegalArgumentException("--" + name + "=... is required"));
    }
}
