package io.civicpulse.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.civicpulse.alert.MissedTarget.Judged;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;

class MissedTargetTests {

    static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 1);

    @Test
    void givenAKpiThatMetItsGoalLastPeriodWhenItMissesInTheLatestThenItIsNewlyMissed() {
        // given
        List<Judged> rows = List.of(
                judged(Kpi.ON_TIME_RATE, FEBRUARY, "SAN", 0.9, 0.85, true),
                judged(Kpi.ON_TIME_RATE, MARCH, "SAN", 0.8, 0.85, false));

        // when
        List<MissedTarget> missed = MissedTarget.newlyMissed(Grain.MONTH, MARCH, rows);

        // then
        assertThat(missed).containsExactly(new MissedTarget(Kpi.ON_TIME_RATE, Grain.MONTH, MARCH, "SAN", 0.8, 0.85,
                0.9));
    }

    @Test
    void givenAKpiThatMissedInBothPeriodsWhenJudgedThenItIsNotNews() {
        List<Judged> rows = List.of(
                judged(Kpi.ON_TIME_RATE, FEBRUARY, "SAN", 0.7, 0.85, false),
                judged(Kpi.ON_TIME_RATE, MARCH, "SAN", 0.8, 0.85, false));

        assertThat(MissedTarget.newlyMissed(Grain.MONTH, MARCH, rows)).isEmpty();
    }

    @Test
    void givenNoRowOrNoJudgementInThePeriodBeforeWhenJudgedThenNothingIsNewlyMissed() {
        // given a department without last month, and one whose last month was suppressed (no meets_target)
        List<Judged> rows = List.of(
                judged(Kpi.CSAT_MEAN, FEBRUARY, "DOT", null, 4.0, null),
                judged(Kpi.CSAT_MEAN, MARCH, "DOT", 3.5, 4.0, false),
                judged(Kpi.ON_TIME_RATE, MARCH, "SAN", 0.8, 0.85, false));

        assertThat(MissedTarget.newlyMissed(Grain.MONTH, MARCH, rows)).isEmpty();
    }

    @Test
    void givenDepartmentsAndTheCityWhenJudgedThenEachIsJudgedOnItsOwnAndOnlyInTheLatestPeriodOfTheGrain() {
        // given SAN newly misses, the city (*) newly misses, DOT keeps meeting, and a week row is of another grain
        List<Judged> rows = List.of(
                judged(Kpi.NPS, FEBRUARY, "SAN", 25.0, 20.0, true),
                judged(Kpi.NPS, MARCH, "SAN", 10.0, 20.0, false),
                judged(Kpi.NPS, FEBRUARY, "*", 22.0, 20.0, true),
                judged(Kpi.NPS, MARCH, "*", 19.0, 20.0, false),
                judged(Kpi.NPS, FEBRUARY, "DOT", 30.0, 20.0, true),
                judged(Kpi.NPS, MARCH, "DOT", 30.0, 20.0, true),
                new Judged(Kpi.NPS, Grain.WEEK, MARCH, "PRK", 10.0, 20.0, false));

        // when
        List<MissedTarget> missed = MissedTarget.newlyMissed(Grain.MONTH, MARCH, rows);

        // then
        assertThat(missed).extracting(MissedTarget::department).containsExactly("*", "SAN");
        assertThat(MissedTarget.newlyMissed(Grain.MONTH, FEBRUARY, rows)).as("no January to compare with").isEmpty();
    }

    static Judged judged(Kpi kpi, LocalDate period, String department, Double value, Double target, Boolean meets) {
        return new Judged(kpi, Grain.MONTH, period, department, value, target, meets);
    }
}
