package io.civicpulse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.generate.FeedGenerator;
import io.civicpulse.generate.GeneratorSettings;
import io.civicpulse.kpi.KpiParameters;
import io.civicpulse.support.JobsCommandLine;
import io.civicpulse.support.TestPostgres;

/**
 * Differential correctness: the Spark nightly job (through the batch command line, then {@code export}), the
 * PostgreSQL engine and the DuckDB engine compute every KPI row of a small generated city, and all three must
 * agree row by row and column by column. Three weeks across October into November and the end of daylight-saving
 * time, with targets at every level of specificity, configured service levels and thresholds, a min-cell-size that
 * suppresses, and a corrections file whose rows replace earlier ones of the same id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeEnginesAgreeIntegrationTests {

    static final LocalDate FROM = LocalDate.of(2026, 10, 19);
    static final LocalDate TO = LocalDate.of(2026, 11, 8);
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    /** What every engine is configured with, in the batch command line's own terms. */
    static final List<String> SETTINGS = List.of(
            "--civicpulse.privacy.min-cell-size=20",
            "--civicpulse.kpi.answer-thresholds.PHONE=45",
            "--civicpulse.kpi.answer-thresholds.EMAIL=3600",
            "--civicpulse.kpi.service-levels[0].department=SAN",
            "--civicpulse.kpi.service-levels[0].service=Bulky Items",
            "--civicpulse.kpi.service-levels[0].close-within=P5D",
            "--civicpulse.kpi.service-levels[1].department=DOT",
            "--civicpulse.kpi.service-levels[1].service=Streetlight Out",
            "--civicpulse.kpi.service-levels[1].close-within=P1DT12H",
            "--civicpulse.kpi.service-levels[2].department=HPD",
            "--civicpulse.kpi.service-levels[2].service=Pests",
            "--civicpulse.kpi.service-levels[2].close-within=PT36H",
            "--civicpulse.kpi.targets[0].kpi=ON_TIME_RATE", "--civicpulse.kpi.targets[0].value=0.85",
            "--civicpulse.kpi.targets[0].weight=2",
            "--civicpulse.kpi.targets[1].kpi=ON_TIME_RATE", "--civicpulse.kpi.targets[1].value=0.9",
            "--civicpulse.kpi.targets[1].department=SAN",
            "--civicpulse.kpi.targets[2].kpi=ON_TIME_RATE", "--civicpulse.kpi.targets[2].value=0.7",
            "--civicpulse.kpi.targets[2].channel=PHONE",
            "--civicpulse.kpi.targets[3].kpi=ON_TIME_RATE", "--civicpulse.kpi.targets[3].value=0.95",
            "--civicpulse.kpi.targets[3].department=SAN", "--civicpulse.kpi.targets[3].channel=PHONE",
            "--civicpulse.kpi.targets[3].weight=0.5",
            "--civicpulse.kpi.targets[4].kpi=CLOSE_MEDIAN_HOURS", "--civicpulse.kpi.targets[4].value=48",
            "--civicpulse.kpi.targets[5].kpi=CLOSE_MEDIAN_HOURS", "--civicpulse.kpi.targets[5].value=4",
            "--civicpulse.kpi.targets[5].department=NYPD",
            "--civicpulse.kpi.targets[6].kpi=CSAT_MEAN", "--civicpulse.kpi.targets[6].value=4",
            "--civicpulse.kpi.targets[7].kpi=CSAT_SATISFIED", "--civicpulse.kpi.targets[7].value=0.8",
            "--civicpulse.kpi.targets[7].department=DOT", "--civicpulse.kpi.targets[7].channel=PHONE",
            "--civicpulse.kpi.targets[8].kpi=NPS", "--civicpulse.kpi.targets[8].value=20",
            "--civicpulse.kpi.targets[9].kpi=NPS", "--civicpulse.kpi.targets[9].value=-5",
            "--civicpulse.kpi.targets[9].department=HPD",
            "--civicpulse.kpi.targets[10].kpi=CES_MEAN", "--civicpulse.kpi.targets[10].value=5.5",
            "--civicpulse.kpi.targets[10].channel=WEB",
            "--civicpulse.kpi.targets[11].kpi=WAIT_MEDIAN_SECONDS", "--civicpulse.kpi.targets[11].value=40",
            "--civicpulse.kpi.targets[12].kpi=WAIT_P90_SECONDS", "--civicpulse.kpi.targets[12].value=300",
            "--civicpulse.kpi.targets[12].channel=PHONE",
            "--civicpulse.kpi.targets[13].kpi=SERVICE_LEVEL", "--civicpulse.kpi.targets[13].value=0.8",
            "--civicpulse.kpi.targets[13].channel=PHONE", "--civicpulse.kpi.targets[13].weight=1.5",
            "--civicpulse.kpi.targets[14].kpi=ABANDON_RATE", "--civicpulse.kpi.targets[14].value=0.05",
            "--civicpulse.kpi.targets[15].kpi=DIGITAL_SHARE", "--civicpulse.kpi.targets[15].value=0.4",
            "--civicpulse.kpi.targets[15].department=DOT",
            "--civicpulse.kpi.targets[16].kpi=RESOLUTION_RATE", "--civicpulse.kpi.targets[16].value=0.85",
            "--civicpulse.kpi.targets[17].kpi=REOPEN_RATE", "--civicpulse.kpi.targets[17].value=0.1",
            "--civicpulse.kpi.targets[17].weight=0.5",
            "--civicpulse.kpi.targets[18].kpi=FCR_RATE", "--civicpulse.kpi.targets[18].value=0.6",
            "--civicpulse.kpi.targets[19].kpi=BACKLOG_OPEN", "--civicpulse.kpi.targets[19].value=50",
            "--civicpulse.kpi.targets[19].department=SAN",
            "--civicpulse.kpi.targets[20].kpi=BACKLOG_OVERDUE", "--civicpulse.kpi.targets[20].value=0");

    private Path temp;
    private Path feeds;
    private Path sparkExport;

    @BeforeAll
    void generateTheCityAndRunSpark(@TempDir Path temp) throws IOException {
        this.temp = temp;
        this.feeds = temp.resolve("feeds");
        new FeedGenerator(new GeneratorSettings(FROM, TO, 0.2, 7, ZONE, false)).generate(feeds, null);
        writeCorrections(feeds);

        List<String> common = new ArrayList<>(SETTINGS);
        common.add("--civicpulse.home=" + temp.resolve("home"));
        JobsCommandLine run = JobsCommandLine.run("run", common, "--input=" + feeds, "--from=" + FROM,
                "--to=" + TO);
        assertThat(run.exitStatus()).as("run: %s%n%s", run.err(), run.out()).isZero();
        sparkExport = temp.resolve("spark.csv");
        JobsCommandLine export = JobsCommandLine.run("export", common, "--output=" + sparkExport);
        assertThat(export.exitStatus()).as("export: %s", export.err()).isZero();
    }

    @Test
    void postgresAndDuckDbComputeExactlyTheRowsTheSparkJobPublishes() throws Exception {
        // given the same files and configuration as the Spark run
        KpiParameters parameters = EngineConfiguration.parameters(null, SETTINGS, FROM, TO);
        Path postgres = temp.resolve("postgres.csv");
        Path duckdb = temp.resolve("duckdb.csv");

        // (a schema of this process; the engine drops it when done, freshSchema those that ended processes left)
        String schema = TestPostgres.schema("bench_diff");
        TestPostgres.freshSchema(schema);

        // when both SQL engines compute every KPI row
        new PostgresKpiEngine(TestPostgres.SERVER, TestPostgres.USER, "", schema).compute(feeds, parameters, postgres);
        new DuckDbKpiEngine().compute(feeds, parameters, duckdb);

        // then all three agree on every row and column
        assertThat(ExportComparison.compare("spark", sparkExport, "postgres", postgres))
                .satisfies(r -> assertThat(r.agree()).as(r.summary()).isTrue());
        assertThat(ExportComparison.compare("spark", sparkExport, "duckdb", duckdb))
                .satisfies(r -> assertThat(r.agree()).as(r.summary()).isTrue());
        assertThat(ExportComparison.compare("postgres", postgres, "duckdb", duckdb))
                .satisfies(r -> assertThat(r.agree()).as(r.summary()).isTrue());
    }

    @Test
    void theCityExercisesEveryKpiGrainTargetLevelAndSuppression() throws IOException {
        // given the Spark export the engines are compared with
        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(sparkExport)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }

        // then a comparison over it would catch a wrong rule anywhere: every KPI, grain and kind of cell is there
        Set<String> kpis = new TreeSet<>();
        Set<String> grains = new TreeSet<>();
        rows.forEach(r -> {
            kpis.add(r.get("kpi"));
            grains.add(r.get("grain"));
        });
        assertThat(kpis).hasSize(23);
        assertThat(grains).containsExactlyInAnyOrder("DAY", "WEEK", "MONTH", "QUARTER");
        assertThat(rows).as("suppressed survey rows").anyMatch(r -> r.get("suppressed").equals("true")
                && r.get("kpi").equals("CSAT_MEAN") && r.get("district").equals("*"));
        assertThat(rows).as("suppressed district rows").anyMatch(r -> r.get("suppressed").equals("true")
                && r.get("kpi").equals("BACKLOG_OPEN"));
        assertThat(rows).as("department+channel targets").anyMatch(r -> r.get("kpi").equals("ON_TIME_RATE")
                && r.get("department").equals("SAN") && r.get("channel").equals("PHONE")
                && r.get("target").equals("0.95"));
        assertThat(rows).as("targets <= 0: met or not, no score").anyMatch(r -> r.get("target").equals("0")
                && !r.get("meets_target").isEmpty() && r.get("score").isEmpty());
        assertThat(rows).as("capped scores").anyMatch(r -> r.get("score").equals("1.25"));
        assertThat(rows).as("experience scores").anyMatch(r -> r.get("kpi").equals("EXPERIENCE_SCORE")
                && Long.parseLong(r.get("sample_size")) >= 4);
        assertThat(rows).as("the 25-hour day").anyMatch(r -> r.get("grain").equals("DAY")
                && r.get("period_start").equals("2026-11-01"));
        assertThat(rows).as("a week reaching into the next month").anyMatch(r -> r.get("grain").equals("WEEK")
                && r.get("period_start").equals("2026-10-26"));
        assertThat(rows.size()).isGreaterThan(20_000);
    }

    /**
     * Later files whose rows replace earlier ones of the same id (feeds.md): closed cases turned CANCELLED (out
     * of the closure KPIs), and one contact given twice in the same file, the second time on another channel.
     */
    private static void writeCorrections(Path feeds) throws IOException {
        List<String> cases = Files.readAllLines(feeds.resolve("cases-2026-10.csv"));
        List<String> corrected = new ArrayList<>();
        corrected.add(cases.getFirst());
        for (String line : cases.subList(1, cases.size())) {
            if (line.contains(",CLOSED,") && corrected.size() <= 40 && !line.contains("\"")) {
                String[] cells = line.split(",", -1);
                cells[9] = "CANCELLED";
                corrected.add(String.join(",", cells));
            }
        }
        assertThat(corrected).hasSizeGreaterThan(40);
        Files.write(feeds.resolve("cases-2026-10-z-corrections.csv"), corrected);

        List<String> contacts = Files.readAllLines(feeds.resolve("contacts-2026-11.csv"));
        String[] cells = contacts.get(1).split(",", -1);
        String first = String.join(",", cells);
        cells[2] = cells[2].equals("WEB") ? "PHONE" : "WEB";
        Files.write(feeds.resolve("contacts-2026-11-z-corrections.csv"),
                List.of(contacts.getFirst(), first, String.join(",", cells)));
    }
}
