package io.civicpulse.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.support.JobsCommandLine;
import io.civicpulse.support.TestDatabase;
import io.civicpulse.support.IndependentKpis;
import io.civicpulse.support.IndependentKpis.Key;
import io.civicpulse.support.IndependentKpis.Row;
import io.civicpulse.support.IndependentKpis.Settings;
import io.civicpulse.support.IndependentKpis.Target;

/**
 * Proof of accuracy: {@code run} then {@code export} through the batch command line, on a fresh embedded
 * database each time, and every exported row and column compared with {@link IndependentKpis}, a plain-Java
 * reading of kpis.md, on the edge-case dataset of {@link AccuracyDataset}. Three runs with different settings:
 * six weeks across the spring change (configured thresholds, min-cell-size 5), one that ends mid-week and
 * mid-month (defaults: backlogs at the midnight after {@code to}), and one across the autumn change
 * (suppression off, one more configured threshold).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccuracyIntegrationTests {

    /** Targets at all four levels of specificity, weights other than 1, and targets ≤ 0 (no score). */
    static final List<Target> TARGETS = List.of(
            new Target("ON_TIME_RATE", 0.8, null, null),
            new Target("ON_TIME_RATE", 0.9, "SAN", null),
            new Target("ON_TIME_RATE", 0.7, null, "PHONE"),
            new Target("ON_TIME_RATE", 0.95, "SAN", "PHONE", 2.0),
            new Target("CSAT_MEAN", 4.0, null, null, 2.0),
            new Target("CSAT_MEAN", 3.5, "PARKS", null),
            new Target("CSAT_SATISFIED", 0.8, "DOT", "PHONE", 0.5),
            new Target("NPS", 20, null, null),
            new Target("NPS", -5, "HOUSING", null),
            new Target("CES_MEAN", 5.5, null, "WEB"),
            new Target("WAIT_MEDIAN_SECONDS", 40, null, null),
            new Target("WAIT_P90_SECONDS", 300, null, "PHONE"),
            new Target("SERVICE_LEVEL", 0.8, null, "PHONE", 1.5),
            new Target("SERVICE_LEVEL", 0.9, "SAN", "CHAT"),
            new Target("ABANDON_RATE", 0.05, null, null),
            new Target("ABANDON_RATE", 0.1, "SAN", "PHONE"),
            new Target("DIGITAL_SHARE", 0.4, "DOT", null),
            new Target("CLOSE_MEDIAN_HOURS", 48, null, null),
            new Target("CLOSE_P90_HOURS", 120, "DOT", null),
            new Target("RESOLUTION_RATE", 0.85, null, null),
            new Target("REOPEN_RATE", 0.1, null, null, 0.5),
            new Target("FCR_RATE", 0.6, null, "PHONE"),
            new Target("BACKLOG_OPEN", 50, "SAN", null),
            new Target("BACKLOG_OVERDUE", 0, null, null));

    static final List<String> EVERY_KPI = List.of("CONTACTS", "CHANNEL_SHARE", "DIGITAL_SHARE",
            "WAIT_MEDIAN_SECONDS", "WAIT_P90_SECONDS", "SERVICE_LEVEL", "ABANDON_RATE", "CASES_OPENED",
            "CASES_CLOSED", "CLOSE_MEDIAN_HOURS", "CLOSE_P90_HOURS", "ON_TIME_RATE", "RESOLUTION_RATE", "REOPEN_RATE",
            "FCR_RATE", "BACKLOG_OPEN", "BACKLOG_OVERDUE", "SURVEY_RESPONSES", "CSAT_MEAN", "CSAT_SATISFIED", "NPS",
            "CES_MEAN", "EXPERIENCE_SCORE");

    private Path temp;
    private Path feeds;

    @BeforeAll
    void writeTheDataset(@TempDir Path temp) throws IOException {
        this.temp = temp;
        this.feeds = temp.resolve("feeds");
        AccuracyDataset.write(feeds);
    }

    @Test
    void aRunOverSixWeeksAcrossTheSpringChangePublishesExactlyWhatTheIndependentComputationGives()
            throws IOException {
        // given six weeks from Mon 2026-02-23 (a week into March) to Sun 2026-04-05 (the week of Mar 30 reaches
        // into April), with PHONE's answer threshold raised to 45 s, EMAIL given one, and min-cell-size 5
        Settings settings = new Settings(AccuracyDataset.ZONE, LocalDate.of(2026, 2, 23), LocalDate.of(2026, 4, 5), 5,
                Map.of("PHONE", 45, "EMAIL", 3600), AccuracyDataset.SERVICE_LEVELS, TARGETS);

        // when
        Map<Key, Row> actual = runAndExport("spring", settings);

        // then
        Map<Key, Row> expected = new IndependentKpis(settings).computeAll(feeds);
        assertThatEveryRowAndColumnMatches(expected, actual);
        assertThatTheDatasetExercisesEveryRule(expected);
        Set<String> periods = expected.keySet().stream().map(k -> k.grain() + " " + k.periodStart())
                .collect(Collectors.toSet());
        assertThat(periods).contains("WEEK 2026-02-23", "WEEK 2026-03-30", "MONTH 2026-02-01", "MONTH 2026-04-01",
                "QUARTER 2026-01-01", "QUARTER 2026-04-01", "DAY 2026-03-08");
    }

    @Test
    void aRunEndingMidWeekAndMidMonthMeasuresTheBacklogAtTheMidnightAfterItsLastDate() throws IOException {
        // given Wed 2026-03-04 to Wed 2026-03-18 with the default thresholds and min-cell-size: the week of
        // Mar 16, March and Q1 end after `to`, so their backlogs are taken at 2026-03-19 00:00
        Settings settings = new Settings(AccuracyDataset.ZONE, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 18),
                10, Map.of(), AccuracyDataset.SERVICE_LEVELS, TARGETS);

        // when
        Map<Key, Row> actual = runAndExport("mid-week", settings);

        // then
        Map<Key, Row> expected = new IndependentKpis(settings).computeAll(feeds);
        assertThatEveryRowAndColumnMatches(expected, actual);
        // EK22 (closed 23:00 on the 18th) is out, EK23 (closed at the midnight after) in, EK24 (opened then) out
        Key weekBacklog = new Key("BACKLOG_OPEN", "WEEK", LocalDate.of(2026, 3, 16), "SAN", "Bulky Items", "*", "*");
        Key dayBacklog = new Key("BACKLOG_OPEN", "DAY", LocalDate.of(2026, 3, 18), "SAN", "Bulky Items", "*", "*");
        Key monthBacklog = new Key("BACKLOG_OPEN", "MONTH", LocalDate.of(2026, 3, 1), "SAN", "Bulky Items", "*",
                "*");
        assertThat(List.of(weekBacklog, dayBacklog, monthBacklog)).allMatch(expected::containsKey);
        assertThat(expected.get(weekBacklog).value()).isEqualTo(expected.get(dayBacklog).value())
                .isEqualTo(expected.get(monthBacklog).value());
    }

    @Test
    void aRunAcrossTheAutumnChangeWithoutSuppressionPublishesExactlyWhatTheIndependentComputationGives()
            throws IOException {
        // given Thu 2025-10-30 to Tue 2025-11-04 (the 25-hour day, October into November, mid-week), SOCIAL given
        // an answer threshold, and suppression turned off
        Settings settings = new Settings(AccuracyDataset.ZONE, LocalDate.of(2025, 10, 30), LocalDate.of(2025, 11, 4),
                0, Map.of("SOCIAL", 120), AccuracyDataset.SERVICE_LEVELS, TARGETS);

        // when
        Map<Key, Row> actual = runAndExport("autumn", settings);

        // then
        Map<Key, Row> expected = new IndependentKpis(settings).computeAll(feeds);
        assertThatEveryRowAndColumnMatches(expected, actual);
        assertThat(expected.values()).noneMatch(Row::suppressed);
        assertThat(expected.keySet()).as("SERVICE_LEVEL rows for SOCIAL, which has a threshold only in this run")
                .anyMatch(k -> k.kpi().equals("SERVICE_LEVEL") && k.channel().equals("SOCIAL"));
        assertThat(expected.keySet()).as("rows of the 25-hour day")
                .anyMatch(k -> k.grain().equals("DAY") && k.periodStart().equals(LocalDate.of(2025, 11, 2)));
    }

    @Test
    void targetsChangedMidRangeApplyToThePeriodsThatStartOnOrAfterTheirEffectiveDate() throws Exception {
        // given the configured targets seeded by a first run, then changed in the target history: ON_TIME_RATE
        // from Wed Mar 11, HOUSING's NPS ended from Mon Mar 16, a new DIGITAL_SHARE from Mar 1, CSAT_MEAN's value
        // and weight from Apr 1, SAN/PHONE's ON_TIME_RATE set and corrected on the same day, and a future change
        LocalDate mar11 = LocalDate.of(2026, 3, 11);
        List<Target> changes = List.of(
                TARGETS.get(0).changedOn(mar11, 0.6, 2.0),
                TARGETS.get(8).endedOn(LocalDate.of(2026, 3, 16)),
                new Target("DIGITAL_SHARE", 0.3, null, null, 2.0, LocalDate.of(2026, 3, 1), false),
                TARGETS.get(4).changedOn(LocalDate.of(2026, 4, 1), 3.8, 1.0),
                TARGETS.get(3).changedOn(LocalDate.of(2026, 3, 2), 0.5, 2.0),
                TARGETS.get(3).changedOn(LocalDate.of(2026, 3, 2), 0.85, 2.0),
                TARGETS.get(22).changedOn(LocalDate.of(2027, 1, 1), 40, 1.0));
        List<Target> history = new ArrayList<>(TARGETS);
        history.addAll(changes);
        Settings configured = new Settings(AccuracyDataset.ZONE, LocalDate.of(2026, 2, 23), LocalDate.of(2026, 4, 5),
                5, Map.of(), AccuracyDataset.SERVICE_LEVELS, TARGETS);
        Settings settings = new Settings(configured.zone(), configured.from(), configured.to(), 5, Map.of(),
                AccuracyDataset.SERVICE_LEVELS, history);
        Path home = temp.resolve("home-changes");
        List<String> common = options(home, configured);
        JobsCommandLine seeding = JobsCommandLine.run("run", common, "--input=" + feeds, "--from=2026-02-23",
                "--to=2026-02-23");
        assertThat(seeding.exitStatus()).as("seeding run: %s", seeding.err()).isZero();
        try (Connection db = DriverManager.getConnection(TestDatabase.url(home), TestDatabase.user(),
                TestDatabase.password())) {
            try (Statement count = db.createStatement();
                    ResultSet seeded = count.executeQuery("SELECT COUNT(*) FROM kpi_target"
                            + " WHERE changed_by = 'configuration' AND reason = 'from configuration'")) {
                seeded.next();
                assertThat(seeded.getInt(1)).as("configured targets seeded").isEqualTo(TARGETS.size());
            }
            for (Target change : changes) {
                insertChange(db, change);
            }
        }

        // when the whole range runs again with the changed history
        Map<Key, Row> actual = runAndExport(home, "changes", configured);

        // then every period used the targets in force on its first day
        Map<Key, Row> expected = new IndependentKpis(settings).computeAll(feeds);
        assertThatEveryRowAndColumnMatches(expected, actual);
        Key dayBefore = new Key("ON_TIME_RATE", "DAY", mar11.minusDays(1), "*", "*", "*", "*");
        Key dayOf = new Key("ON_TIME_RATE", "DAY", mar11, "*", "*", "*", "*");
        Key weekOf = new Key("ON_TIME_RATE", "WEEK", LocalDate.of(2026, 3, 9), "*", "*", "*", "*");
        Key monthOf = new Key("ON_TIME_RATE", "MONTH", LocalDate.of(2026, 3, 1), "*", "*", "*", "*");
        assertThat(List.of(dayBefore, dayOf, weekOf, monthOf)).allMatch(actual::containsKey);
        assertThat(actual.get(dayBefore).target()).isEqualTo(0.8);
        assertThat(actual.get(dayOf).target()).isEqualTo(0.6);
        assertThat(actual.get(weekOf).target()).as("the week began on Mar 9, before the change").isEqualTo(0.8);
        assertThat(actual.get(monthOf).target()).isEqualTo(0.8);
        assertThat(actual).as("DIGITAL_SHARE has a target from March on only").allSatisfy((k, r) -> {
            if (k.kpi().equals("DIGITAL_SHARE") && k.department().equals("*")) {
                assertThat(r.target()).isEqualTo(k.periodStart().isBefore(LocalDate.of(2026, 3, 1)) ? null : 0.3);
            }
        });
        assertThat(actual).as("HOUSING's NPS falls back to the city-wide target once ended").anySatisfy((k, r) ->
                assertThat(k.kpi().equals("NPS") && k.department().equals("HOUSING")
                        && !k.periodStart().isBefore(LocalDate.of(2026, 3, 16)) && r.target() == 20.0).isTrue());
        assertThat(actual).anySatisfy((k, r) -> assertThat(k.kpi().equals("NPS") && k.department().equals("HOUSING")
                && k.periodStart().isBefore(LocalDate.of(2026, 3, 16)) && r.target() == -5.0).isTrue());
    }

    /** A change as the target store records it, straight into the database: the test is the administrator. */
    private static void insertChange(Connection db, Target change) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO kpi_target (kpi, department, channel, target_value, weight, effective_from, ended,
                    reason, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'accuracy test', 'tester', CURRENT_TIMESTAMP)""")) {
            insert.setString(1, change.kpi());
            insert.setString(2, change.department());
            insert.setString(3, change.channel());
            insert.setObject(4, change.ended() ? null : change.value());
            insert.setObject(5, change.ended() ? null : change.weight());
            insert.setObject(6, change.effectiveFrom());
            insert.setBoolean(7, change.ended());
            insert.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------------------------

    /** {@code run} on a fresh home, then {@code export} of everything it published. */
    private Map<Key, Row> runAndExport(String name, Settings settings) throws IOException {
        return runAndExport(temp.resolve("home-" + name), name, settings);
    }

    /** {@code run} on {@code home}, then {@code export} of everything published there. */
    private Map<Key, Row> runAndExport(Path home, String name, Settings settings) throws IOException {
        List<String> common = options(home, settings);
        JobsCommandLine run = JobsCommandLine.run("run", common, "--input=" + feeds, "--from=" + settings.from(),
                "--to=" + settings.to());
        assertThat(run.exitStatus()).as("run: %s%n%s", run.err(), run.out()).isZero();
        System.out.println("accuracy run " + name + ": " + run.out().strip().lines().reduce((a, b) -> b).orElse(""));
        Path export = temp.resolve("export-" + name + ".csv");
        JobsCommandLine exported = JobsCommandLine.run("export", common, "--output=" + export);
        assertThat(exported.exitStatus()).as("export: %s", exported.err()).isZero();
        // every input row is valid: the only rejected rows are the replaced duplicates
        JobsCommandLine rejects = JobsCommandLine.run("rejects", common, "--output=-");
        assertThat(rejects.exitStatus()).as("rejects: %s", rejects.err()).isZero();
        assertThat(rejects.out().lines().skip(1)).as("reject report").isNotEmpty()
                .allMatch(line -> line.endsWith(",duplicate"));
        return IndependentKpis.readFullExport(export);
    }

    /** The command-line options that configure the run as {@code settings} says. */
    private static List<String> options(Path home, Settings settings) {
        List<String> options = new ArrayList<>(List.of("--civicpulse.home=" + home));
        if (settings.minCellSize() != 10) {
            options.add("--civicpulse.privacy.min-cell-size=" + settings.minCellSize());
        }
        settings.answerThresholds().forEach((channel, seconds) -> {
            if (!seconds.equals(Settings.DEFAULT_ANSWER_THRESHOLDS.get(channel))) {
                options.add("--civicpulse.kpi.answer-thresholds." + channel + "=" + seconds);
            }
        });
        for (int i = 0; i < settings.serviceLevels().size(); i++) {
            IndependentKpis.ServiceLevel level = settings.serviceLevels().get(i);
            String prefix = "--civicpulse.kpi.service-levels[" + i + "].";
            options.add(prefix + "department=" + level.department());
            options.add(prefix + "service=" + level.service());
            options.add(prefix + "close-within=" + AccuracyDataset.CLOSE_WITHIN_TEXT.get(level.service()));
        }
        for (int i = 0; i < settings.targets().size(); i++) {
            Target target = settings.targets().get(i);
            String prefix = "--civicpulse.kpi.targets[" + i + "].";
            options.add(prefix + "kpi=" + target.kpi());
            options.add(prefix + "value=" + target.value());
            if (target.department() != null) {
                options.add(prefix + "department=" + target.department());
            }
            if (target.channel() != null) {
                options.add(prefix + "channel=" + target.channel());
            }
            if (target.weight() != 1.0) {
                options.add(prefix + "weight=" + target.weight());
            }
        }
        return options;
    }

    /** Same keys (none missing, none extra) and, per key, every column; the first 20 differences are listed. */
    static void assertThatEveryRowAndColumnMatches(Map<Key, Row> expected, Map<Key, Row> actual) {
        List<String> differences = differences(expected, actual);
        Map<String, Long> perKpi = differences.stream().collect(Collectors.groupingBy(
                d -> d.substring(d.indexOf('[') + 5, d.indexOf(',', d.indexOf('['))), TreeMap::new,
                Collectors.counting()));
        assertThat(differences.size())
                .as("%d of %d expected rows (%d exported) differ from the independent computation; per KPI %s;"
                        + " the first 20:%n%s", differences.size(), expected.size(), actual.size(), perKpi,
                        String.join(System.lineSeparator(), differences.stream().limit(20).toList()))
                .isZero();
    }

    static List<String> differences(Map<Key, Row> expected, Map<Key, Row> actual) {
        Map<String, String> byKey = new TreeMap<>();
        expected.forEach((key, want) -> {
            Row got = actual.get(key);
            if (got == null) {
                byKey.put(key.toString(), "missing " + key + "  expected " + want);
                return;
            }
            List<String> columns = new ArrayList<>();
            compare(columns, "value", want.value(), got.value());
            compare(columns, "numerator", want.numerator(), got.numerator());
            compare(columns, "denominator", want.denominator(), got.denominator());
            compare(columns, "sample_size", (double) want.sampleSize(), (double) got.sampleSize());
            compare(columns, "target", want.target(), got.target());
            if (!Objects.equals(want.meetsTarget(), got.meetsTarget())) {
                columns.add("meets_target expected " + want.meetsTarget() + " actual " + got.meetsTarget());
            }
            compare(columns, "score", want.score(), got.score());
            if (want.suppressed() != got.suppressed()) {
                columns.add("suppressed expected " + want.suppressed() + " actual " + got.suppressed());
            }
            if (!columns.isEmpty()) {
                byKey.put(key.toString(), "differs " + key + ": " + String.join("; ", columns));
            }
        });
        actual.forEach((key, got) -> {
            if (!expected.containsKey(key)) {
                byKey.put(key.toString(), "extra   " + key + "  exported " + got);
            }
        });
        return new ArrayList<>(byKey.values());
    }

    private static void compare(List<String> columns, String column, Double want, Double got) {
        boolean same = want == null ? got == null
                : got != null && Math.abs(want - got) <= 1e-9 * Math.max(1, Math.abs(want));
        if (!same) {
            columns.add(column + " expected " + want + " actual " + got);
        }
    }

    /** Guards the dataset itself: a change that stopped exercising a rule would otherwise pass silently. */
    private static void assertThatTheDatasetExercisesEveryRule(Map<Key, Row> expected) {
        Set<String> kpis = expected.keySet().stream().map(Key::kpi).collect(Collectors.toSet());
        assertThat(kpis).containsExactlyInAnyOrderElementsOf(EVERY_KPI);
        for (String grain : IndependentKpis.GRAINS) {
            assertThat(expected.keySet()).anyMatch(k -> k.grain().equals(grain));
        }
        List<Row> rows = List.copyOf(expected.values());
        assertThat(rows).as("suppressed rows").anyMatch(Row::suppressed);
        assertThat(expected).as("suppressed rows with a district and a non-survey KPI")
                .anySatisfy((k, r) -> assertThat(r.suppressed() && !k.district().equals("*")
                        && k.kpi().equals("BACKLOG_OPEN")).isTrue());
        assertThat(expected).as("large survey cells not suppressed")
                .anySatisfy((k, r) -> assertThat(k.kpi().equals("NPS") && !r.suppressed()).isTrue());
        assertThat(rows).as("a suppressed row keeping its target")
                .anyMatch(r -> r.suppressed() && r.target() != null);
        assertThat(rows).as("capped scores").anyMatch(r -> r.score() != null && r.score() == 1.25);
        assertThat(rows).as("scores of 0").anyMatch(r -> r.score() != null && r.score() == 0.0);
        assertThat(rows).as("targets <= 0: meets_target without a score")
                .anyMatch(r -> r.target() != null && r.target() <= 0 && r.meetsTarget() != null && r.score() == null);
        assertThat(rows).as("values exactly at their target: met, score 1")
                .anyMatch(r -> r.target() != null && r.value() != null && r.value().equals(r.target())
                        && Boolean.TRUE.equals(r.meetsTarget()) && r.score() == 1.0);
        assertThat(rows).as("targets met and missed").anyMatch(r -> Boolean.TRUE.equals(r.meetsTarget()))
                .anyMatch(r -> Boolean.FALSE.equals(r.meetsTarget()));
        assertThat(expected).as("department targets never apply to department *").allSatisfy((k, r) -> {
            if (k.kpi().equals("CSAT_MEAN") && k.department().equals("*") && !r.suppressed()) {
                assertThat(r.target()).isEqualTo(4.0);
            }
        });
        assertThat(expected).as("experience scores over several KPIs")
                .anySatisfy((k, r) -> assertThat(k.kpi().equals("EXPERIENCE_SCORE") && r.sampleSize() >= 4).isTrue());
        assertThat(expected).as("a survey without service counts under UNKNOWN")
                .anySatisfy((k, r) -> assertThat(k.kpi().equals("SURVEY_RESPONSES")
                        && k.service().equals("UNKNOWN")).isTrue());
        assertThat(expected).as("rates of 0 with a set").anySatisfy((k, r) -> assertThat(
                r.numerator() != null && r.numerator() == 0 && r.denominator() > 0).isTrue());
        assertThat(expected.size()).isGreaterThan(5_000);
    }
}
