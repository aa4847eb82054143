package io.civicpulse.dashboard.scoreboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.civicpulse.kpi.Grain;

class ScoreboardTests {

    @Test
    void aTrendCoversTwelvePeriodsEndingWithTheSelectedOne() {
        var months = Scoreboard.trendPeriods(Grain.MONTH, LocalDate.of(2026, 8, 1));

        assertThat(months).hasSize(Scoreboard.TREND_PERIODS);
        assertThat(months.getFirst()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(months.getLast()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(months).isSorted();
    }

    @Test
    void weeklyTrendsStepByWholeWeeks() {
        var weeks = Scoreboard.trendPeriods(Grain.WEEK, LocalDate.of(2026, 8, 3));

        assertThat(weeks.getFirst()).isEqualTo(LocalDate.of(2026, 5, 18));
        assertThat(weeks).allSatisfy(start -> assertThat(start.getDayOfWeek().getValue()).isEqualTo(1));
    }
}
