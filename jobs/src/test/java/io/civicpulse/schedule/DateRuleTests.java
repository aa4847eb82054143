package io.civicpulse.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DateRuleTests {

    static final LocalDate DUE = LocalDate.of(2026, 3, 15);

    @Test
    void yesterdayIsTheDayBeforeTheDueDate() {
        assertThat(DateRule.YESTERDAY.range(DUE, 99)).containsExactly(LocalDate.of(2026, 3, 14),
                LocalDate.of(2026, 3, 14));
    }

    @Test
    void theLastNDaysEndYesterday() {
        assertThat(DateRule.LAST_N_DAYS.range(DUE, 7)).containsExactly(LocalDate.of(2026, 3, 8),
                LocalDate.of(2026, 3, 14));
    }

    @Test
    void monthToDateOnTheFirstIsTheWholePreviousMonth() {
        assertThat(DateRule.MONTH_TO_DATE.range(DUE, 0)).containsExactly(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 14));
        assertThat(DateRule.MONTH_TO_DATE.range(LocalDate.of(2026, 3, 1), 0))
                .containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
    }
}
