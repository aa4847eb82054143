package io.civicpulse.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Issue 7's benchmark: generated feeds for a city of {@code --scale} over {@code --days} days, then, each as its own
 * process so that JVM start counts, (a) the Spark job's full rebuild of every KPI, (c) the export of the resulting
 * rows, (b) one nightly run adding one more day, and the same KPIs from the same files computed by PostgreSQL and by
 * DuckDB; finally the differential check that the three exports agree on every row. Prints one table; exits 1 when
 * a step fails or the engines disagree. Run it with {@code benchmarks/run.sh} (see the README).
 */
public final class Benchmark {

    private static final String USAGE = """
            benchmarks/run.sh [--scale=9] [--days=365] [--from=2025-03-15] [--seed=42] [--xmx=6g]
                              [--work=benchmarks/target/benchmark] [--config=config/application.yml]
                              [--jobs-jar=jobs/target/civicpulse-jobs.jar] [--postgres-url=jdbc:postgresql://...]
                              [--postgres-user=postgres] [--postgres-password=]
                              [--results-db=h2|postgresql] [--sql-engines=true|false]

            --results-db  where the Spark job publishes: h2, the embedded default under the run's civicpulse.home,
                          or postgresql, the production database (a schema civicpulse_benchmark_results, emptied
                          first, at --postgres-url)
            --sql-engines false skips PostgreSQL's and DuckDB's computation and the comparison""";

    private record Step(String name, ChildProcess.Measurement measurement, String heap, String notes) {
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        if (options.get("help").isPresent()) {
            System.out.println(USAGE);
            return;
        }
        System.exit(new Benchmark().run(options));
    }

    private int run(Options options) throws Exception {
        String scale = options.get("scale", "9");
        int days = Integer.parseInt(options.get("days", "365"));
        // A year starting mid-March: the nightly day after it is mid-quarter and mid-month, so it recomputes a
        // day, a week, a month and a quarter that are all well filled, and the year crosses both clock changes.
        LocalDate from = LocalDate.parse(options.get("from", "2025-03-15"));
        LocalDate to = from.plusDays(days - 1L);
        LocalDate nextDay = to.plusDays(1);
        String seed = options.get("seed", "42");
        String xmx = options.get("xmx", "6g");
        Path work = Path.of(options.get("work", "benchmarks/target/benchmark")).toAbsolutePath();
        Path config = Path.of(options.get("config", "config/application.yml")).toAbsolutePath();
        Path jobsJar = Path.of(options.get("jobs-jar", "jobs/target/civicpulse-jobs.jar")).toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (Path required : List.of(config, jobsJar)) {
            if (!Files.isRegularFile(required)) {
                System.err.println("missing " + required + "\n" + USAGE);
                return 2;
            }
        }

        Path data = work.resolve("data").resolve("scale-" + scale + "-days-" + days + "-from-" + from + "-seed-" + seed);
        Path year = data.resolve("year");
        Path night = data.resolve("next-day");
        Path run = work.resolve("run");
        Path logs = run.resolve("logs");
        deleteRecursively(run);
        Files.createDirectories(logs);

        System.out.printf("CivicPulse benchmark: scale %s, %d days (%s to %s), nightly run for %s, Spark heap %s,"
                + " results in %s%n", scale, days, from, to, nextDay, xmx, options.get("results-db", "h2"));
        generate(java, jobsJar, year, from, to, scale, seed, logs);
        generate(java, jobsJar, night, nextDay, nextDay, scale, seed, logs);

        List<String> spark = List.of(java, "-Xmx" + xmx, "-jar", jobsJar.toString());
        List<String> common = new ArrayList<>(List.of("--civicpulse.home=" + run.resolve("home"),
                "--spring.config.additional-location=file:" + config));
        String resultsDb = options.get("results-db", "h2");
        switch (resultsDb) {
            case "h2" -> { }
            case "postgresql" -> common.addAll(ResultsSchema.recreate(
                    options.get("postgres-url", "jdbc:postgresql://127.0.0.1:5432/test"),
                    options.get("postgres-user", "postgres"), options.get("postgres-password", "")));
            default -> throw new IllegalArgumentException("--results-db must be h2 or postgresql, was " + resultsDb);
        }
        List<Step> steps = new ArrayList<>();
        steps.add(step("(a) Spark: full rebuild, " + days + " days", xmx,
                command(spark, common, "run", "--input=" + year, "--from=" + from, "--to=" + to), run, logs));
        Path sparkExport = run.resolve("spark.csv");
        steps.add(step("(c) Spark: export of the KPI rows", xmx,
                command(spark, common, "export", "--output=" + sparkExport), run, logs));
        steps.add(step("(b) Spark: nightly run, 1 more day", xmx,
                command(spark, common, "run", "--input=" + night, "--from=" + nextDay, "--to=" + nextDay), run,
                logs));

        boolean sqlEngines = Boolean.parseBoolean(options.get("sql-engines", "true"));
        Path postgresExport = run.resolve("postgres.csv");
        Path duckdbExport = run.resolve("duckdb.csv");
        if (sqlEngines) {
            List<String> engine = List.of(java, "-Xmx2g", "-cp", absoluteClassPath(),
                    SqlEngineCommand.class.getName(), "--input=" + year, "--from=" + from, "--to=" + to,
                    "--config=" + config);
            List<String> postgres = new ArrayList<>(engine);
            postgres.addAll(List.of("--engine=postgres", "--output=" + postgresExport));
            options.get("postgres-url").ifPresent(url -> postgres.add("--postgres-url=" + url));
            options.get("postgres-user").ifPresent(user -> postgres.add("--postgres-user=" + user));
            options.get("postgres-password").ifPresent(password -> postgres.add("--postgres-password=" + password));
            steps.add(sqlStep("PostgreSQL: COPY + SQL (client JVM)", postgres, run, logs));
            List<String> duckdb = new ArrayList<>(engine);
            duckdb.addAll(List.of("--engine=duckdb", "--output=" + duckdbExport));
            steps.add(sqlStep("DuckDB: read_csv + SQL (embedded)", duckdb, run, logs));
        }
        boolean failed = steps.stream().anyMatch(s -> s.measurement().exitStatus() != 0);
        List<ExportComparison.Result> comparisons = new ArrayList<>();
        if (!failed && sqlEngines) {
            comparisons.add(ExportComparison.compare("spark", sparkExport, "postgres", postgresExport));
            comparisons.add(ExportComparison.compare("spark", sparkExport, "duckdb", duckdbExport));
            comparisons.add(ExportComparison.compare("postgres", postgresExport, "duckdb", duckdbExport));
        }
        print(steps, comparisons, data);
        for (Step step : steps) {
            if (step.measurement().exitStatus() != 0) {
                System.err.println(step.name() + " failed with exit status " + step.measurement().exitStatus()
                        + "; its output is in " + logs);
            }
        }
        boolean agree = comparisons.stream().allMatch(ExportComparison.Result::agree);
        return failed || !agree ? 1 : 0;
    }

    /** {@code java -jar civicpulse-jobs.jar COMMAND OPTIONS... COMMON...}. */
    private static List<String> command(List<String> jar, List<String> common, String command, String... options) {
        List<String> all = new ArrayList<>(jar);
        all.add(command);
        all.addAll(List.of(options));
        all.addAll(common);
        return all;
    }

    private static Step step(String name, String heap, List<String> command, Path directory, Path logs)
            throws IOException, InterruptedException {
        System.out.println("  " + name + " ...");
        ChildProcess.Measurement m = ChildProcess.run(command, directory, logs.resolve(slug(name) + ".log"));
        return new Step(name, m, heap, "");
    }

    /** A SQL engine's step, with its own load and query times and the server's CPU time in the notes. */
    private static Step sqlStep(String name, List<String> command, Path directory, Path logs)
            throws IOException, InterruptedException {
        Step step = step(name, "2g", command, directory, logs);
        String notes = step.measurement().output().lines().filter(l -> l.startsWith(SqlEngineCommand.TIMINGS))
                .findFirst().map(Benchmark::describeTimings).orElse("no timings: see the log");
        return new Step(step.name(), step.measurement(), step.heap(), notes);
    }

    private static String describeTimings(String line) {
        Properties timings = new Properties();
        for (String pair : line.substring(SqlEngineCommand.TIMINGS.length()).trim().split(" ")) {
            String[] kv = pair.split("=");
            timings.setProperty(kv[0], kv[1]);
        }
        long serverCpu = Long.parseLong(timings.getProperty("server-cpu-ms"));
        return String.format(Locale.ROOT, "load %s, query %s, %s rows%s",
                seconds(Duration.ofMillis(Long.parseLong(timings.getProperty("load-ms")))),
                seconds(Duration.ofMillis(Long.parseLong(timings.getProperty("query-ms")))),
                timings.getProperty("rows"),
                serverCpu < 0 ? "" : ", server CPU " + seconds(Duration.ofMillis(serverCpu)));
    }

    /** Writes a feed folder with {@code generate} unless one with the same settings is there already. */
    private static void generate(String java, Path jobsJar, Path folder, LocalDate from, LocalDate to, String scale,
            String seed, Path logs) throws IOException, InterruptedException {
        Path properties = folder.resolve("generation.properties");
        if (Files.isRegularFile(properties)) {
            System.out.println("  feeds for " + from + " to " + to + " already in " + folder);
            return;
        }
        deleteRecursively(folder);
        System.out.println("  generating feeds for " + from + " to " + to + " into " + folder + " ...");
        ChildProcess.Measurement m = ChildProcess.run(List.of(java, "-jar", jobsJar.toString(), "generate",
                "--output=" + folder, "--from=" + from, "--to=" + to, "--scale=" + scale, "--seed=" + seed),
                logs.getParent(), logs.resolve("generate-" + from + ".log"));
        if (m.exitStatus() != 0) {
            deleteRecursively(folder);
            throw new IllegalStateException("generate failed:\n" + m.output());
        }
        System.out.println("    " + m.output().lines().reduce((a, b) -> b).orElse("") + " (" + seconds(m.wall()) + ")");
    }

    private static void print(List<Step> steps, List<ExportComparison.Result> comparisons, Path data)
            throws IOException {
        Duration rebuild = steps.getFirst().measurement().wall();
        System.out.println();
        System.out.printf("Input: %s (%s)%n", data, megabytes(size(data.resolve("year"))));
        System.out.println();
        System.out.println("| step | wall | CPU | peak RSS | heap limit | wall ÷ Spark rebuild | notes |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        for (Step step : steps) {
            ChildProcess.Measurement m = step.measurement();
            String status = m.exitStatus() == 0 ? step.notes() : "FAILED (exit " + m.exitStatus() + ") " + step.notes();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %s |%n", step.name(), seconds(m.wall()),
                    seconds(m.cpu()), megabytes(m.peakRssBytes()), step.heap(),
                    (double) m.wall().toNanos() / rebuild.toNanos(), status);
        }
        System.out.println();
        for (ExportComparison.Result result : comparisons) {
            System.out.println((result.agree() ? "AGREE    " : "DISAGREE ") + result.summary());
        }
    }

    /** This JVM's class path with absolute entries: the engines' processes run in another directory. */
    private static String absoluteClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .reduce((a, b) -> a + java.io.File.pathSeparator + b).orElseThrow();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String megabytes(long bytes) {
        return bytes <= 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
