package io.civicpulse.dashboard.scoreboard;

import java.util.List;

import io.civicpulse.kpi.KpiRow;

/** One KPI of a period and its trend: one point per trend period, oldest first, the last being {@code row}'s. */
public record KpiTile(KpiRow row, List<TrendPoint> trend) {
}
