package io.civicpulse.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.KpiCsv;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.run.FeedStats;
import io.civicpulse.run.NightlyRuns;
import io.civicpulse.run.RunOutcome;
import io.civicpulse.run.RunRequest;

/** The commands that need the database: {@code run}, {@code export} and {@code rejects}. */
@Component
class Commands {

    private final NightlyRuns runs;
    private final KpiResultRepository results;
    private final CivicPulseProperties properties;

    Commands(NightlyRuns runs, KpiResultRepository results, CivicPulseProperties properties) {
        this.runs = runs;
        this.results = results;
        this.properties = properties;
    }

    int execute(CommandLineOptions options, PrintStream out, PrintStream err) throws IOException {
        return switch (options.command()) {
            case "run" -> run(options, out, err);
            case "export" -> export(options, out, err);
            case "rejects" -> rejects(options, out, err);
            default -> throw new IllegalStateException(options.command());
        };
    }

    private int run(CommandLineOptions options, PrintStream out, PrintStream err) {
        Path input = Path.of(options.required("input"));
        Optional<LocalDate> from = options.date("from");
        Optional<LocalDate> to = options.date("to");
        if (from.isPresent() != to.isPresent()) {
            throw new CommandLineOptions.UsageException("give both --from and --to, or neither");
        }
        LocalDate yesterday = LocalDate.now(properties.city().timeZone()).minusDays(1);
        RunRequest request = new RunRequest(input, from.orElse(yesterday), to.orElse(yesterday), "command-line");
        out.printf("CivicPulse run: %s, periods containing %s to %s%n", request.input(), request.from(), request.to());
        RunOutcome outcome = runs.run(request, progress -> out.println("  " + progress.message()));
        for (FeedStats feed : outcome.feeds()) {
            out.printf(Locale.US, "  %-9s %,d files, %,d rows read, %,d rejected, %,d duplicates, %,d loaded%n",
                    feed.feed().prefix(), feed.files(), feed.rowsRead(), feed.rowsRejected(), feed.rowsDuplicate(),
                    feed.rowsLoaded());
            if (feed.derived()) {
                out.printf("            derived, not recorded: %s%n", feed.derivedFrom());
            }
        }
        if (!outcome.succeeded()) {
            err.println("civicpulse run failed: " + outcome.failure());
            return 1;
        }
        out.printf(Locale.US, "Run %d completed in %.1f s: %,d KPI rows published.%n", outcome.jobExecutionId(),
                outcome.duration().toMillis() / 1000.0, outcome.kpiRowsPublished());
        return 0;
    }

    private int rejects(CommandLineOptions options, PrintStream out, PrintStream err) throws IOException {
        String output = options.required("output");
        Optional<Path> report = runs.latestRejectReport();
        if (report.isEmpty()) {
            err.println("civicpulse rejects failed: the latest run has no reject report (no run yet, or it failed"
                    + " before reading any row: see its message)");
            return 1;
        }
        if (output.equals("-")) {
            Files.copy(report.get(), out);
            out.flush();
            return 0;
        }
        Path target = Path.of(output).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Files.copy(report.get(), target, StandardCopyOption.REPLACE_EXISTING);
        long rows;
        try (var lines = Files.lines(report.get())) {
            rows = Math.max(0, lines.count() - 1);
        }
        out.printf(Locale.US, "Wrote %,d rejected rows of the latest run to %s%n", rows, target);
        return 0;
    }

    private int export(CommandLineOptions options, PrintStream out, PrintStream err) throws IOException {
        String output = options.required("output");
        Optional<Grain> grain = options.get("grain").map(g -> {
            try {
                return Grain.valueOf(g.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLineOptions.UsageException("--grain=" + g + " is not one of DAY, WEEK, MONTH, QUARTER");
            }
        });
        Optional<LocalDate> from = options.date("from");
        Optional<LocalDate> to = options.date("to");
        AtomicLong rows = new AtomicLong();
        if (output.equals("-")) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writeCsv(writer, grain, from, to, rows);
            writer.flush();
            return 0;
        }
        // Written next to the target and moved into place, so a failed export never leaves half a file.
        Path target = Path.of(output).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
        try {
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                writeCsv(writer, grain, from, to, rows);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        out.printf(Locale.US, "Exported %,d KPI rows to %s%n", rows.get(), target);
        return 0;
    }

    private void writeCsv(Writer writer, Optional<Grain> grain, Optional<LocalDate> from, Optional<LocalDate> to,
            AtomicLong rows) {
        KpiCsv csv = new KpiCsv(writer);
        results.forEachInExportOrder(grain, from, to, row -> {
            csv.write(row);
            rows.incrementAndGet();
        });
        csv.flush();
    }
}
