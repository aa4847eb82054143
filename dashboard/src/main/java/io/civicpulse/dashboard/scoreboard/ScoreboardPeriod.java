package io.civicpulse.dashboard.scoreboard;

import java.time.LocalDate;
import java.util.List;

import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.SliceKey;

/**
 * What a scoreboard shows for one period of one slice. {@code trendPeriods} are the periods of the range shown,
 * oldest first: the x-axis of every trend.
 */
public record ScoreboardPeriod(Grain grain, LocalDate periodStart, SliceKey slice, List<KpiTile> tiles,
        List<LocalDate> trendPeriods) {

    public boolean isEmpty() {
        return tiles.isEmpty();
    }
}
