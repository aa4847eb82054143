package io.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.feeds.FeedColumns;
import io.civicpulse.generate.FeedGenerator;
import io.civicpulse.generate.GeneratorSettings;
import io.civicpulse.kpi.Feed;
import io.civicpulse.support.SparkTestSession;
import io.civicpulse.support.TestDatabase;

/**
 * The history is partitioned by local date (decision 12): a nightly run reads only the partitions its periods need
 * and writes only the partitions its rows touch; a home in the layout before partitioning keeps working and is
 * converted by its next run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionedHistoryIntegrationTests {

    static final ZoneId CITY = ZoneId.of("America/New_York");
    static final LocalDate FIRST = LocalDate.of(2026, 3, 20);
    /** A Tuesday: its earliest covered period starts on April 1 (quarter and month; its week began April 6). */
    static final LocalDate NIGHT = LocalDate.of(2026, 4, 7);
    static final LocalDate EARLIEST_NEEDED = LocalDate.of(2026, 4, 1);
    /** The columns that say which partition a row is in: all the merge reads of partitions it does not rewrite. */
    static final Set<String> LOCATING = Set.of("contact_id", "started_date", "case_id", "closed_at", "closed_date",
            "response_id", "submitted_date");
    static final Pattern PARTITION = Pattern.compile("/history/[a-z]+/parts/run-\\d+/part=([^/]+)/");

    Path temp;
    Path partitioned;
    Path converted;
    List<ScanRecorder.Scan> nightScans;

    @BeforeAll
    void twoNights(@TempDir Path temp) throws IOException {
        this.temp = temp;
        Path generated = temp.resolve("generated");
        new FeedGenerator(new GeneratorSettings(FIRST, NIGHT, 0.1, 11, CITY, false)).generate(generated, m -> { });
        Path before = Files.createDirectories(temp.resolve("before"));
        Path night = Files.createDirectories(temp.resolve("night"));
        NightlyExtracts.split(generated, NIGHT.atStartOfDay(CITY).toInstant(), CITY, before, night);

        partitioned = temp.resolve("partitioned-home");
        run(partitioned, before, FIRST, NIGHT.minusDays(1));
        // a copy of the home as the layout before partitioning left it: one whole-feed directory per version
        converted = temp.resolve("converted-home");
        copy(partitioned, converted);
        toLayoutBeforePartitioning(converted);

        ScanRecorder.clear();
        run(partitioned, night, NIGHT, NIGHT);
        nightScans = ScanRecorder.scans();
        run(converted, night, NIGHT, NIGHT);
    }

    @Test
    void aNightlyRunRewritesOnlyThePartitionsItsRowsTouchAndSharesTheOthers() {
        for (Feed feed : Feed.values()) {
            // given the versions before and after the night
            Path folder = partitioned.resolve("history").resolve(feed.prefix());
            List<Path> versions = list(folder.resolve("versions"));
            assertThat(versions).as(feed.prefix()).hasSize(2);
            Map<String, String> before = manifest(versions.get(0));
            Map<String, String> after = manifest(versions.get(1));
            String night = versions.get(1).getFileName().toString();

            // then the night rewrote only the open cases and its own day (cases closed on it left the open ones)
            Map<String, String> rewritten = new TreeMap<>(after);
            rewritten.entrySet().removeIf(e -> e.getValue().equals(before.get(e.getKey())));
            assertThat(rewritten.keySet()).as(feed.prefix()).isNotEmpty()
                    .allMatch(p -> p.equals("open") || !LocalDate.parse(p).isBefore(NIGHT));
            assertThat(rewritten.values()).allMatch(d -> d.startsWith("parts/" + night + "/"));
            // and its directory holds those partitions only, each compacted to one file
            assertThat(list(folder.resolve("parts").resolve(night))).filteredOn(Files::isDirectory)
                    .hasSize(rewritten.size())
                    .allSatisfy(p -> assertThat(list(p)).filteredOn(f -> f.toString().endsWith(".parquet"))
                            .hasSize(1));
            // and every other partition, untouched, is still named by the earlier run's directory, not copied
            assertThat(after.size() - rewritten.size()).as(feed.prefix()).isGreaterThan(5);
            assertThat(before).containsAllEntriesOf(Map.copyOf(withoutKeys(after, rewritten.keySet())));
        }
    }

    @Test
    void aNightlyRunReadsOnlyThePartitionsItsPeriodsNeed() {
        // given the partitions of the history each scan of the night read
        List<ScanRecorder.Scan> history = nightScans.stream()
                .filter(s -> s.files().stream().anyMatch(f -> f.contains("/history/"))).toList();
        List<ScanRecorder.Scan> whole = history.stream().filter(s -> !LOCATING.containsAll(s.columns())).toList();

        // then the KPIs (and the rewrite) read rows only of the open cases and of days from April 1
        assertThat(whole).isNotEmpty().allSatisfy(scan -> assertThat(partitions(scan))
                .allMatch(p -> p.equals("open") || !LocalDate.parse(p).isBefore(EARLIEST_NEEDED)));
        // and the older partitions, there from March 20, were read only for where the run's ids are
        assertThat(history).anyMatch(scan -> partitions(scan).contains(FIRST.toString()));
    }

    @Test
    void aHomeInTheLayoutBeforePartitioningIsReadAndConvertedByItsNextRun() {
        // Copying a home copies its database only when that is the embedded one under the home; the PostgreSQL pass
        // gives the copy an empty schema of its own, so there is no earlier publication to continue from.
        assumeFalse(TestDatabase.postgresql(), "the converted home is a file copy, database included (H2 pass)");
        // then the converted home publishes what the partitioned one does
        List<String> expected = export(partitioned, "partitioned.csv");
        assertThat(expected).hasSizeGreaterThan(1000);
        assertThat(export(converted, "converted.csv")).containsExactlyElementsOf(expected);
        // and its history is now partitioned, every partition written by the night
        for (Feed feed : Feed.values()) {
            Path folder = converted.resolve("history").resolve(feed.prefix());
            List<Path> versions = list(folder.resolve("versions"));
            assertThat(versions).as(feed.prefix()).hasSize(1);
            assertThat(manifest(versions.getFirst()).values()).isNotEmpty()
                    .allMatch(d -> d.startsWith("parts/" + versions.getFirst().getFileName() + "/"));
        }
    }

    /** Replaces each feed's partitioned versions by one Parquet directory per version, as runs wrote before. */
    private static void toLayoutBeforePartitioning(Path home) {
        SparkSession spark = SparkTestSession.get();
        for (Feed feed : Feed.values()) {
            Path folder = home.resolve("history").resolve(feed.prefix());
            for (Path version : list(folder.resolve("versions"))) {
                String[] directories = manifest(version).values().stream()
                        .map(d -> folder.resolve(d).toString()).toArray(String[]::new);
                spark.read().schema(FeedColumns.of(feed)).parquet(directories)
                        .write().parquet(folder.resolve(version.getFileName().toString()).toString());
            }
            delete(folder.resolve("versions"));
            delete(folder.resolve("parts"));
        }
    }

    private static Set<String> partitions(ScanRecorder.Scan scan) {
        Set<String> partitions = new java.util.TreeSet<>();
        for (String file : scan.files()) {
            Matcher m = PARTITION.matcher(file);
            if (m.find()) {
                partitions.add(m.group(1));
            }
        }
        return partitions;
    }

    private static Map<String, String> withoutKeys(Map<String, String> map, Set<String> keys) {
        Map<String, String> rest = new TreeMap<>(map);
        rest.keySet().removeAll(keys);
        return rest;
    }

    private static Map<String, String> manifest(Path file) {
        Map<String, String> partitions = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.split("\t");
                partitions.put(fields[0], fields[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return partitions;
    }

    /** The folder's entries by name, versions in run order (the test's run numbers have one digit). */
    private static List<Path> list(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = new ArrayList<>(walk.toList());
        }
        for (Path source : all) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target);
            }
        }
    }

    private static void delete(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(Path home, Path input, LocalDate from, LocalDate to) {
        CommandLineRun run = CommandLineRun.of(CommandLineRun.args("run", List.of("--civicpulse.home=" + home,
                "--civicpulse.spark.config[spark.sql.queryExecutionListeners]=" + ScanRecorder.class.getName()),
                "--input=" + input, "--from=" + from, "--to=" + to));
        assertThat(run.exitStatus()).as(run.err()).isZero();
    }

    private List<String> export(Path home, String name) {
        Path file = temp.resolve(name);
        CommandLineRun export = CommandLineRun.of(CommandLineRun.args("export",
                List.of("--civicpulse.home=" + home), "--output=" + file));
        assertThat(export.exitStatus()).as(export.err()).isZero();
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
