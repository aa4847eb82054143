package io.civicpulse.dashboard.filter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.civicpulse.kpi.Grain;

/**
 * The periods a view's trends, sparklines and export cover: every period of {@code grain} from {@code first} to
 * {@code last}, both included, where {@code last} is the selected period whose values the cards and tables show.
 * The one place that says which periods a view shows, so a chart and the export of the same view cannot disagree.
 * <p>
 * Built through {@link #of}, which applies the rules of a range in the address: see {@link DashboardFilter}.
 *
 * @param first the first day of the range's oldest period
 * @param last the first day of the selected period, the newest of the range
 */
public record PeriodRange(Grain grain, LocalDate first, LocalDate last) {

    /** How many periods a range covers when the address names no {@code from}, the selected one included. */
    public static final int DEFAULT_PERIODS = 12;

    public PeriodRange {
        Objects.requireNonNull(grain);
        Objects.requireNonNull(first);
        Objects.requireNonNull(last);
        if (!first.equals(grain.periodStart(first)) || !last.equals(grain.periodStart(last))) {
            throw new IllegalArgumentException("not period starts of " + grain + ": " + first + ", " + last);
        }
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("a range starts before it ends: " + first + " after " + last);
        }
    }

    /**
     * The range from {@code from} to the selected period {@code last}: {@code from} snaps to the start of its period;
     * {@code null} means the default {@value #DEFAULT_PERIODS} periods ending with {@code last}; a {@code from} after
     * {@code last} is clamped to {@code last} (one period), and a range longer than {@link #maxPeriods} is cut at its
     * old end. Clamped rather than swapped: {@code last} is the selected period that the cards, tables and heading
     * show and the address names it; swapping would quietly show another period than the one asked for.
     */
    public static PeriodRange of(Grain grain, LocalDate from, LocalDate last) {
        LocalDate end = grain.periodStart(last);
        if (from == null) {
            return new PeriodRange(grain, earliest(grain, end, DEFAULT_PERIODS), end);
        }
        LocalDate start = grain.periodStart(from);
        if (start.isAfter(end)) {
            return new PeriodRange(grain, end, end);
        }
        LocalDate earliest = earliest(grain, end, maxPeriods(grain));
        return new PeriodRange(grain, start.isBefore(earliest) ? earliest : start, end);
    }

    /**
     * The longest range of a grain. Two years of weeks and months: enough to compare a period with the same one a
     * year before, and about as many points as a trend card, a sparkline or a stacked bar chart can still draw
     * apart. One year of days: 366 points already take more than a pixel each on a card, and a longer day range
     * is better read by weeks or months. Quarters stop at the default twelve (three years), so the default range
     * is never cut. Every query of a view reads one range of one grain, so the cap bounds the rows read too.
     */
    public static int maxPeriods(Grain grain) {
        return switch (grain) {
            case DAY -> 366;
            case WEEK -> 104;
            case MONTH -> 24;
            case QUARTER -> DEFAULT_PERIODS;
        };
    }

    /** The earliest period a range ending with {@code last} can start with. */
    public static LocalDate earliestFirst(Grain grain, LocalDate last) {
        return earliest(grain, grain.periodStart(last), maxPeriods(grain));
    }

    /** Every period start of the range, oldest first. */
    public List<LocalDate> periods() {
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate start = first; !start.isAfter(last); start = grain.nextPeriodStart(start)) {
            periods.add(start);
        }
        return List.copyOf(periods);
    }

    private static LocalDate earliest(Grain grain, LocalDate last, int periods) {
        LocalDate start = last;
        for (int i = 1; i < periods; i++) {
            start = grain.previousPeriodStart(start);
        }
        return start;
    }
}
