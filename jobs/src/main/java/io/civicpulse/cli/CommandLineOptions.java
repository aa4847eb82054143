package io.civicpulse.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --option=value} arguments of one command. Spring properties ({@code --spring.*},
 * {@code --civicpulse.*}, {@code --logging.*}) pass through to Spring Boot; anything else the command does not
 * know is a usage error, so a typo never runs with a default.
 */
record CommandLineOptions(String command, Map<String, String> values) {

    private static final Set<String> PROPERTY_PREFIXES = Set.of("spring.", "civicpulse.", "logging.", "server.",
            "management.", "debug", "trace");

    static CommandLineOptions parse(String command, String[] args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "': options are written --name=value");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            String value = equals < 0 ? "" : arg.substring(equals + 1);
            if (PROPERTY_PREFIXES.stream().anyMatch(name::startsWith)) {
                continue;
            }
            if (!known.contains(name)) {
                throw new UsageException("'" + command + "' has no option --" + name);
            }
            values.put(name, value);
        }
        return new CommandLineOptions(command, values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    String required(String name) {
        return get(name).orElseThrow(() -> new UsageException("'" + command + "' needs --" + name + "=..."));
    }

    Optional<LocalDate> date(String name) {
        return get(name).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new UsageException("--" + name + "=" + v + " is not a date YYYY-MM-DD");
            }
        });
    }

    /** A command-line mistake: exit status 2 and the usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
