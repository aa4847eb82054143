package io.civicpulse.dashboard.scoreboard;

import java.time.LocalDate;

import io.civicpulse.kpi.KpiRow;

/** One period of a trend; {@code row} is {@code null} when the KPI has no result for that period. */
public record TrendPoint(LocalDate periodStart, KpiRow row) {

    /** The value to plot, or {@code null} for a gap: no result, or a suppressed one (never drawn as zero). */
    public Double value() {
        return row == null || row.suppressed() ? null : row.value();
    }

    public boolean suppressed() {
        return row != null && row.suppressed();
    }
}
