package io.civicpulse.dashboard.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.civicpulse.kpi.Grain;

class PeriodRangeTests {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 1);

    @Test
    void withoutAFromTheRangeIsTheTwelvePeriodsEndingWithTheSelectedOne() {
        // when
        var months = PeriodRange.of(Grain.MONTH, null, AUGUST).periods();

        // then
        assertThat(months).hasSize(PeriodRange.DEFAULT_PERIODS);
        assertThat(months.getFirst()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(months.getLast()).isEqualTo(AUGUST);
        assertThat(months).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void weeklyRangesStepByWholeWeeks() {
        // when
        var weeks = PeriodRange.of(Grain.WEEK, null, LocalDate.of(2026, 8, 3)).periods();

        // then
        assertThat(weeks.getFirst()).isEqualTo(LocalDate.of(2026, 5, 18));
        assertThat(weeks).allSatisfy(start -> assertThat(start.getDayOfWeek().getValue()).isEqualTo(1));
    }

    @Test
    void aFromCoversEveryPeriodFromItsOwnToTheSelectedOneAndSnapsToItsPeriodStart() {
        // when
        PeriodRange range = PeriodRange.of(Grain.MONTH, LocalDate.of(2026, 5, 20), LocalDate.of(2026, 8, 31));

        // then
        assertThat(range).isEqualTo(new PeriodRange(Grain.MONTH, LocalDate.of(2026, 5, 1), AUGUST));
        assertThat(range.periods()).containsExactly(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 7, 1), AUGUST);
        assertThat(PeriodRange.of(Grain.QUARTER, LocalDate.of(2026, 2, 14), AUGUST).periods())
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));
    }

    @Test
    void aFromAfterTheSelectedPeriodIsClampedToItRatherThanSwapped() {
        // when
        PeriodRange range = PeriodRange.of(Grain.MONTH, LocalDate.of(2026, 11, 1), AUGUST);

        // then the selected period stays what the view shows, alone
        assertThat(range.periods()).containsExactly(AUGUST);
    }

    @Test
    void aRangeLongerThanItsGrainsMaximumIsCutAtItsOldEnd() {
        // given
        LocalDate longAgo = LocalDate.of(2000, 1, 1);

        // then
        assertThat(PeriodRange.of(Grain.MONTH, longAgo, AUGUST).first()).isEqualTo(LocalDate.of(2024, 9, 1));
        for (Grain grain : Grain.values()) {
            PeriodRange range = PeriodRange.of(grain, longAgo, grain.periodStart(AUGUST));
            assertThat(range.periods()).as(grain.name()).hasSize(PeriodRange.maxPeriods(grain));
            assertThat(range.first()).as(grain.name()).isEqualTo(PeriodRange.earliestFirst(grain, AUGUST));
        }
        assertThat(PeriodRange.of(Grain.DAY, longAgo, AUGUST).first()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(PeriodRange.of(Grain.WEEK, longAgo, LocalDate.of(2026, 8, 3)).first())
                .isEqualTo(LocalDate.of(2024, 8, 12));
    }

    @Test
    void theDefaultRangeIsNeverCut() {
        for (Grain grain : Grain.values()) {
            assertThat(PeriodRange.maxPeriods(grain)).as(grain.name()).isGreaterThanOrEqualTo(
                    PeriodRange.DEFAULT_PERIODS);
        }
    }

    @Test
    void aRangeIsMadeOfPeriodStartsInOrder() {
        assertThatThrownBy(() -> new PeriodRange(Grain.MONTH, LocalDate.of(2026, 5, 2), AUGUST))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeriodRange(Grain.MONTH, AUGUST, LocalDate.of(2026, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
