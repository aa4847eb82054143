package io.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.support.TestDatabase;

/**
 * The two commands of the README on the real LA extract: {@code import}, then {@code run} over its output. The KPIs
 * and quality counts are checked against values computed here from the raw export, without the importer's code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportAndRunIntegrationTests {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final DateTimeFormatter LA_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

    @TempDir
    static Path work;

    CommandLineRun imported;
    CommandLineRun run;
    /** "KPI department date" → value, from {@code export}. */
    final Map<String, CSVRecord> kpis = new HashMap<>();
    /** The raw export's requests that the cases feed can carry (not closed before created). */
    final List<CSVRecord> source = new ArrayList<>();

    @BeforeAll
    void importAndRun() throws Exception {
        Path extract = Path.of(getClass().getResource("/open311/la-myla311-2017-12.csv").toURI());
        Path feeds = work.resolve("feeds");
        List<String> common = List.of("--civicpulse.home=" + work.resolve("home"),
                "--civicpulse.city.time-zone=America/Los_Angeles",
                "--civicpulse.kpi.service-levels[0].department=BOS",
                "--civicpulse.kpi.service-levels[0].service=Bulky Items",
                "--civicpulse.kpi.service-levels[0].close-within=P5D");
        imported = CommandLineRun.of(List.of("import", "--format=la311", "--input=" + extract, "--output=" + feeds));
        run = CommandLineRun.of(CommandLineRun.args("run", common, "--input=" + feeds, "--from=2017-12-27",
                "--to=2017-12-31"));
        Path export = work.resolve("kpis.csv");
        CommandLineRun.of(CommandLineRun.args("export", common, "--output=" + export));
        for (CSVRecord r : csv(export)) {
            if (r.get("service").equals("*") && r.get("channel").equals("*") && r.get("district").equals("*")) {
                kpis.put(r.get("kpi") + " " + r.get("grain") + " " + r.get("department") + " " + r.get("period_start"),
                        r);
            }
        }
        for (CSVRecord r : csv(extract)) {
            if (r.get("ClosedDate").isBlank() || !closed(r).isBefore(created(r))) {
                source.add(r);
            }
        }
    }

    @Test
    void importPrintsConservationAndTheRunLoadsEveryCanonicalRow() {
        assertThat(imported.exitStatus()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Read 9,999 requests: 9,987 canonical cases + 12 rejected rows")
                .contains("2,024 rows with RequestSource mapped to OTHER")
                .contains("12 rows rejected as CLOSED_BEFORE_OPENED");
        assertThat(run.exitStatus()).as(run.err()).isZero();
        assertThat(run.out()).contains("cases     1 files, 9,987 rows read, 0 rejected, 0 duplicates, 9,987 loaded")
                .contains("derived, not recorded: import --format=la311");
        assertThat(source).hasSize(9_987);
    }

    @Test
    void theRunRecordsWhichFeedWasDerivedForTheRunHistory() throws SQLException {
        Map<String, String> derivedFrom = new HashMap<>();
        try (Connection db = DriverManager.getConnection(TestDatabase.url(work.resolve("home")),
                TestDatabase.user(), TestDatabase.password());
                ResultSet rs = db.createStatement().executeQuery("SELECT feed, derived_from FROM run_feed_stats")) {
            while (rs.next()) {
                derivedFrom.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(derivedFrom).containsKeys("CASES", "CONTACTS", "SURVEYS");
        assertThat(derivedFrom.get("CONTACTS")).startsWith("import --format=la311");
        assertThat(derivedFrom.get("CASES")).isNull();
        assertThat(derivedFrom.get("SURVEYS")).isNull();
    }

    @Test
    void casesOpenedPerDepartmentAndDayMatchTheRawExport() {
        for (String department : List.of("BOS", "OCB", "ITA")) {
            LocalDate day = LocalDate.of(2017, 12, 28);
            long expected = source.stream().filter(r -> r.get("Owner").equals(department)
                    && created(r).toLocalDate().equals(day)).count();
            assertThat(value("CASES_OPENED DAY " + department + " " + day)).as(department).isEqualTo(expected);
        }
    }

    @Test
    void medianResolutionHoursOfADepartmentOnADayMatchTheRawExport() {
        LocalDate day = LocalDate.of(2017, 12, 29);
        List<Double> hours = source.stream()
                .filter(r -> r.get("Owner").equals("BOS") && !r.get("Status").equals("Cancelled")
                        && !r.get("ClosedDate").isBlank() && closed(r).toLocalDate().equals(day))
                .map(r -> Duration.between(created(r).atZone(LOS_ANGELES), closed(r).atZone(LOS_ANGELES)).toSeconds()
                        / 3600.0)
                .sorted().toList();
        assertThat(hours).hasSizeGreaterThan(10);
        double rank = 0.5 * (hours.size() - 1);
        double median = hours.get((int) Math.floor(rank))
                + (rank - Math.floor(rank)) * (hours.get((int) Math.ceil(rank)) - hours.get((int) Math.floor(rank)));
        assertThat(value("CLOSE_MEDIAN_HOURS DAY BOS " + day)).isCloseTo(median, within(1e-6));
    }

    @Test
    void onTimeRateAgainstAConfiguredServiceLevelMatchesTheRawExport() {
        // Bulky Items of BOS are due 5 days after creation; closed in December, cancelled ones excluded.
        List<CSVRecord> due = source.stream()
                .filter(r -> r.get("Owner").equals("BOS") && r.get("RequestType").equals("Bulky Items")
                        && !r.get("Status").equals("Cancelled") && !r.get("ClosedDate").isBlank()
                        && closed(r).getMonthValue() == 12 && closed(r).getYear() == 2017)
                .toList();
        long onTime = due.stream().filter(r -> !closed(r).atZone(LOS_ANGELES)
                .isAfter(created(r).atZone(LOS_ANGELES).plusDays(5))).count();
        CSVRecord rate = kpis.get("ON_TIME_RATE MONTH BOS 2017-12-01");
        assertThat(Long.parseLong(rate.get("denominator"))).isEqualTo(due.size());
        assertThat(Long.parseLong(rate.get("numerator"))).isEqualTo(onTime);
    }

    @Test
    void qualityCountsArePublishedPerDepartmentIncludingRowsTheImporterRejected() throws Exception {
        long bulkClosures = source.stream().filter(r -> !r.get("ClosedDate").isBlank()
                && Duration.between(created(r).atZone(LOS_ANGELES), closed(r).atZone(LOS_ANGELES)).toSeconds() <= 600)
                .count();
        Map<String, Long> flagged = new HashMap<>();
        try (Connection db = DriverManager.getConnection(TestDatabase.url(work.resolve("home")),
                TestDatabase.user(), TestDatabase.password());
                ResultSet rs = db.createStatement().executeQuery("SELECT department, rule, flagged FROM data_quality"
                        + " WHERE grain = 'MONTH' AND period_start = DATE '2017-12-01'")) {
            while (rs.next()) {
                flagged.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
            }
        }
        assertThat(flagged).containsEntry("* CLOSED_WITHIN_10_MINUTES", bulkClosures)
                .containsEntry("* CLOSED_BEFORE_OPENED", 12L)
                .containsEntry("* MISSING_DISTRICT", source.stream().filter(r -> r.get("CD").isBlank()).count())
                .containsEntry("* DUE_BEFORE_OPENED", 0L);
        assertThat(bulkClosures).isPositive();
    }

    private double value(String key) {
        CSVRecord row = kpis.get(key);
        assertThat(row).as(key).isNotNull();
        return Double.parseDouble(row.get("value"));
    }

    static LocalDateTime created(CSVRecord r) {
        return LocalDateTime.parse(r.get("CreatedDate"), LA_TIME);
    }

    static LocalDateTime closed(CSVRecord r) {
        return LocalDateTime.parse(r.get("ClosedDate"), LA_TIME);
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
