package io.civicpulse.schedule;

import java.time.LocalDate;

/**
 * Which days a scheduled run recomputes, from the local date (in the city's time zone) of the time it was due.
 * Every rule ends yesterday: today's feeds are still being written.
 */
public enum DateRule {
    /** The day before. */
    YESTERDAY,
    /** The N days before, yesterday included. */
    LAST_N_DAYS,
    /** From the first of yesterday's month to yesterday (on the 1st: the whole previous month). */
    MONTH_TO_DATE;

    public static final int MAX_DAYS = 366;

    /** The first and last day of the run, {@code days} counting only for {@link #LAST_N_DAYS}. */
    public LocalDate[] range(LocalDate due, int days) {
        LocalDate yesterday = due.minusDays(1);
        return switch (this) {
            case YESTERDAY -> new LocalDate[] { yesterday, yesterday };
            case LAST_N_DAYS -> new LocalDate[] { due.minusDays(days), yesterday };
            case MONTH_TO_DATE -> new LocalDate[] { yesterday.withDayOfMonth(1), yesterday };
        };
    }
}
