package io.civicpulse.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.civicpulse.opendata.ImportSummary;
import io.civicpulse.opendata.OpenDataImport;
import io.civicpulse.opendata.SourceFormat;
import io.civicpulse.quality.QualityCount;

/** {@code import}: needs neither the database nor Spark, so like {@code generate} it runs without Spring. */
final class ImportCommand {

    private final PrintStream out;

    ImportCommand(PrintStream out) {
        this.out = out;
    }

    int execute(CommandLineOptions options, String[] args) throws IOException {
        String formatOption = options.required("format");
        SourceFormat format = SourceFormat.ofOption(formatOption).orElseThrow(() ->
                new CommandLineOptions.UsageException("--format=" + formatOption + " is not one of "
                        + Arrays.stream(SourceFormat.values()).map(SourceFormat::option)
                                .collect(Collectors.joining(", "))));
        Path input = Path.of(options.required("input"));
        Path output = Path.of(options.required("output"));
        ZoneId zone = zone(options.get("time-zone").orElseGet(() -> format.cityZone().map(ZoneId::getId)
                .orElse(GenerateCommand.property(args, "civicpulse.city.time-zone", "America/New_York"))));
        out.printf("CivicPulse import: %s export %s into %s (local times in %s)%n", format.option(), input, output,
                zone);
        ImportSummary summary = new OpenDataImport(format, zone).run(input, output, m -> out.println("  " + m));
        out.printf(Locale.US, "Read %,d requests: %,d canonical cases + %,d rejected rows; %,d contacts derived.%n",
                summary.inputRows(), summary.cases(), summary.rejected(), summary.contacts());
        summary.otherCounts().forEach((field, rows) -> out.printf(Locale.US,
                "  %,d rows with %s mapped to OTHER (see import-warnings.csv)%n", rows, field));
        if (summary.rejected() > 0) {
            out.printf(Locale.US, "  %,d rejected rows, with file, line and reason, in import-rejects.csv%n",
                    summary.rejected());
        }
        summary.rejectedUnderQualityRules().stream()
                .collect(Collectors.groupingBy(c -> c.key().rule(), java.util.TreeMap::new,
                        Collectors.summingLong(QualityCount::cases)))
                .forEach((rule, cases) -> out.printf(Locale.US,
                        "  data quality: %,d rows rejected as %s (counted per department for the dashboard)%n",
                        cases, rule));
        out.printf("Next: java -jar civicpulse-dashboard.jar --civicpulse.dashboard.sample-data=%s"
                + " --civicpulse.city.time-zone=%s --civicpulse.home=DIR (a new home: it loads the import on its first"
                + " start), or run --input=%s --from=DATE --to=DATE%n", output, zone, output);
        return 0;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new CommandLineOptions.UsageException("--time-zone=" + id + " is not a time zone such as "
                    + "America/Chicago");
        }
    }
}
