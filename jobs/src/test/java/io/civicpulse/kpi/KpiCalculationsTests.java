package io.civicpulse.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.civicpulse.feeds.FeedColumns;
import io.civicpulse.support.SparkTestSession;

class KpiCalculationsTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    final SparkSession spark = SparkTestSession.get();

    KpiParameters parameters(LocalDate from, LocalDate to) {
        return new KpiParameters(from, to, NEW_YORK, Map.of("PHONE", 30, "CHAT", 60), List.of(), List.of(), 0);
    }

    @Test
    void contactsAreCountedInEverySliceOfEveryGrainOfTheCoveredPeriods() {
        // given three contacts on one Tuesday, two departments, two channels, one without district
        Dataset<Row> contacts = contacts(
                contact("c1", "SAN", "PHONE", at(MONDAY.plusDays(1), 9), 20L, false, "CD01"),
                contact("c2", "SAN", "WEB", at(MONDAY.plusDays(1), 10), null, false, "CD02"),
                contact("c3", "DOT", "PHONE", at(MONDAY.plusDays(1), 23), 45L, false, "UNKNOWN"));

        // when
        List<Row> rows = KpiCalculations.contactKpis(contacts, parameters(MONDAY.plusDays(1), MONDAY.plusDays(1)))
                .filter("kpi = 'CONTACTS'").collectAsList();

        // then
        assertThat(value(rows, "DAY", MONDAY.plusDays(1), "*", "*", "*", "*")).contains(3.0);
        assertThat(value(rows, "WEEK", MONDAY, "*", "*", "*", "*")).contains(3.0);
        assertThat(value(rows, "MONTH", LocalDate.of(2026, 3, 1), "SAN", "*", "*", "*")).contains(2.0);
        assertThat(value(rows, "QUARTER", LocalDate.of(2026, 1, 1), "*", "*", "PHONE", "*")).contains(2.0);
        assertThat(value(rows, "DAY", MONDAY.plusDays(1), "SAN", "*", "WEB", "*")).contains(1.0);
        assertThat(value(rows, "DAY", MONDAY.plusDays(1), "DOT", "*", "*", "UNKNOWN")).contains(1.0);
        // contacts have no service, so no department_service rows; no slice is zero-filled
        assertThat(rows).noneMatch(r -> !r.getAs("service").equals("*"));
        assertThat(value(rows, "DAY", MONDAY.plusDays(1), "DOT", "*", "WEB", "*")).isEmpty();
        // 4 grains x (1 city + 2 departments + 2 channels + 3 department-channels + 3 districts + 3 dept-districts)
        assertThat(rows).hasSize(4 * 14);
    }

    @Test
    void aContactIsCountedOnTheLocalDateOfItsStartInTheCityTimeZone() {
        // given a contact at 23:30 local time, which is already the next day in UTC
        Instant lateEvening = LocalDateTime.of(2026, 3, 3, 23, 30).atZone(NEW_YORK).toInstant();
        Dataset<Row> contacts = contacts(contact("c1", "SAN", "PHONE", lateEvening, 5L, false, "CD01"));

        // when
        List<Row> rows = KpiCalculations.contactKpis(contacts, parameters(MONDAY, MONDAY.plusDays(6)))
                .filter("kpi = 'CONTACTS' and grain = 'DAY'").collectAsList();

        // then
        assertThat(rows).allMatch(r -> r.getAs("period_start").equals(LocalDate.of(2026, 3, 3)));
    }

    @Test
    void onlyPeriodsContainingADateOfTheRangeAreComputed() {
        // given contacts on Monday and on the following Monday
        Dataset<Row> contacts = contacts(
                contact("c1", "SAN", "PHONE", at(MONDAY, 9), 5L, false, "CD01"),
                contact("c2", "SAN", "PHONE", at(MONDAY.plusWeeks(1), 9), 5L, false, "CD01"));

        // when the range is the first Monday only
        List<Row> rows = KpiCalculations.contactKpis(contacts, parameters(MONDAY, MONDAY))
                .filter("kpi = 'CONTACTS' and department = '*' and channel = '*' and district = '*'")
                .collectAsList();

        // then the day and week hold one contact, the month and quarter both (they contain the range)
        assertThat(value(rows, "DAY", MONDAY, "*", "*", "*", "*")).contains(1.0);
        assertThat(value(rows, "WEEK", MONDAY, "*", "*", "*", "*")).contains(1.0);
        assertThat(value(rows, "MONTH", LocalDate.of(2026, 3, 1), "*", "*", "*", "*")).contains(2.0);
        assertThat(value(rows, "DAY", MONDAY.plusWeeks(1), "*", "*", "*", "*")).isEmpty();
        assertThat(rows).hasSize(4);
    }

    @Test
    void aKpiWhoseSetIsEmptyHasNoRowRatherThanADivisionByZero() {
        // given only web contacts: nothing queued, so no service level, abandon rate or wait
        Dataset<Row> contacts = contacts(
                contact("c1", "SAN", "WEB", at(MONDAY, 9), null, false, "CD01"),
                contact("c2", "SAN", "WEB", at(MONDAY, 10), null, false, "CD01"));

        // when every KPI is computed
        List<Row> rows = KpiCalculations.compute(contacts, cases(), surveys(), parameters(MONDAY, MONDAY))
                .filter("grain = 'DAY' and department = '*' and channel = '*' and district = '*'")
                .collectAsList();

        // then
        assertThat(rows).extracting(r -> r.<String>getAs("kpi"))
                .containsExactlyInAnyOrder("CONTACTS", "DIGITAL_SHARE");
        assertThat(value(rows, "DIGITAL_SHARE", "DAY", MONDAY)).contains(1.0);
    }

    @Test
    void serviceLevelCountsAnsweredWithinTheChannelThresholdAndAbandonRateCountsQueuedContacts() {
        // given phone contacts answered in 10 s and 40 s, one abandoned after 5 s, one abandoned without a wait,
        // and a chat answered in 50 s (threshold 60 s)
        Dataset<Row> contacts = contacts(
                contact("c1", "SAN", "PHONE", at(MONDAY, 9), 10L, false, "CD01"),
                contact("c2", "SAN", "PHONE", at(MONDAY, 9), 40L, false, "CD01"),
                contact("c3", "SAN", "PHONE", at(MONDAY, 9), 5L, true, "CD01"),
                contact("c4", "SAN", "PHONE", at(MONDAY, 9), null, true, "CD01"),
                contact("c5", "SAN", "CHAT", at(MONDAY, 9), 50L, false, "CD01"));

        // when
        List<Row> rows = KpiCalculations.contactKpis(contacts, parameters(MONDAY, MONDAY))
                .filter("grain = 'DAY' and department = '*' and district = '*'").collectAsList();

        // then
        Row serviceLevel = rows.stream().filter(r -> r.getAs("kpi").equals("SERVICE_LEVEL") && isCity(r))
                .findFirst().orElseThrow();
        assertThat(serviceLevel.<Long>getAs("numerator")).isEqualTo(2);
        assertThat(serviceLevel.<Long>getAs("denominator")).isEqualTo(5);
        Row abandon = rows.stream().filter(r -> r.getAs("kpi").equals("ABANDON_RATE") && isCity(r))
                .findFirst().orElseThrow();
        assertThat(abandon.<Double>getAs("value")).isEqualTo(2.0 / 5);
        Row phoneWait = rows.stream().filter(r -> r.getAs("kpi").equals("WAIT_MEDIAN_SECONDS")
                && r.getAs("channel").equals("PHONE")).findFirst().orElseThrow();
        assertThat(phoneWait.<Double>getAs("value")).isEqualTo(25.0);
        Row share = rows.stream().filter(r -> r.getAs("kpi").equals("CHANNEL_SHARE")
                && r.getAs("channel").equals("CHAT")).findFirst().orElseThrow();
        assertThat(share.<Double>getAs("value")).isEqualTo(1.0 / 5);
        assertThat(share.<Long>getAs("sample_size")).isEqualTo(5);
    }

    @Test
    void casesOpenedAndClosedAreCountedByTheirOwnDates() {
        // given a case opened Monday and closed Wednesday, and one opened Tuesday still open
        Dataset<Row> cases = cases(
                caseRow("k1", "SAN", "Bulky Items", at(MONDAY, 8), at(MONDAY.plusDays(2), 8), "RESOLVED"),
                caseRow("k2", "SAN", "Bulky Items", at(MONDAY.plusDays(1), 8), null, null));

        // when
        List<Row> rows = KpiCalculations.caseKpis(cases, parameters(MONDAY, MONDAY.plusDays(6)))
                .filter("department = 'SAN' and service = 'Bulky Items'").collectAsList();

        // then
        assertThat(value(rows, "CASES_OPENED", "DAY", MONDAY)).contains(1.0);
        assertThat(value(rows, "CASES_OPENED", "DAY", MONDAY.plusDays(1))).contains(1.0);
        assertThat(value(rows, "CASES_OPENED", "WEEK", MONDAY)).contains(2.0);
        assertThat(value(rows, "CASES_CLOSED", "DAY", MONDAY.plusDays(2))).contains(1.0);
        assertThat(value(rows, "CASES_CLOSED", "DAY", MONDAY)).isEmpty();
        assertThat(value(rows, "CASES_CLOSED", "WEEK", MONDAY)).contains(1.0);
    }

    @Test
    void closeMedianHoursInterpolatesAndLeavesOutCancelledAndDuplicateCases() {
        // given four cases closed the same day after 10, 20, 30 and 40 hours; the 40-hour one was cancelled
        LocalDate closedOn = MONDAY.plusDays(3);
        Instant closed = at(closedOn, 20);
        Dataset<Row> cases = cases(
                caseRow("k1", "SAN", "Missed Collection", closed.minus(Duration.ofHours(10)), closed, "RESOLVED"),
                caseRow("k2", "SAN", "Missed Collection", closed.minus(Duration.ofHours(20)), closed, "NOT_RESOLVED"),
                caseRow("k3", "SAN", "Missed Collection", closed.minus(Duration.ofHours(30)), closed, "RESOLVED"),
                caseRow("k4", "SAN", "Missed Collection", closed.minus(Duration.ofHours(40)), closed, "CANCELLED"));

        // when
        List<Row> rows = KpiCalculations.caseKpis(cases, parameters(closedOn, closedOn))
                .filter("grain = 'DAY' and department = '*' and channel = '*' and district = '*'").collectAsList();

        // then the median of 10, 20, 30 is 20 and the 90th percentile 28 (linear interpolation)
        Row median = row(rows, "CLOSE_MEDIAN_HOURS", "DAY", closedOn).orElseThrow();
        assertThat(median.<Double>getAs("value")).isCloseTo(20.0, within(1e-9));
        assertThat(median.<Long>getAs("sample_size")).isEqualTo(3);
        assertThat(value(rows, "CLOSE_P90_HOURS", "DAY", closedOn).orElseThrow()).isCloseTo(28.0, within(1e-9));
        // the cancelled case still counts as closed
        assertThat(value(rows, "CASES_CLOSED", "DAY", closedOn)).contains(4.0);
    }

    @Test
    void elapsedHoursAreExactAcrossTheDaylightSavingChange() {
        // given a case opened before the spring-forward night and closed 24 local-clock hours later: 23 real hours
        Instant opened = LocalDateTime.of(2026, 3, 7, 12, 0).atZone(NEW_YORK).toInstant();
        Instant closed = LocalDateTime.of(2026, 3, 8, 12, 0).atZone(NEW_YORK).toInstant();
        Dataset<Row> cases = cases(caseRow("k1", "DOT", "Pothole", opened, closed, "RESOLVED"));

        // when
        List<Row> rows = KpiCalculations.caseKpis(cases, parameters(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8)))
                .filter("department = '*' and channel = '*' and district = '*'").collectAsList();

        // then
        assertThat(value(rows, "CLOSE_MEDIAN_HOURS", "DAY", LocalDate.of(2026, 3, 8)).orElseThrow())
                .isCloseTo(23.0, within(1e-9));
    }

    @Test
    void backlogCountsCasesOpenAtEachPeriodsEndAndThoseAlreadyOverdue() {
        // given a case open across the week and overdue from Wednesday, one closed on Tuesday, one opened Friday
        Dataset<Row> cases = cases(
                withDue(caseRow("k1", "SAN", "Bulky Items", at(MONDAY, 8), null, null), at(MONDAY.plusDays(2), 8)),
                caseRow("k2", "SAN", "Bulky Items", at(MONDAY, 9), at(MONDAY.plusDays(1), 9), "RESOLVED"),
                caseRow("k3", "DOT", "Pothole", at(MONDAY.plusDays(4), 9), null, null));

        // when the run covers Monday to Friday
        List<Row> rows = KpiCalculations.caseKpis(cases, parameters(MONDAY, MONDAY.plusDays(4)))
                .filter("department = '*' and channel = '*' and district = '*'").collectAsList();

        // then Monday ends with k1 and k2 open, Tuesday with k1 only, Friday with k1 (overdue) and k3
        assertThat(value(rows, "BACKLOG_OPEN", "DAY", MONDAY)).contains(2.0);
        assertThat(value(rows, "BACKLOG_OVERDUE", "DAY", MONDAY)).contains(0.0);
        assertThat(value(rows, "BACKLOG_OPEN", "DAY", MONDAY.plusDays(1))).contains(1.0);
        assertThat(value(rows, "BACKLOG_OPEN", "DAY", MONDAY.plusDays(4))).contains(2.0);
        assertThat(value(rows, "BACKLOG_OVERDUE", "DAY", MONDAY.plusDays(4))).contains(1.0);
        // the week ends after the run's last day, so it is measured at the midnight after Friday
        Row week = row(rows, "BACKLOG_OVERDUE", "WEEK", MONDAY).orElseThrow();
        assertThat(week.<Double>getAs("value")).isEqualTo(1.0);
        assertThat(week.<Long>getAs("sample_size")).isEqualTo(2);
    }

    @Test
    void backlogEqualsItsDefinitionAtEveryPeriodEndForRandomCasesAcrossAClockChange() {
        // given 400 random cases opened up to four months before the run and a little after it, some still open,
        // some closed after the run's last day, some opened, closed or due at exactly a local midnight
        LocalDate from = LocalDate.of(2026, 1, 20);
        LocalDate to = LocalDate.of(2026, 3, 10); // spans the spring clock change of 2026-03-08
        java.util.Random random = new java.util.Random(7);
        List<Row> rows = new ArrayList<>();
        List<Instant[]> times = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            LocalDate openedDay = from.minusDays(120).plusDays(random.nextInt(175));
            Instant opened = random.nextInt(8) == 0 ? openedDay.atStartOfDay(NEW_YORK).toInstant()
                    : openedDay.atStartOfDay(NEW_YORK).toInstant().plusSeconds(random.nextInt(86_400));
            Instant closed = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> opened.atZone(NEW_YORK).toLocalDate().plusDays(1 + random.nextInt(60))
                        .atStartOfDay(NEW_YORK).toInstant();
                default -> opened.plusSeconds(random.nextInt(90 * 86_400));
            };
            Instant due = random.nextInt(3) == 0 ? null : random.nextBoolean()
                    ? opened.atZone(NEW_YORK).toLocalDate().plusDays(random.nextInt(40)).atStartOfDay(NEW_YORK)
                            .toInstant()
                    : opened.plusSeconds(random.nextInt(40 * 86_400));
            rows.add(withDue(caseRow("k" + i, "SAN", "Bulky Items", opened, closed, closed == null ? null
                    : "RESOLVED"), due));
            times.add(new Instant[] { opened, closed, due });
        }
        KpiParameters p = parameters(from, to);

        // when
        List<Row> result = KpiCalculations.backlog(KpiCalculations.withDueTime(cases(rows.toArray(Row[]::new)), p),
                p).filter("department = '*' and service = '*' and channel = '*' and district = '*'").collectAsList();

        // then every covered period's counts are those of kpis.md's definition, evaluated on the instants
        Instant asOf = to.plusDays(1).atStartOfDay(NEW_YORK).toInstant();
        int periods = 0;
        for (Grain grain : Grain.values()) {
            for (LocalDate start = p.firstPeriod(grain); !start.isAfter(p.lastPeriod(grain));
                    start = grain.nextPeriodStart(start), periods++) {
                Instant nextStart = grain.nextPeriodStart(start).atStartOfDay(NEW_YORK).toInstant();
                Instant end = nextStart.isAfter(asOf) ? asOf : nextStart;
                long open = times.stream().filter(t -> t[0].isBefore(end) && (t[1] == null || !t[1].isBefore(end)))
                        .count();
                long overdue = times.stream().filter(t -> t[0].isBefore(end)
                        && (t[1] == null || !t[1].isBefore(end)) && t[2] != null && t[2].isBefore(end)).count();
                assertThat(value(result, "BACKLOG_OPEN", grain.name(), start).orElse(0.0))
                        .as("open at the end of %s %s", grain, start).isEqualTo((double) open);
                assertThat(value(result, "BACKLOG_OVERDUE", grain.name(), start).orElse(0.0))
                        .as("overdue at the end of %s %s", grain, start).isEqualTo((double) overdue);
            }
        }
        assertThat(periods).isEqualTo(50 + 8 + 3 + 1);
    }

    @Test
    void csatMeanAveragesOnlyResponsesThatAnsweredIt() {
        // given three responses, one without csat
        Dataset<Row> surveys = surveys(
                survey("s1", "SAN", "PHONE", at(MONDAY, 9), 5, 9, null),
                survey("s2", "SAN", "WEB", at(MONDAY, 10), 2, null, 6),
                survey("s3", "SAN", "WEB", at(MONDAY, 11), null, 10, 7));

        // when
        List<Row> rows = KpiCalculations.surveyKpis(surveys, parameters(MONDAY, MONDAY))
                .filter("grain = 'DAY' and department = '*' and service = '*' and channel = '*' and district = '*'")
                .collectAsList();

        // then
        Row csat = row(rows, "CSAT_MEAN", "DAY", MONDAY).orElseThrow();
        assertThat(csat.<Double>getAs("value")).isCloseTo(3.5, within(1e-12));
        assertThat(csat.<Long>getAs("sample_size")).isEqualTo(2);
        assertThat(value(rows, "SURVEY_RESPONSES", "DAY", MONDAY)).contains(3.0);
    }

    @Test
    void smallSurveyCellsAndDistrictCellsAreSuppressedButCityContactCountsAreNot() {
        // given two responses and two contacts, with a minimum cell size of 10
        Dataset<Row> surveys = surveys(
                survey("s1", "SAN", "PHONE", at(MONDAY, 9), 5, null, null),
                survey("s2", "SAN", "PHONE", at(MONDAY, 9), 4, null, null));
        Dataset<Row> contacts = contacts(
                contact("c1", "SAN", "PHONE", at(MONDAY, 9), 20L, false, "CD01"),
                contact("c2", "SAN", "PHONE", at(MONDAY, 9), 20L, false, "CD01"));
        KpiParameters p = new KpiParameters(MONDAY, MONDAY, NEW_YORK, Map.of(), List.of(),
                List.of(new KpiParameters.Target(Kpi.CSAT_MEAN, 4.0, null, null, 1)), 10);

        // when
        List<Row> rows = KpiCalculations.compute(contacts, cases(), surveys, p)
                .filter("grain = 'DAY'").collectAsList();

        // then
        Row csat = rows.stream().filter(r -> r.getAs("kpi").equals("CSAT_MEAN") && isCity(r)).findFirst().orElseThrow();
        assertThat(csat.<Boolean>getAs("suppressed")).isTrue();
        assertThat(csat.<Double>getAs("value")).isNull();
        assertThat(csat.<Boolean>getAs("meets_target")).isNull();
        assertThat(csat.<Double>getAs("target")).isEqualTo(4.0);
        assertThat(csat.<Long>getAs("sample_size")).isEqualTo(2);
        Row cityContacts = rows.stream().filter(r -> r.getAs("kpi").equals("CONTACTS") && isCity(r)).findFirst()
                .orElseThrow();
        assertThat(cityContacts.<Boolean>getAs("suppressed")).isFalse();
        assertThat(cityContacts.<Double>getAs("value")).isEqualTo(2.0);
        Row districtContacts = rows.stream()
                .filter(r -> r.getAs("kpi").equals("CONTACTS") && r.getAs("district").equals("CD01")
                        && r.getAs("department").equals("*"))
                .findFirst().orElseThrow();
        assertThat(districtContacts.<Boolean>getAs("suppressed")).isTrue();
        // the suppressed CSAT row has no score, so there is no experience score for the city
        assertThat(rows).noneMatch(r -> r.getAs("kpi").equals("EXPERIENCE_SCORE") && isCity(r));
    }

    @Test
    void eachPeriodUsesTheTargetsInForceOnItsFirstDay() {
        // given ON_TIME_RATE 0.8 until Wed Mar 11, 0.6 from then on, and SAN's own 0.9 ended from Tue Mar 10
        LocalDate mar10 = MONDAY.plusDays(8);
        LocalDate mar11 = MONDAY.plusDays(9);
        KpiParameters p = new KpiParameters(MONDAY, mar11.plusDays(7), NEW_YORK, Map.of(), List.of(), List.of(
                new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.8, null, null, 1, null, mar11),
                new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.6, null, null, 2, mar11, null),
                new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.9, "SAN", null, 1, null, mar10)), 0);
        Dataset<Row> measured = spark.createDataFrame(List.of(
                measured("DAY", mar10, "*", 0.7),
                measured("DAY", mar11, "*", 0.7),
                measured("WEEK", MONDAY.plusDays(7), "*", 0.7),
                measured("MONTH", LocalDate.of(2026, 3, 1), "*", 0.7),
                measured("DAY", MONDAY.plusDays(7), "SAN", 0.85),
                measured("DAY", mar10, "SAN", 0.85),
                measured("WEEK", MONDAY.plusDays(14), "SAN", 0.85)), KpiCalculations.MEASURED);

        // when
        List<Row> rows = KpiCalculations.withTargetsAndPrivacy(measured, p).collectAsList();

        // then the week of Mar 9 and March began before the change, so they keep 0.8
        assertThat(target(rows, "DAY", mar10, "*")).containsExactly(0.8, false, 1.0);
        assertThat(target(rows, "DAY", mar11, "*")).containsExactly(0.6, true, 2.0);
        assertThat(target(rows, "WEEK", MONDAY.plusDays(7), "*")).containsExactly(0.8, false, 1.0);
        assertThat(target(rows, "MONTH", LocalDate.of(2026, 3, 1), "*")).containsExactly(0.8, false, 1.0);
        // SAN's own target applies until it ended; then the city-wide one in force applies
        assertThat(target(rows, "DAY", MONDAY.plusDays(7), "SAN")).containsExactly(0.9, false, 1.0);
        assertThat(target(rows, "DAY", mar10, "SAN")).containsExactly(0.8, true, 1.0);
        assertThat(target(rows, "WEEK", MONDAY.plusDays(14), "SAN")).containsExactly(0.6, true, 2.0);
    }

    @Test
    void aPeriodBeforeEveryTargetOfItsKpiHasNone() {
        // given a target that comes into force on Mar 3
        KpiParameters p = new KpiParameters(MONDAY, MONDAY.plusDays(1), NEW_YORK, Map.of(), List.of(), List.of(
                new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.8, null, null, 1, MONDAY.plusDays(1), null)), 0);
        Dataset<Row> measured = spark.createDataFrame(List.of(measured("DAY", MONDAY, "*", 0.7),
                measured("DAY", MONDAY.plusDays(1), "*", 0.7)), KpiCalculations.MEASURED);

        // when
        List<Row> rows = KpiCalculations.withTargetsAndPrivacy(measured, p).collectAsList();

        // then
        assertThat(target(rows, "DAY", MONDAY, "*")).containsExactly(null, null, null);
        assertThat(target(rows, "DAY", MONDAY.plusDays(1), "*")).containsExactly(0.8, false, 1.0);
    }

    // ------------------------------------------------------------------------------------------- fixtures

    static Row measured(String grain, LocalDate period, String department, double value) {
        return RowFactory.create("ON_TIME_RATE", grain, period, department, "*", "*", "*", value, 7L, 10L, 10L);
    }

    /** target, meets_target and the target's weight of the ON_TIME_RATE row of that grain, period and department. */
    static List<Object> target(List<Row> rows, String grain, LocalDate period, String department) {
        List<Row> matches = rows.stream().filter(r -> r.getAs("grain").equals(grain)
                && r.getAs("period_start").equals(period) && r.getAs("department").equals(department)).toList();
        assertThat(matches).as("%s %s %s", grain, period, department).hasSize(1);
        Row row = matches.getFirst();
        return java.util.Arrays.asList(row.getAs("target"), row.getAs("meets_target"), row.getAs("_weight"));
    }

    static Instant at(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(NEW_YORK).toInstant();
    }

    static boolean isCity(Row r) {
        return r.getAs("department").equals("*") && r.getAs("service").equals("*") && r.getAs("channel").equals("*")
                && r.getAs("district").equals("*");
    }

    Dataset<Row> contacts(Row... rows) {
        return spark.createDataFrame(List.of(rows), FeedColumns.CONTACTS);
    }

    Dataset<Row> cases(Row... rows) {
        return spark.createDataFrame(List.of(rows), FeedColumns.CASES);
    }

    Dataset<Row> surveys(Row... rows) {
        return spark.createDataFrame(List.of(rows), FeedColumns.SURVEYS);
    }

    static Row contact(String id, String department, String channel, Instant startedAt, Long wait, boolean abandoned,
            String district) {
        return RowFactory.create(id, department, channel, startedAt, startedAt.atZone(NEW_YORK).toLocalDate(), wait,
                null, abandoned, district, null);
    }

    static Row caseRow(String id, String department, String service, Instant openedAt, Instant closedAt,
            String outcome) {
        return RowFactory.create(id, department, service, "PHONE", "CD01", openedAt,
                openedAt.atZone(NEW_YORK).toLocalDate(), closedAt,
                closedAt == null ? null : closedAt.atZone(NEW_YORK).toLocalDate(), null,
                closedAt == null ? "OPEN" : "CLOSED", outcome, 0, null);
    }

    static Row withDue(Row c, Instant dueAt) {
        Object[] values = new Object[c.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = c.get(i);
        }
        values[FeedColumns.CASES.fieldIndex("due_at")] = dueAt;
        return RowFactory.create(values);
    }

    static Row survey(String id, String department, String channel, Instant submittedAt, Integer csat, Integer nps,
            Integer ces) {
        return RowFactory.create(id, department, channel, submittedAt, submittedAt.atZone(NEW_YORK).toLocalDate(),
                "Bulky Items", "CD01", null, csat, nps, ces, null, "en");
    }

    static Optional<Double> value(List<Row> rows, String grain, LocalDate period, String department, String service,
            String channel, String district) {
        List<Row> matches = new ArrayList<>(rows.stream().filter(r -> r.getAs("grain").equals(grain)
                && r.getAs("period_start").equals(period) && r.getAs("department").equals(department)
                && r.getAs("service").equals(service) && r.getAs("channel").equals(channel)
                && r.getAs("district").equals(district)).toList());
        assertThat(matches).hasSizeLessThanOrEqualTo(1);
        return matches.stream().findFirst().map(r -> r.<Double>getAs("value"));
    }

    static Optional<Row> row(List<Row> rows, String kpi, String grain, LocalDate period) {
        List<Row> matches = rows.stream().filter(r -> r.getAs("kpi").equals(kpi) && r.getAs("grain").equals(grain)
                && r.getAs("period_start").equals(period)).toList();
        assertThat(matches).as("rows of %s %s %s", kpi, grain, period).hasSizeLessThanOrEqualTo(1);
        return matches.stream().findFirst();
    }

    static Optional<Double> value(List<Row> rows, String kpi, String grain, LocalDate period) {
        return row(rows, kpi, grain, period).map(r -> r.<Double>getAs("value"));
    }

    @Test
    void theExperienceScoreIsTheSameToTheLastDigitWhateverOrderItsScoresArriveIn() {
        // given three scores of one slice whose floating-point sum depends on the order it is taken in
        org.apache.spark.sql.types.StructType schema = KpiCalculations.MEASURED
                .add("target", org.apache.spark.sql.types.DataTypes.DoubleType)
                .add("meets_target", org.apache.spark.sql.types.DataTypes.BooleanType)
                .add("score", org.apache.spark.sql.types.DataTypes.DoubleType)
                .add("suppressed", org.apache.spark.sql.types.DataTypes.BooleanType, false)
                .add("_weight", org.apache.spark.sql.types.DataTypes.DoubleType);
        List<Row> scored = List.of(
                RowFactory.create("ABANDON_RATE", "DAY", MONDAY, "*", "*", "*", "*", 0.1, 1L, 10L, 10L, 0.1, true,
                        0.1, false, 1.0),
                RowFactory.create("CSAT_MEAN", "DAY", MONDAY, "*", "*", "*", "*", 4.0, null, null, 10L, 4.0, true,
                        0.2, false, 1.0),
                RowFactory.create("NPS", "DAY", MONDAY, "*", "*", "*", "*", 20.0, null, null, 10L, 20.0, true, 0.3,
                        false, 1.0));
        List<Row> reversed = new ArrayList<>(scored);
        java.util.Collections.reverse(reversed);
        assertThat((0.1 + 0.2) + 0.3).isNotEqualTo((0.3 + 0.2) + 0.1);

        // when the scores arrive in one order and in the other, in one partition each
        double forward = experience(spark.createDataFrame(scored, schema).coalesce(1));
        double backward = experience(spark.createDataFrame(reversed, schema).coalesce(1));

        // then both are the weighted mean added up in KPI order
        assertThat(forward).isEqualTo(backward).isEqualTo(((0.1 + 0.2) + 0.3) / 3.0);
    }

    private static double experience(Dataset<Row> scored) {
        return KpiCalculations.withExperienceScore(scored).filter("kpi = 'EXPERIENCE_SCORE'").collectAsList()
                .getFirst().<Double>getAs("value");
    }
}
