package io.civicpulse.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import io.civicpulse.generate.FeedGenerator;
import io.civicpulse.generate.GenerationSummary;
import io.civicpulse.generate.GeneratorSettings;

/** {@code generate}: needs neither the database nor Spark, so it runs without starting Spring. */
final class GenerateCommand {

    private final PrintStream out;

    GenerateCommand(PrintStream out) {
        this.out = out;
    }

    int execute(CommandLineOptions options, String[] args) throws IOException {
        Path output = Path.of(options.required("output"));
        LocalDate from = options.date("from").orElseThrow(() -> new CommandLineOptions.UsageException(
                "'generate' needs --from=YYYY-MM-DD"));
        LocalDate to = options.date("to").orElseThrow(() -> new CommandLineOptions.UsageException(
                "'generate' needs --to=YYYY-MM-DD"));
        double scale = number(options, "scale", "1");
        long seed = (long) number(options, "seed", "42");
        boolean compress = Boolean.parseBoolean(options.get("compress").orElse("false"));
        ZoneId zone = ZoneId.of(property(args, "civicpulse.city.time-zone", "America/New_York"));
        if (to.isBefore(from)) {
            throw new CommandLineOptions.UsageException("--to=" + to + " is before --from=" + from);
        }
        if (scale <= 0) {
            throw new CommandLineOptions.UsageException("--scale must be more than 0");
        }
        out.printf("CivicPulse generate: %s to %s at scale %s, seed %d, into %s%n", from, to, scale, seed, output);
        GenerationSummary summary = new FeedGenerator(new GeneratorSettings(from, to, scale, seed, zone, compress))
                .generate(output, message -> out.println("  " + message));
        out.printf(Locale.US, "Generated %,d contacts, %,d cases and %,d survey responses in %d files.%n",
                summary.contacts(), summary.cases(), summary.surveys(), summary.files().size());
        return 0;
    }

    private static double number(CommandLineOptions options, String name, String fallback) {
        String value = options.get(name).orElse(fallback);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new CommandLineOptions.UsageException("--" + name + "=" + value + " is not a number");
        }
    }

    static String property(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
