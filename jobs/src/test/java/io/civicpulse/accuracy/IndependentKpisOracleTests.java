package io.civicpulse.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.support.IndependentKpis;
import io.civicpulse.support.IndependentKpis.Key;
import io.civicpulse.support.IndependentKpis.Row;
import io.civicpulse.support.IndependentKpis.Settings;

/**
 * Checks the oracle itself against values worked out by hand from the hand-written edge cases alone (no generated
 * rows), so that the accuracy test's agreement between oracle and Spark means agreement with kpis.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndependentKpisOracleTests {

    private static final LocalDate FROM = LocalDate.of(2026, 2, 23);
    private static final LocalDate TO = LocalDate.of(2026, 4, 5);

    private Map<Key, Row> unsuppressed;
    private Map<Key, Row> suppressed;

    @BeforeAll
    void computeTheEdgeCases(@TempDir Path folder) throws IOException {
        for (String name : AccuracyDataset.RESOURCES) {
            try (InputStream in = getClass().getResourceAsStream("/accuracy/" + name)) {
                Files.copy(in, folder.resolve(name));
            }
        }
        Map<String, Integer> thresholds = Map.of("PHONE", 45, "EMAIL", 3600);
        unsuppressed = new IndependentKpis(new Settings(AccuracyDataset.ZONE, FROM, TO, 0, thresholds,
                AccuracyDataset.SERVICE_LEVELS, AccuracyIntegrationTests.TARGETS)).computeAll(folder);
        suppressed = new IndependentKpis(new Settings(AccuracyDataset.ZONE, FROM, TO, 5, thresholds,
                AccuracyDataset.SERVICE_LEVELS, AccuracyIntegrationTests.TARGETS)).computeAll(folder);
    }

    @Test
    void contactRatesCountQueuedContactsAndServiceLevelOnlyChannelsWithAThreshold() {
        // given SAN's contacts of 2026-03-02: PHONE abandoned without wait / after 20 s / at once, PHONE answered
        // at once, SOCIAL queued 100 s, SOCIAL abandoned, MAIL without a queue
        LocalDate day = LocalDate.of(2026, 3, 2);

        // then
        assertThat(row("CONTACTS", day, "SAN", "*", "*").value()).isEqualTo(7.0);
        assertRate(row("DIGITAL_SHARE", day, "SAN", "*", "*"), 2, 7);
        assertRate(row("CHANNEL_SHARE", day, "SAN", "PHONE", "*"), 4, 7);
        assertThat(row("CHANNEL_SHARE", day, "SAN", "PHONE", "*").sampleSize()).isEqualTo(7);
        assertRate(row("ABANDON_RATE", day, "SAN", "*", "*"), 4, 6);
        assertRate(row("SERVICE_LEVEL", day, "SAN", "*", "*"), 1, 4);
        assertThat(row("SERVICE_LEVEL", day, "SAN", "*", "*").target()).isNull();
        assertThat(unsuppressed).doesNotContainKey(key("SERVICE_LEVEL", "DAY", day, "SAN", "*", "SOCIAL", "*"));
        assertRate(row("ABANDON_RATE", day, "SAN", "SOCIAL", "*"), 1, 2);
        assertThat(row("WAIT_MEDIAN_SECONDS", day, "SAN", "*", "*").value()).isEqualTo(50.0);
        assertThat(row("WAIT_P90_SECONDS", day, "SAN", "*", "*").value()).isEqualTo(90.0, within(1e-12));
        assertThat(row("WAIT_MEDIAN_SECONDS", day, "SAN", "*", "*").score()).isEqualTo(0.8, within(1e-12));
        assertThat(unsuppressed).doesNotContainKey(key("WAIT_MEDIAN_SECONDS", "DAY", day, "SAN", "*", "MAIL", "*"));
    }

    @Test
    void theSpringGapMovesLocalTimesForwardAndThresholdsAreInclusive() {
        // given 2026-03-08: PHONE 45 s (02:30, in the gap), PHONE 46 s, CHAT 60 s at 01:59:59, DOT CHAT 61 s at
        // 07:00Z, HOUSING PHONE 12 s (a later file's row for EC05), WALK_IN 900 s
        LocalDate day = LocalDate.of(2026, 3, 8);

        // then
        assertRate(row("SERVICE_LEVEL", day, "SAN", "PHONE", "*"), 1, 2);
        assertRate(row("SERVICE_LEVEL", day, "SAN", "CHAT", "*"), 1, 1);
        assertRate(row("SERVICE_LEVEL", day, "*", "CHAT", "*"), 1, 2);
        assertRate(row("SERVICE_LEVEL", day, "*", "PHONE", "*"), 2, 3);
        assertRate(row("SERVICE_LEVEL", day, "*", "WALK_IN", "*"), 1, 1);
        // the department+channel target (SAN, CHAT) 0.9 wins over the channel-only one, which is for PHONE
        assertThat(row("SERVICE_LEVEL", day, "SAN", "CHAT", "*").target()).isEqualTo(0.9);
        assertThat(row("SERVICE_LEVEL", day, "SAN", "PHONE", "*").target()).isEqualTo(0.8);
    }

    @Test
    void dueTimesAreExactElapsedTimeAcrossTheSpringChangeAndClosingAtTheDueTimeIsOnTime() {
        // given Bulky Items (P5D) opened 2026-03-06 10:00 EST: due 2026-03-11 11:00 EDT; closed 10:30, 11:00, 11:00:01
        LocalDate day = LocalDate.of(2026, 3, 11);

        // then
        assertRate(row("ON_TIME_RATE", day, "SAN", "Bulky Items", "*", "*"), 2, 3);
        assertThat(row("ON_TIME_RATE", day, "SAN", "Bulky Items", "*", "*").target()).isEqualTo(0.9);
        assertRate(row("ON_TIME_RATE", day, "SAN", "PHONE", "*"), 2, 2);
        assertThat(row("ON_TIME_RATE", day, "SAN", "PHONE", "*").target()).isEqualTo(0.95);
        assertThat(row("ON_TIME_RATE", day, "SAN", "PHONE", "*").score()).isEqualTo(1 / 0.95, within(1e-12));
        assertThat(row("ON_TIME_RATE", day, "SAN", "WEB", "*").target()).isEqualTo(0.9);
        assertThat(row("ON_TIME_RATE", day, "SAN", "WEB", "*").score()).isZero();
        assertThat(row("ON_TIME_RATE", day, "*", "PHONE", "*").target()).isEqualTo(0.7);
        assertThat(row("ON_TIME_RATE", day, "*", "WEB", "*").target()).isEqualTo(0.8);
        assertThat(row("ON_TIME_RATE", day, "*", "*", "*").target()).isEqualTo(0.8);
        assertThat(row("CLOSE_MEDIAN_HOURS", day, "SAN", "Bulky Items", "*", "*").value()).isEqualTo(120.0);
        assertThat(row("CLOSE_P90_HOURS", day, "SAN", "Bulky Items", "*", "*").value())
                .isCloseTo(120 + 0.8 / 3600, within(1e-9));
        assertRate(row("REOPEN_RATE", day, "SAN", "Bulky Items", "*", "*"), 1, 3);
        assertRate(row("RESOLUTION_RATE", day, "SAN", "Bulky Items", "*", "*"), 3, 3);
        // PT48H from 2026-03-07 02:30 EST is 03:30 EDT on the 9th: closed 03:00, 47.5 hours
        assertRate(row("ON_TIME_RATE", LocalDate.of(2026, 3, 9), "SAN", "Missed Collection", "*", "*"), 1, 1);
        assertThat(row("CLOSE_MEDIAN_HOURS", LocalDate.of(2026, 3, 9), "SAN", "Missed Collection", "*", "*").value())
                .isEqualTo(47.5);
    }

    @Test
    void elapsedHoursAreBetweenInstantsAndExcludedOutcomesCountOnlyWhereTheyShould() {
        // given DOT's closures on 2026-03-08: opened in the gap, 0.5 h; 23:00 EST to 08:00Z, 4 h
        LocalDate day = LocalDate.of(2026, 3, 8);
        assertThat(row("CLOSE_MEDIAN_HOURS", day, "DOT", "*", "*").value()).isEqualTo(2.25);
        assertThat(row("CLOSE_P90_HOURS", day, "DOT", "*", "*").value()).isCloseTo(3.65, within(1e-12));
        assertRate(row("RESOLUTION_RATE", day, "DOT", "*", "*"), 1, 2);
        // a cancelled case closed 2026-03-04: closed, but in no closing-time or rate KPI
        LocalDate cancelled = LocalDate.of(2026, 3, 4);
        assertThat(row("CASES_CLOSED", cancelled, "SAN", "*", "*").value()).isEqualTo(1.0);
        assertThat(unsuppressed).doesNotContainKeys(
                key("CLOSE_MEDIAN_HOURS", "DAY", cancelled, "SAN", "*", "*", "*"),
                key("RESOLUTION_RATE", "DAY", cancelled, "SAN", "*", "*", "*"));
        // FCR of 2026-03-02 (SAN PHONE): cancelled true, duplicate false
        assertRate(row("FCR_RATE", LocalDate.of(2026, 3, 2), "SAN", "PHONE", "*"), 1, 2);
    }

    @Test
    void backlogsCountCasesOpenAtThePeriodEndAndOverdueOnlyWhenDueStrictlyBeforeIt() {
        // given PARKS: EK08 due 03-15 (closed 03-20 by a later file), EK09 open since December without a due time,
        // EK10 due exactly 03-16 00:00, EK30 open since October and overdue since November
        Row week = row("BACKLOG_OPEN", "WEEK", LocalDate.of(2026, 3, 9), "PARKS", "*", "*", "*");
        Row weekOverdue = row("BACKLOG_OVERDUE", "WEEK", LocalDate.of(2026, 3, 9), "PARKS", "*", "*", "*");
        Row dayOverdue = row("BACKLOG_OVERDUE", "DAY", LocalDate.of(2026, 3, 16), "PARKS", "*", "*", "*");

        // then
        assertThat(week.value()).isEqualTo(4.0);
        assertThat(weekOverdue.value()).isEqualTo(2.0);
        assertThat(weekOverdue.sampleSize()).isEqualTo(4);
        assertThat(weekOverdue.numerator()).isNull();
        assertThat(weekOverdue.target()).isEqualTo(0.0);
        assertThat(weekOverdue.meetsTarget()).isFalse();
        assertThat(weekOverdue.score()).isNull();
        assertThat(dayOverdue.value()).isEqualTo(3.0);
        // closed exactly at the end of the week of Mar 9 (EK11): still open at it; opened then (EK12): not yet
        assertThat(row("BACKLOG_OPEN", "WEEK", LocalDate.of(2026, 3, 9), "DOT", "Pothole", "*", "*").value())
                .isEqualTo(1.0);
        // April ends after `to`: measured at 2026-04-06 00:00, so EK20 (23:59:59 the day before) but not EK21
        assertThat(row("BACKLOG_OPEN", "MONTH", LocalDate.of(2026, 4, 1), "SAN", "Bulky Items", "*", "*").value())
                .isEqualTo(1.0);
        assertThat(row("CASES_OPENED", "MONTH", LocalDate.of(2026, 4, 1), "SAN", "Bulky Items", "*", "*").value())
                .isEqualTo(2.0);
        assertThat(unsuppressed).doesNotContainKey(
                key("BACKLOG_OPEN", "MONTH", LocalDate.of(2026, 3, 1), "SAN", "Bulky Items", "*", "*"));
    }

    @Test
    void surveysWithoutServiceCountUnderUnknownAndSmallSurveyCellsAreSuppressedKeepingTheirTarget() {
        LocalDate day = LocalDate.of(2026, 3, 8);
        assertThat(row("SURVEY_RESPONSES", day, "*", "*", "*").value()).isEqualTo(4.0);
        assertThat(row("CSAT_MEAN", day, "*", "*", "*").value()).isEqualTo(4.5);
        assertRate(row("CSAT_SATISFIED", day, "*", "*", "*"), 2, 2);
        assertThat(row("NPS", day, "*", "*", "*").value()).isEqualTo(100.0);
        assertThat(row("CES_MEAN", day, "*", "*", "*").value()).isEqualTo(4.0);
        assertThat(row("SURVEY_RESPONSES", day, "SAN", "UNKNOWN", "*", "*").value()).isEqualTo(2.0);
        // a detractor and a promoter: NPS 0 against HOUSING's target of -5, met, and no score
        Row housing = row("NPS", LocalDate.of(2026, 3, 12), "HOUSING", "*", "*");
        assertThat(housing.value()).isZero();
        assertThat(housing.meetsTarget()).isTrue();
        assertThat(housing.score()).isNull();
        // a lone detractor against the target 20: score capped at 0
        assertThat(row("NPS", "DAY", LocalDate.of(2026, 2, 28), "DOT", "*", "*", "*").score()).isZero();

        Row small = suppressed.get(key("CSAT_MEAN", "DAY", day, "*", "*", "*", "*"));
        assertThat(small).isEqualTo(new Row(null, null, null, 2, 4.0, null, null, true));
    }

    @Test
    void aValueExactlyAtItsTargetMeetsItAndScoresOne() {
        // given LIBRARY on 2026-03-17: one PHONE contact answered after 40 s (target 40, lower), five closures
        // 46 to 50 hours after opening (target 48, lower), four of them by the due time (target 0.8, higher)
        LocalDate day = LocalDate.of(2026, 3, 17);

        // then
        for (String kpi : List.of("WAIT_MEDIAN_SECONDS", "CLOSE_MEDIAN_HOURS", "ON_TIME_RATE")) {
            Row row = row(kpi, day, "LIBRARY", "*", "*");
            assertThat(row.value()).as(kpi).isEqualTo(row.target());
            assertThat(row.meetsTarget()).as(kpi).isTrue();
            assertThat(row.score()).as(kpi).isEqualTo(1.0);
        }
        assertThat(row("REOPEN_RATE", day, "LIBRARY", "*", "*").score()).isEqualTo(1.25);
    }

    @Test
    void theExperienceScoreIsTheWeightedMeanOfTheRowsScores() {
        // given SAN PHONE on 2026-03-02: WAIT_MEDIAN 0 s and WAIT_P90 0 s (1.25 each), SERVICE_LEVEL 0.25 of 0.8
        // (weight 1.5), ABANDON_RATE 0.75 against 0.1, FCR 0.5 of 0.6, BACKLOG_OPEN 2 of 50 (1.25),
        // BACKLOG_OVERDUE 0 against 0 (no score)
        Row experience = row("EXPERIENCE_SCORE", LocalDate.of(2026, 3, 2), "SAN", "PHONE", "*");

        // then
        double expected = (1.25 + 1.25 + 1.5 * (0.25 / 0.8) + 0.1 / 0.75 + 0.5 / 0.6 + 1.25) / 6.5;
        assertThat(experience.value()).isCloseTo(expected, within(1e-12));
        assertThat(experience.sampleSize()).isEqualTo(6);
        assertThat(experience.target()).isEqualTo(1.0);
        assertThat(experience.meetsTarget()).isFalse();
        assertThat(experience.score()).isNull();
        assertThat(experience.suppressed()).isFalse();
    }

    private Row row(String kpi, LocalDate day, String department, String channel, String district) {
        return row(kpi, "DAY", day, department, "*", channel, district);
    }

    private Row row(String kpi, LocalDate day, String department, String service, String channel,
            String district) {
        return row(kpi, "DAY", day, department, service, channel, district);
    }

    private Row row(String kpi, String grain, LocalDate start, String department, String service, String channel,
            String district) {
        Key key = key(kpi, grain, start, department, service, channel, district);
        assertThat(unsuppressed.containsKey(key)).as("a row for %s", key).isTrue();
        return unsuppressed.get(key);
    }

    private static Key key(String kpi, String grain, LocalDate start, String department, String service,
            String channel, String district) {
        return new Key(kpi, grain, start, department, service, channel, district);
    }

    private static void assertRate(Row row, long numerator, long denominator) {
        assertThat(row.numerator()).isEqualTo((double) numerator);
        assertThat(row.denominator()).isEqualTo((double) denominator);
        assertThat(row.value()).isEqualTo((double) numerator / denominator);
    }
}
