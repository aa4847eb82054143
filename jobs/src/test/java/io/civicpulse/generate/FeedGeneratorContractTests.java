package io.civicpulse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.generate.GeneratedFeeds.Row;

/**
 * Every generated row is one the contract (feeds.md) loads: required columns and values, codes, timestamps, the
 * case rules and the survey ranges. The two ranges cover both daylight-saving changes of 2026 in New York and
 * two month boundaries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedGeneratorContractTests {

    static final Set<String> CHANNELS = Set.of("PHONE", "WEB", "MOBILE_APP", "EMAIL", "CHAT", "SOCIAL", "WALK_IN",
            "MAIL", "OTHER");
    static final Set<String> OUTCOMES = Set.of("RESOLVED", "NOT_RESOLVED", "REFERRED", "DUPLICATE", "CANCELLED");
    static final Set<String> BOOLEANS = Set.of("true", "false", "y", "n", "yes", "no", "1", "0");
    static final ZoneId ZONE = GeneratedFeeds.NEW_YORK;
    static final Set<String> DEPARTMENTS = Set.copyOf(
            FeedGenerator.catalogue().stream().map(Department::code).toList());
    static final Map<String, Set<String>> SERVICES = FeedGenerator.catalogue().stream().collect(Collectors.toMap(
            Department::code, d -> Set.copyOf(d.services().stream().map(DepartmentService::name).toList())));

    @TempDir
    static Path temp;
    List<GeneratedFeeds> samples;
    final Map<String, List<Row>> parsed = new HashMap<>();

    @BeforeAll
    void generate() throws IOException {
        samples = List.of(
                GeneratedFeeds.generate(temp.resolve("spring"), LocalDate.of(2026, 2, 24), LocalDate.of(2026, 3, 10),
                        0.3, 101, true),
                GeneratedFeeds.generate(temp.resolve("autumn"), LocalDate.of(2026, 10, 27), LocalDate.of(2026, 11, 4),
                        0.3, 202, false));
    }

    @Test
    void everyFileHasTheRequiredColumns() throws IOException {
        for (GeneratedFeeds feeds : samples) {
            for (Path file : feeds.files("contacts")) {
                assertThat(GeneratedFeeds.read(file).header()).as(file.toString())
                        .contains("contact_id", "department", "channel", "started_at");
            }
            for (Path file : feeds.files("cases")) {
                assertThat(GeneratedFeeds.read(file).header()).as(file.toString())
                        .contains("case_id", "department", "service", "channel", "opened_at", "status");
            }
            for (Path file : feeds.files("surveys")) {
                assertThat(GeneratedFeeds.read(file).header()).as(file.toString())
                        .contains("response_id", "department", "channel", "submitted_at");
            }
        }
    }

    @Test
    void everyContactIsValid() throws IOException {
        for (GeneratedFeeds feeds : samples) {
            for (Row row : rows(feeds, "contacts")) {
                assertThat(row.get("contact_id")).as("%s", row).isNotEmpty();
                assertThat(departments()).as("%s", row).contains(row.get("department"));
                assertThat(CHANNELS).as("%s", row).contains(row.get("channel"));
                assertTimestampWithinRange(feeds, row, "started_at");
                assertNonNegativeIntegerOrEmpty(row, "wait_seconds");
                assertNonNegativeIntegerOrEmpty(row, "handle_seconds");
                assertThat(row.get("abandoned").toLowerCase(Locale.ROOT)).as("%s", row).isIn(BOOLEANS);
                assertDistrictValidOrEmpty(row);
            }
        }
    }

    @Test
    void everyCaseIsValid() throws IOException {
        for (GeneratedFeeds feeds : samples) {
            for (Row row : rows(feeds, "cases")) {
                assertThat(row.get("case_id")).as("%s", row).isNotEmpty();
                assertThat(departments()).as("%s", row).contains(row.get("department"));
                assertThat(servicesOf(row.get("department"))).as("%s", row).contains(row.get("service"));
                assertThat(CHANNELS).as("%s", row).contains(row.get("channel"));
                assertDistrictValidOrEmpty(row);
                Instant opened = assertTimestampWithinRange(feeds, row, "opened_at");
                assertThat(row.get("status")).as("%s", row).isIn("OPEN", "CLOSED");
                if (row.get("status").equals("CLOSED")) {
                    Instant closed = assertTimestampWithinRange(feeds, row, "closed_at");
                    assertThat(closed).as("%s", row).isAfterOrEqualTo(opened);
                    assertThat(row.get("outcome")).as("%s", row).isIn(union(OUTCOMES, Set.of("")));
                } else {
                    assertThat(row.get("closed_at")).as("%s", row).isEmpty();
                    assertThat(row.get("outcome")).as("%s", row).isEmpty();
                }
                if (row.has("due_at")) {
                    assertThat(GeneratedFeeds.instant(row.get("due_at"), ZONE)).as("%s", row).isAfter(opened);
                }
                assertNonNegativeIntegerOrEmpty(row, "reopened_count");
                assertThat(row.get("first_contact_resolution").toLowerCase(Locale.ROOT)).as("%s", row)
                        .isIn(union(BOOLEANS, Set.of("")));
            }
        }
    }

    @Test
    void everySurveyResponseIsValid() throws IOException {
        for (GeneratedFeeds feeds : samples) {
            for (Row row : rows(feeds, "surveys")) {
                assertThat(row.get("response_id")).as("%s", row).isNotEmpty();
                assertThat(departments()).as("%s", row).contains(row.get("department"));
                assertThat(CHANNELS).as("%s", row).contains(row.get("channel"));
                assertTimestampWithinRange(feeds, row, "submitted_at");
                assertDistrictValidOrEmpty(row);
                assertThat(row.has("csat") || row.has("nps") || row.has("ces")).as("%s", row).isTrue();
                assertIntegerInRangeOrEmpty(row, "csat", 1, 5);
                assertIntegerInRangeOrEmpty(row, "nps", 0, 10);
                assertIntegerInRangeOrEmpty(row, "ces", 1, 7);
                assertThat(row.get("language")).as("%s", row).isIn("en", "es");
                if (row.has("service")) {
                    assertThat(servicesOf(row.get("department"))).as("%s", row).contains(row.get("service"));
                }
            }
        }
    }

    @Test
    void idsAreUniqueWithinEachFeedAndCaseReferencesResolve() throws IOException {
        for (GeneratedFeeds feeds : samples) {
            Set<String> cases = assertUniqueIds(rows(feeds, "cases"), "case_id");
            assertUniqueIds(rows(feeds, "contacts"), "contact_id");
            assertUniqueIds(rows(feeds, "surveys"), "response_id");
            for (String feed : List.of("contacts", "surveys")) {
                for (Row row : rows(feeds, feed)) {
                    if (row.has("case_id")) {
                        assertThat(cases).as("%s", row).contains(row.get("case_id"));
                    }
                }
            }
        }
    }

    @Test
    void surveysAboutCasesComeAfterTheClosureAndCarryItsService() throws IOException {
        for (GeneratedFeeds feeds : samples) {
            Map<String, Row> cases = new HashMap<>();
            rows(feeds, "cases").forEach(row -> cases.put(row.get("case_id"), row));
            for (Row survey : rows(feeds, "surveys")) {
                if (survey.has("case_id")) {
                    Row closed = cases.get(survey.get("case_id"));
                    assertThat(closed.get("status")).as("%s", survey).isEqualTo("CLOSED");
                    assertThat(GeneratedFeeds.instant(survey.get("submitted_at"), ZONE)).as("%s", survey)
                            .isAfterOrEqualTo(GeneratedFeeds.instant(closed.get("closed_at"), ZONE));
                    assertThat(survey.get("service")).as("%s", survey).isEqualTo(closed.get("service"));
                    assertThat(survey.get("district")).as("%s", survey).isEqualTo(closed.get("district"));
                }
            }
        }
    }

    @Test
    void eachRowIsInTheFileOfTheMonthOfItsOwnTimestamp() throws IOException {
        for (GeneratedFeeds feeds : samples) {
            assertInMonthFile(rows(feeds, "contacts"), "started_at");
            assertInMonthFile(rows(feeds, "cases"), "opened_at");
            assertInMonthFile(rows(feeds, "surveys"), "submitted_at");
        }
    }

    @Test
    void localTimesAreNeverAmbiguousOrInADaylightSavingGap() throws IOException {
        for (GeneratedFeeds feeds : samples) {
            for (String[] feedColumns : List.of(new String[] {"contacts", "started_at"},
                    new String[] {"cases", "opened_at", "closed_at", "due_at"},
                    new String[] {"surveys", "submitted_at"})) {
                for (Row row : rows(feeds, feedColumns[0])) {
                    for (int c = 1; c < feedColumns.length; c++) {
                        String value = row.get(feedColumns[c]);
                        if (!value.isEmpty() && !GeneratedFeeds.hasOffset(value)) {
                            LocalDateTime local = LocalDateTime.parse(value.replace(' ', 'T'));
                            assertThat(ZONE.getRules().getValidOffsets(local)).as("%s %s", feedColumns[c], row)
                                    .hasSize(1);
                        }
                    }
                }
            }
        }
    }

    @Test
    void timestampsMixLocalTimeOffsetsAndSpaceSeparatorsAsRealExportsDo() throws IOException {
        List<String> opened = rows(samples.get(1), "cases").stream().map(row -> row.get("opened_at")).toList();
        long withOffset = opened.stream().filter(GeneratedFeeds::hasOffset).count();
        long withSpace = opened.stream().filter(value -> value.charAt(10) == ' ').count();
        assertThat(withOffset).isBetween((long) (opened.size() * 0.015), (long) (opened.size() * 0.06));
        assertThat(withSpace).isPositive().isLessThan(opened.size() / 20);
        // in the autumn overlap both occurrences of 01:xx happen, each written with its own offset
        List<String> overlap = rows(samples.get(1), "contacts").stream().map(row -> row.get("started_at"))
                .filter(value -> value.startsWith("2026-11-01T01:")).toList();
        assertThat(overlap).anyMatch(value -> value.endsWith("-04:00")).anyMatch(value -> value.endsWith("-05:00"))
                .allMatch(GeneratedFeeds::hasOffset);
    }

    /** Each file is parsed once per class; the tests only read the rows. */
    private List<Row> rows(GeneratedFeeds feeds, String feed) throws IOException {
        String key = feeds.directory() + "/" + feed;
        List<Row> rows = parsed.get(key);
        if (rows == null) {
            rows = feeds.rows(feed);
            parsed.put(key, rows);
        }
        return rows;
    }

    private static Instant assertTimestampWithinRange(GeneratedFeeds feeds, Row row, String column) {
        String value = row.get(column);
        assertThat(value).as("%s in %s", column, row).isNotEmpty();
        Instant[] instant = new Instant[1];
        assertThatCode(() -> instant[0] = GeneratedFeeds.instant(value, ZONE)).as("%s in %s", column, row)
                .doesNotThrowAnyException();
        LocalDate date = instant[0].atZone(ZONE).toLocalDate();
        assertThat(date).as("%s in %s", column, row).isBetween(feeds.settings().from(), feeds.settings().to());
        return instant[0];
    }

    private static void assertNonNegativeIntegerOrEmpty(Row row, String column) {
        if (row.has(column)) {
            assertThat(row.get(column)).as("%s in %s", column, row).matches("\\d+");
        }
    }

    private static void assertIntegerInRangeOrEmpty(Row row, String column, int min, int max) {
        if (row.has(column)) {
            assertThat(row.get(column)).as("%s in %s", column, row).matches("\\d+");
            assertThat(Integer.parseInt(row.get(column))).as("%s in %s", column, row).isBetween(min, max);
        }
    }

    private static void assertDistrictValidOrEmpty(Row row) {
        if (row.has("district")) {
            assertThat(FeedGenerator.districts()).as("%s", row).contains(row.get("district"));
        }
    }

    private static Set<String> assertUniqueIds(List<Row> rows, String column) {
        Set<String> ids = new HashSet<>();
        for (Row row : rows) {
            assertThat(ids.add(row.get(column))).as("duplicate %s in %s", column, row).isTrue();
        }
        return ids;
    }

    private static void assertInMonthFile(List<Row> rows, String column) {
        for (Row row : rows) {
            YearMonth month = YearMonth.from(GeneratedFeeds.instant(row.get(column), ZONE).atZone(ZONE));
            assertThat(row.file()).as("%s", row).contains("-" + month + ".csv");
        }
    }

    private static Set<String> departments() {
        return DEPARTMENTS;
    }

    private static Set<String> servicesOf(String department) {
        return SERVICES.get(department);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }
}
