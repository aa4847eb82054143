package io.civicpulse.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.civicpulse.feeds.DerivedFeeds;
import io.civicpulse.feeds.IngestException;
import io.civicpulse.kpi.Feed;
import io.civicpulse.quality.QualityCount;
import io.civicpulse.quality.QualityRule;

/** The importer on the real extracts and on hand-written variants of their layouts. */
class OpenDataImportTests {

    @TempDir
    Path output;

    @ParameterizedTest(name = "{0}: every request of the export is a canonical case or a rejected row")
    @CsvSource({ "nyc311, nyc-311-2011-03.csv, 2000", "la311, la-myla311-2017-12.csv, 9999",
            "boston311, boston-311-2022-01.csv, 100" })
    void conservationOnRealExtracts(String format, String file, long documentedRows) throws Exception {
        // given a real extract, its rows counted here by reading it as plain RFC 4180
        Path input = fixture(file);
        long sourceRows = records(input).size();
        assertThat(sourceRows).isEqualTo(documentedRows);

        // when it is imported
        ImportSummary summary = importFile(format, input);

        // then input rows = canonical rows + rejected rows, in the summary and in the files written
        long written = records(output.resolve("cases-" + format + ".csv")).size();
        long rejected = records(output.resolve("import-rejects.csv")).size();
        assertThat(summary.inputRows()).isEqualTo(sourceRows);
        assertThat(written + rejected).isEqualTo(sourceRows);
        assertThat(summary.cases()).isEqualTo(written);
        assertThat(summary.rejected()).isEqualTo(rejected);
    }

    @Test
    void nycRowsMapToTheDocumentedCodes() throws Exception {
        // when the NYC extract is imported
        importFile("nyc311", fixture("nyc-311-2011-03.csv"));
        Map<String, CSVRecord> cases = byId(output.resolve("cases-nyc311.csv"), "case_id");

        // then the first request reads as in docs/open-data-mappings.md, times with New York's offset
        CSVRecord first = cases.get("19937896");
        assertThat(first.get("department")).isEqualTo("DOF");
        assertThat(first.get("service")).isEqualTo("DOF Property - Payment Issue");
        assertThat(first.get("channel")).isEqualTo("PHONE");
        assertThat(first.get("district")).isEqualTo("09 MANHATTAN");
        assertThat(first.get("opened_at")).isEqualTo("2011-03-01T14:27:57-05:00");
        assertThat(first.get("closed_at")).isEqualTo("2011-03-14T15:59:20-04:00");
        assertThat(first.get("due_at")).isEqualTo("2011-03-22T14:27:57-04:00");
        assertThat(first.get("status")).isEqualTo("CLOSED");
        assertThat(first.get("outcome")).isEqualTo("RESOLVED");
        // and channel OTHER is counted per source value: 165 OTHER + 42 UNKNOWN in the source
        assertThat(warnings()).containsEntry("Open Data Channel Type|OTHER", 165L)
                .containsEntry("Open Data Channel Type|UNKNOWN", 42L);
        // and "0 Unspecified" and "Unspecified BOROUGH" community boards are missing districts
        Map<String, CSVRecord> source = byId(fixture("nyc-311-2011-03.csv"), "Unique Key");
        assertThat(cases.values()).filteredOn(c -> c.get("district").isEmpty()).extracting(c -> c.get("case_id"))
                .containsExactlyInAnyOrderElementsOf(cases.keySet().stream()
                        .filter(id -> source.get(id).get("Community Board").contains("Unspecified")).toList());
        // and the two requests with an open status but a closed date are rejected, with file, line and reason
        assertThat(records(output.resolve("import-rejects.csv"))).extracting(r -> r.get("line") + " " + r.get("reason"))
                .containsExactly("1074 open status with a closed date", "1604 open status with a closed date");
    }

    @Test
    void laStatusesBecomeOutcomesAndCrewReportsDeriveNoContact() throws Exception {
        // given the LA extract, with its status counts read here from the source
        Path input = fixture("la-myla311-2017-12.csv");
        Map<String, Long> statuses = records(input).stream()
                .collect(Collectors.groupingBy(r -> r.get("Status"), Collectors.counting()));

        // when it is imported
        ImportSummary summary = importFile("la311", input);
        List<CSVRecord> cases = records(output.resolve("cases-la311.csv"));

        // then cancelled and referred-out requests are closed with that outcome (none of them was rejected)
        assertThat(count(cases, c -> c.get("outcome").equals("CANCELLED"))).isEqualTo(statuses.get("Cancelled"));
        assertThat(count(cases, c -> c.get("outcome").equals("REFERRED"))).isEqualTo(statuses.get("Referred Out"));
        assertThat(count(cases, c -> c.get("status").equals("OPEN"))).isEqualTo(statuses.get("Open"));
        // and council districts read "CD n"; the source's blank ones are missing
        assertThat(cases).allSatisfy(c -> assertThat(c.get("district")).matches("(CD \\d{1,2})?"));
        assertThat(count(cases, c -> c.get("district").isEmpty()))
                .isEqualTo(count(records(input), r -> r.get("CD").isBlank()));
        // and crew self-reports and council-office referrals are OTHER on purpose, with no derived contact
        assertThat(warnings()).containsEntry("RequestSource|Driver Self Report", 2019L)
                .containsEntry("RequestSource|Council's Office", 5L);
        assertThat(summary.otherCounts()).containsEntry("RequestSource", 2024L);
        assertThat(summary.contacts()).isEqualTo(count(cases, c -> !c.get("channel").equals("OTHER")));
        // and the requests closed before they were created (12, counted here from the source) are rejected and
        // counted per department
        java.time.format.DateTimeFormatter la = java.time.format.DateTimeFormatter
                .ofPattern("MM/dd/yyyy hh:mm:ss a", java.util.Locale.US);
        Map<String, Long> closedBeforeCreated = records(input).stream()
                .filter(r -> !r.get("ClosedDate").isBlank() && java.time.LocalDateTime.parse(r.get("ClosedDate"), la)
                        .isBefore(java.time.LocalDateTime.parse(r.get("CreatedDate"), la)))
                .collect(Collectors.groupingBy(r -> r.get("Owner"), Collectors.counting()));
        assertThat(closedBeforeCreated.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(12);
        assertThat(summary.rejected()).isEqualTo(12);
        assertThat(QualityCount.read(output)).allSatisfy(c -> assertThat(c.key().rule())
                .isEqualTo(QualityRule.CLOSED_BEFORE_OPENED));
        assertThat(QualityCount.read(output).stream().collect(Collectors.groupingBy(c -> c.key().department(),
                Collectors.summingLong(QualityCount::cases)))).isEqualTo(closedBeforeCreated);
        // and the contacts feed is marked as derived
        assertThat(DerivedFeeds.read(output)).containsOnlyKeys(Feed.CONTACTS);
    }

    @Test
    void bostonDepartmentsClosureReasonsAndTargetDates() throws Exception {
        // when the Boston extract is imported
        importFile("boston311", fixture("boston-311-2022-01.csv"));
        Map<String, CSVRecord> cases = byId(output.resolve("cases-boston311.csv"), "case_id");

        // then GEN_ becomes GEN, target_dt is the due time, "Duplicate of" closures are duplicates
        CSVRecord needle = cases.get("101004130437");
        assertThat(needle.get("department")).isEqualTo("GEN");
        assertThat(needle.get("district")).isEqualTo("CD 1");
        CSVRecord open = cases.get("101004143000");
        assertThat(open.get("due_at")).isEqualTo("2022-02-04T13:47:30-05:00");
        assertThat(open.get("district")).isEmpty();
        List<CSVRecord> source = records(fixture("boston-311-2022-01.csv"));
        assertThat(count(cases.values(), c -> c.get("outcome").equals("DUPLICATE"))).isEqualTo(count(source,
                r -> r.get("case_status").equals("Closed") && r.get("closure_reason").toLowerCase().contains("duplicate")))
                .isPositive();
        assertThat(warnings()).containsEntry("source|City Worker App", 11L);
    }

    @Test
    void variantLayoutWithBomSnakeHeadersShortDatesQuotedNewlinesAndTrailingColumns() throws Exception {
        // when a file in another year's layout is imported
        ImportSummary summary = importFile("nyc311", fixture("variants/nyc-311-variant-layout.csv"));

        // then its 6 requests are 3 cases and 3 rejected rows
        assertThat(summary.inputRows()).isEqualTo(6);
        assertThat(summary.cases()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(3);
        Map<String, CSVRecord> cases = byId(output.resolve("cases-nyc311.csv"), "case_id");
        // M/D/YY H:MM and MM/DD/YYYY hh:mm:ss AM in one file; a quoted newline inside a resolution
        assertThat(cases.get("1001").get("opened_at")).isEqualTo("2011-03-01T09:05:00-05:00");
        assertThat(cases.get("1001").get("closed_at")).isEqualTo("2011-03-01T09:12:00-05:00");
        assertThat(cases.get("1001").get("channel")).isEqualTo("MOBILE_APP");
        assertThat(cases.get("1002").get("opened_at")).isEqualTo("2011-03-01T14:27:57-05:00");
        assertThat(cases.get("1002").get("department")).isEqualTo("DOT");
        assertThat(cases.get("1002").get("status")).isEqualTo("OPEN");
        assertThat(cases.get("1002").get("channel")).isEqualTo("OTHER");
        assertThat(cases.get("1006").get("outcome")).isEqualTo("DUPLICATE");
        // an unknown channel is OTHER and counted as having no mapping
        assertThat(records(output.resolve("import-warnings.csv"))).extracting(r -> r.get("source_value") + " "
                + r.get("reason")).containsExactly("FAX no mapping");
        // rejects name the file, the request's first line (the quoted newline counts), the field and the reason
        assertThat(records(output.resolve("import-rejects.csv"))).extracting(r -> String.join("|", r.toList()))
                .containsExactly(
                        "nyc-311-variant-layout.csv|5|Closed Date|closed before it was created",
                        "nyc-311-variant-layout.csv|6|Created Date|'yesterday' is not a date and time of a known format",
                        "nyc-311-variant-layout.csv|7|Closed Date|closed status without a closed date");
        assertThat(QualityCount.read(output)).extracting(c -> c.key().department() + " " + c.key().openedDate() + " "
                + c.key().rule() + " " + c.cases()).containsExactly(
                        "DSNY 2011-03-02 CLOSED_BEFORE_OPENED 1", "NYPD 2011-03-02 CLOSED_WITHOUT_CLOSED_DATE 1");
    }

    @ParameterizedTest(name = "Open311 GeoReport v2 {0}")
    @CsvSource({ "open311-requests.json", "open311-requests.xml" })
    void open311ServiceRequestLists(String file) throws Exception {
        // given a GeoReport v2 requests list, the line of each request read here from the file
        Path input = fixture("variants/" + file);
        List<String> lines = Files.readAllLines(input);

        // when it is imported
        ImportSummary summary = importFile("open311", input);

        // then closed requests close at their last update (written in the import's zone, the same instants), agencies become departments, channels are OTHER
        assertThat(summary.inputRows()).isEqualTo(4);
        Map<String, CSVRecord> cases = byId(output.resolve("cases-open311.csv"), "case_id");
        assertThat(cases).containsOnlyKeys("638344", "638349");
        CSVRecord closed = cases.get("638344");
        assertThat(closed.get("department")).isEqualTo("PUBLIC_WORKS");
        assertThat(closed.get("service")).isEqualTo("Sidewalk and Curb Issues");
        assertThat(closed.get("opened_at")).isEqualTo("2010-04-14T07:37:38-07:00");
        assertThat(closed.get("closed_at")).isEqualTo("2010-04-14T16:37:38-07:00");
        assertThat(closed.get("due_at")).isEqualTo("2010-04-15T07:37:38-07:00");
        assertThat(closed.get("channel")).isEqualTo("OTHER");
        assertThat(cases.get("638349").get("district")).isEqualTo("D5");
        assertThat(summary.contacts()).isZero();
        assertThat(summary.otherCounts()).containsEntry("channel", 3L).containsEntry("agency_responsible", 1L);
        // and the two that cannot be mapped are rejected at the line their request starts
        assertThat(records(output.resolve("import-rejects.csv"))).extracting(r -> r.get("line") + " "
                + r.get("field") + " " + r.get("reason")).containsExactly(
                        startLine(lines, "638350") + " updated_datetime closed status without a closed date",
                        startLine(lines, "638351") + " status status 'archived' has no mapping to OPEN or CLOSED");
    }

    @Test
    void aFileWithoutARequiredColumnFailsNamingFileAndColumn() throws IOException {
        // given an NYC-like file without a creation date column
        Path input = output.resolve("nyc-no-created.csv");
        Files.writeString(input, "Unique Key,Closed Date,Agency,Complaint Type,Status\n1,,NYPD,Noise,Open\n");

        // when imported, then the import fails, naming the file and the column
        assertThatThrownBy(() -> importFile("nyc311", input)).isInstanceOf(IngestException.class)
                .hasMessageStartingWith("nyc-no-created.csv: no column 'Created Date'");
        assertThat(output.resolve("cases-nyc311.csv")).doesNotExist();
    }

    @Test
    void malformedJsonFailsNamingFileAndLine() throws IOException {
        Path input = output.resolve("broken.json");
        Files.writeString(input, "[\n  {\"service_request_id\": \"1\",\n   \"status\": }\n]\n");

        assertThatThrownBy(() -> importFile("open311", input)).isInstanceOf(IngestException.class)
                .hasMessageStartingWith("broken.json line 3: not valid JSON");
    }

    @Test
    void sourceTimestampsAcceptThePortalsSpellingsAndRefuseADateAlone() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        assertThat(SourceTimestamps.parse("12/31/2017 11:59:58 PM", la)).hasToString("2018-01-01T07:59:58Z");
        assertThat(SourceTimestamps.parse("1/2/18 7:05", la)).hasToString("2018-01-02T15:05:00Z");
        assertThat(SourceTimestamps.parse("2022-01-03 00:11:40.347", la)).hasToString("2022-01-03T08:11:40.347Z");
        assertThat(SourceTimestamps.parse("2010-04-14T06:37:38-08:00", la)).hasToString("2010-04-14T14:37:38Z");
        assertThat(SourceTimestamps.parse("12/31/2017", la)).isNull();
        assertThat(SourceTimestamps.parse("13/01/2017 10:00:00 AM", la)).isNull();
    }

    private ImportSummary importFile(String format, Path input) throws IOException {
        SourceFormat f = SourceFormat.ofOption(format).orElseThrow();
        return new OpenDataImport(f, f.cityZone().orElse(ZoneId.of("America/Los_Angeles"))).run(input, output,
                message -> { });
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(OpenDataImportTests.class.getResource("/open311/" + name).toURI());
    }

    static List<CSVRecord> records(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static Map<String, CSVRecord> byId(Path file, String column) throws IOException {
        return records(file).stream().collect(Collectors.toMap(r -> r.get(column), r -> r));
    }

    private Map<String, Long> warnings() throws IOException {
        return records(output.resolve("import-warnings.csv")).stream().collect(Collectors.toMap(
                r -> r.get("field") + "|" + r.get("source_value"), r -> Long.parseLong(r.get("rows"))));
    }

    private static long count(java.util.Collection<CSVRecord> records, Predicate<CSVRecord> condition) {
        return records.stream().filter(condition).count();
    }

    /** The line a request starts on: the line above the one holding its id. */
    private static long startLine(List<String> lines, String id) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(id)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }

}
