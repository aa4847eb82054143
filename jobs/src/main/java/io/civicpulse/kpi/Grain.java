package io.civicpulse.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** Reporting periods, always cut on local dates in the city's time zone; a period is named by its first day. */
public enum Grain {
    DAY, WEEK, MONTH, QUARTER;

    /** The first local date of the period that contains {@code date}. */
    public LocalDate periodStart(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.with(IsoFields.DAY_OF_QUARTER, 1);
        };
    }

    /** The first local date of the period after the one starting at {@code periodStart}. */
    public LocalDate nextPeriodStart(LocalDate periodStart) {
        return switch (this) {
            case DAY -> periodStart.plusDays(1);
            case WEEK -> periodStart.plusWeeks(1);
            case MONTH -> periodStart.plusMonths(1);
            case QUARTER -> periodStart.plusMonths(3);
        };
    }

    public LocalDate previousPeriodStart(LocalDate periodStart) {
        return switch (this) {
            case DAY -> periodStart.minusDays(1);
            case WEEK -> periodStart.minusWeeks(1);
            case MONTH -> periodStart.minusMonths(1);
            case QUARTER -> periodStart.minusMonths(3);
        };
    }
}
