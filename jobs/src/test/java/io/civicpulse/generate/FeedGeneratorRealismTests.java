package io.civicpulse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.generate.DepartmentService.DueTime;
import io.civicpulse.generate.GeneratedFeeds.Row;

/**
 * The sample looks like a mid-size city: the volumes the scale promises, weekly and daily rhythms, a phone line
 * losing ground to digital channels, slow and fast departments, two districts far below the rest, and survey
 * comments that need masking.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedGeneratorRealismTests {

    static final ZoneId ZONE = GeneratedFeeds.NEW_YORK;
    static final Set<String> DIGITAL = Set.of("WEB", "MOBILE_APP", "EMAIL", "CHAT", "SOCIAL");

    @TempDir
    static Path temp;
    /** Scale 1 over four full weeks, Monday 2026-09-07 to Sunday 2026-10-04. */
    GeneratedFeeds month;
    /** A small city over a quarter, for trends. */
    GeneratedFeeds quarter;
    List<Row> monthCases;
    List<Row> monthSurveys;
    List<Row> quarterContacts;

    @BeforeAll
    void generate() throws IOException {
        month = GeneratedFeeds.generate(temp.resolve("month"), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 4),
                1, 42, false);
        quarter = GeneratedFeeds.generate(temp.resolve("quarter"), LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 10, 29), 0.1, 42, true);
        monthCases = month.rows("cases");
        monthSurveys = month.rows("surveys");
        quarterContacts = quarter.rows("contacts");
    }

    @Test
    void scaleOneProducesAMidSizeCitysDailyVolumes() {
        assertThat(monthCases.size() / 28.0).isCloseTo(1_000, withPercentage(15));
        assertThat(month.summary().contacts() / 28.0).isCloseTo(6_000, withPercentage(15));
        // survey responses follow closures, so the first days of a range have fewer; the second half is steady
        long lateSurveys = monthSurveys.stream()
                .filter(row -> !date(row, "submitted_at").isBefore(LocalDate.of(2026, 9, 21))).count();
        assertThat(lateSurveys / 14.0).isCloseTo(150, withPercentage(25));
    }

    @Test
    void scaleMultipliesVolume() throws IOException {
        // when
        GeneratedFeeds tenth = GeneratedFeeds.generate(temp.resolve("tenth"), LocalDate.of(2026, 9, 7),
                LocalDate.of(2026, 10, 4), 0.1, 42, true);

        // then
        assertThat((double) tenth.summary().cases()).isCloseTo(month.summary().cases() / 10.0,
                withPercentage(10));
        assertThat((double) tenth.summary().contacts()).isCloseTo(month.summary().contacts() / 10.0,
                withPercentage(10));
    }

    @Test
    void weekdaysAreBusierThanWeekendsAndLateMorningIsThePeak() {
        Map<DayOfWeek, Long> byDay = monthCases.stream()
                .collect(Collectors.groupingBy(row -> date(row, "opened_at").getDayOfWeek(), Collectors.counting()));
        assertThat(byDay.get(DayOfWeek.MONDAY)).isGreaterThan(byDay.get(DayOfWeek.SATURDAY) * 13 / 10);
        assertThat(byDay.get(DayOfWeek.WEDNESDAY)).isGreaterThan(byDay.get(DayOfWeek.SUNDAY) * 13 / 10);

        Map<Integer, Long> byHour = monthCases.stream()
                .collect(Collectors.groupingBy(row -> hour(row, "opened_at"), TreeMap::new, Collectors.counting()));
        int peak = byHour.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(peak).isBetween(9, 13);
        assertThat(byHour.get(4)).isLessThan(byHour.get(11) / 8);
    }

    @Test
    void phoneContactsComeInBusinessHoursAndOnlineOnesAroundTheClock() {
        List<Row> phone = quarterContacts.stream().filter(row -> row.get("channel").equals("PHONE")).toList();
        List<Row> online = quarterContacts.stream().filter(row -> row.get("channel").equals("WEB")).toList();

        assertThat(share(phone, row -> hour(row, "started_at") < 7)).isLessThan(0.05);
        assertThat(share(phone, row -> hour(row, "started_at") >= 8 && hour(row, "started_at") < 18))
                .isGreaterThan(0.75);
        assertThat(share(online, row -> hour(row, "started_at") >= 18 || hour(row, "started_at") < 7))
                .isGreaterThan(0.25);
    }

    @Test
    void channelMixDriftsTowardDigitalAcrossTheRange() {
        List<Row> firstWeeks = quarterContacts.stream()
                .filter(row -> date(row, "started_at").isBefore(LocalDate.of(2026, 8, 15))).toList();
        List<Row> lastWeeks = quarterContacts.stream()
                .filter(row -> date(row, "started_at").isAfter(LocalDate.of(2026, 10, 15))).toList();

        assertThat(share(lastWeeks, row -> DIGITAL.contains(row.get("channel"))))
                .isGreaterThan(share(firstWeeks, row -> DIGITAL.contains(row.get("channel"))) + 0.04);
        assertThat(share(firstWeeks, row -> row.get("channel").equals("PHONE"))).isBetween(0.50, 0.58);
        assertThat(share(lastWeeks, row -> row.get("channel").equals("PHONE"))).isBetween(0.42, 0.49);
        assertThat(quarterContacts.stream().map(row -> row.get("channel")).distinct())
                .containsExactlyInAnyOrder("PHONE", "WEB", "MOBILE_APP", "EMAIL", "CHAT", "SOCIAL", "WALK_IN", "MAIL",
                        "OTHER");
    }

    @Test
    void contactsHaveRealisticQueuesPerChannel() {
        List<Row> phone = quarterContacts.stream().filter(row -> row.get("channel").equals("PHONE")).toList();
        assertThat(share(phone, row -> row.get("abandoned").equals("true"))).isBetween(0.05, 0.12);
        List<Integer> answered = phone.stream().filter(row -> row.get("abandoned").equals("false"))
                .map(row -> Integer.parseInt(row.get("wait_seconds"))).sorted().toList();
        assertThat(answered.get(answered.size() / 2)).isBetween(20, 90);
        assertThat(answered.get(answered.size() * 99 / 100)).isGreaterThan(300);
        // an abandoned call's wait is the time until the caller gave up, and a few lost their timing
        assertThat(phone).anyMatch(row -> row.get("abandoned").equals("true") && row.has("wait_seconds"))
                .anyMatch(row -> row.get("abandoned").equals("true") && !row.has("wait_seconds"));

        for (String channel : List.of("WEB", "MOBILE_APP", "EMAIL", "SOCIAL", "MAIL")) {
            assertThat(quarterContacts.stream().filter(row -> row.get("channel").equals(channel)))
                    .as(channel).allMatch(row -> !row.has("wait_seconds") && row.get("abandoned").equals("false"));
        }
        List<Integer> walkIns = quarterContacts.stream().filter(row -> row.get("channel").equals("WALK_IN"))
                .filter(row -> row.has("wait_seconds")).map(row -> Integer.parseInt(row.get("wait_seconds")))
                .sorted().toList();
        assertThat(walkIns.get(walkIns.size() / 2)).isBetween(300, 900);
        assertThat(share(quarterContacts, row -> row.has("case_id"))).isBetween(0.10, 0.25);
    }

    @Test
    void casesHaveABacklogMixedOutcomesAndDueTimesWhereTheSourceHasThem() {
        assertThat(share(monthCases, row -> row.get("status").equals("OPEN"))).isBetween(0.02, 0.20);
        List<Row> closed = monthCases.stream().filter(row -> row.get("status").equals("CLOSED")).toList();
        assertThat(share(closed, row -> row.get("outcome").equals("RESOLVED"))).isBetween(0.75, 0.92);
        assertThat(share(closed, row -> row.get("outcome").equals("DUPLICATE"))).isBetween(0.02, 0.04);
        assertThat(share(closed, row -> row.get("outcome").equals("CANCELLED"))).isBetween(0.01, 0.03);
        assertThat(closed).anyMatch(row -> row.get("outcome").equals("NOT_RESOLVED"))
                .anyMatch(row -> row.get("outcome").equals("REFERRED"))
                .anyMatch(row -> row.get("outcome").isEmpty());
        assertThat(share(closed, row -> !row.get("reopened_count").equals("0"))).isBetween(0.01, 0.08);
        assertThat(monthCases).anyMatch(row -> row.get("reopened_count").equals("2"));
        assertThat(monthCases).anyMatch(row -> row.get("first_contact_resolution").equals("true"))
                .anyMatch(row -> row.get("first_contact_resolution").equals("false"))
                .anyMatch(row -> row.get("first_contact_resolution").isEmpty());

        Map<String, DueTime> dueTimes = FeedGenerator.catalogue().stream()
                .flatMap(department -> department.services().stream()
                        .map(service -> Map.entry(department.code() + "/" + service.name(), service.dueTime())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (Row row : monthCases) {
            DueTime dueTime = dueTimes.get(row.get("department") + "/" + row.get("service"));
            assertThat(row.has("due_at")).as("%s", row).isEqualTo(dueTime == DueTime.IN_FEED);
        }
        Row withDue = monthCases.stream().filter(row -> row.has("due_at")).findFirst().orElseThrow();
        Duration closeWithin = FeedGenerator.catalogue().stream()
                .filter(department -> department.code().equals(withDue.get("department")))
                .flatMap(department -> department.services().stream())
                .filter(service -> service.name().equals(withDue.get("service"))).findFirst().orElseThrow()
                .closeWithin();
        assertThat(Duration.between(instant(withDue, "opened_at"), instant(withDue, "due_at")))
                .isEqualTo(closeWithin);
    }

    @Test
    void someDepartmentsAreClearlySlowerThanOthers() {
        Map<String, Double> medianHours = medianCloseHoursBy(monthCases, row -> row.get("department"));
        assertThat(medianHours.get("NYPD")).isLessThan(6);
        assertThat(medianHours.get("HPD")).isGreaterThan(medianHours.get("SAN") * 3);
        assertThat(medianHours.get("DOB")).isGreaterThan(medianHours.get("DEP") * 5);
    }

    @Test
    void twoDistrictsAreFarBelowTheCity() {
        Map<String, Double> onTime = monthCases.stream()
                .filter(row -> row.has("due_at") && row.get("status").equals("CLOSED"))
                .collect(Collectors.groupingBy(row -> row.has("district") ? row.get("district") : "UNKNOWN",
                        TreeMap::new, Collectors.averagingDouble(row -> onTime(row) ? 1 : 0)));
        double city = monthCases.stream().filter(row -> row.has("due_at") && row.get("status").equals("CLOSED"))
                .mapToDouble(row -> onTime(row) ? 1 : 0).average().orElseThrow();

        assertThat(onTime.get("CD09")).isLessThan(city - 0.08);
        assertThat(onTime.get("CD05")).isLessThan(city - 0.04);
        assertThat(onTime.entrySet().stream().filter(entry -> entry.getValue() < city - 0.03).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("CD05", "CD09");
        assertThat(median(closeHours(monthCases.stream().filter(row -> row.get("district").equals("CD09")).toList())))
                .isGreaterThan(median(closeHours(monthCases)) * 1.2);
        assertThat(share(monthCases, row -> !row.has("district"))).isBetween(0.01, 0.03);
        assertThat(share(quarterContacts, row -> !row.has("district"))).isBetween(0.01, 0.03);
    }

    @Test
    void surveysAnswerSomeQuestionsAndScoresFollowTheService() {
        assertThat(share(monthSurveys, row -> row.has("case_id"))).isBetween(0.7, 0.95);
        assertThat(share(monthSurveys, row -> !(row.has("csat") && row.has("nps") && row.has("ces"))))
                .isBetween(0.1, 0.3);
        assertThat(share(monthSurveys, row -> row.get("language").equals("es"))).isBetween(0.18, 0.32);
        assertThat(monthSurveys).anyMatch(row -> !row.has("case_id") && !row.has("service"));

        Map<String, Double> csat = monthSurveys.stream().filter(row -> row.has("csat"))
                .collect(Collectors.groupingBy(row -> row.get("department"),
                        Collectors.averagingInt(row -> Integer.parseInt(row.get("csat")))));
        assertThat(csat.get("LIB")).isGreaterThan(csat.get("HPD") + 0.4);
        double slowCsat = monthSurveys.stream().filter(row -> row.has("csat") && row.get("district").equals("CD09"))
                .mapToInt(row -> Integer.parseInt(row.get("csat"))).average().orElseThrow();
        double cityCsat = monthSurveys.stream().filter(row -> row.has("csat"))
                .mapToInt(row -> Integer.parseInt(row.get("csat"))).average().orElseThrow();
        assertThat(slowCsat).isLessThan(cityCsat - 0.15);
    }

    @Test
    void commentsAreFreeTextInBothLanguagesAndSomeCarryPersonalData() {
        List<String> comments = monthSurveys.stream().filter(row -> row.has("comment"))
                .map(row -> row.get("comment")).toList();
        assertThat((double) comments.size() / monthSurveys.size()).isBetween(0.3, 0.5);
        assertThat(comments).anyMatch(Pattern.compile("[\\w.]+@[\\w.]+\\.(com|net|org)").asPredicate())
                .anyMatch(Pattern.compile("\\(\\d{3}\\) \\d{3}-\\d{4}").asPredicate())
                .anyMatch(Pattern.compile("\\b\\d{2,4} [A-Z][\\w ]*(St|Ave|Street|Avenue|Blvd|Pkwy|Place)\\b")
                        .asPredicate())
                .anyMatch(comment -> comment.contains(","))
                .anyMatch(comment -> comment.contains("\""))
                .anyMatch(comment -> comment.contains("\n"));
        assertThat(monthSurveys.stream().filter(row -> row.get("language").equals("es") && row.has("comment")))
                .anyMatch(row -> row.get("comment").matches(".*[áéíóúñ].*"));
    }

    private static Map<String, Double> medianCloseHoursBy(List<Row> cases,
            Function<Row, String> key) {
        return cases.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), rows -> median(closeHours(rows)))));
    }

    private static List<Double> closeHours(List<Row> cases) {
        List<Double> hours = new ArrayList<>();
        for (Row row : cases) {
            if (row.get("status").equals("CLOSED")
                    && !List.of("DUPLICATE", "CANCELLED").contains(row.get("outcome"))) {
                hours.add(Duration.between(instant(row, "opened_at"), instant(row, "closed_at")).toSeconds() / 3600.0);
            }
        }
        return hours;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static boolean onTime(Row row) {
        return !instant(row, "closed_at").isAfter(instant(row, "due_at"));
    }

    private static double share(List<Row> rows, Predicate<Row> predicate) {
        return (double) rows.stream().filter(predicate).count() / rows.size();
    }

    private static Instant instant(Row row, String column) {
        return GeneratedFeeds.instant(row.get(column), ZONE);
    }

    private static LocalDate date(Row row, String column) {
        return instant(row, column).atZone(ZONE).toLocalDate();
    }

    private static int hour(Row row, String column) {
        return instant(row, column).atZone(ZONE).getHour();
    }
}
