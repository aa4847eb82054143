package io.civicpulse.dashboard.topic;

import java.util.List;

import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.kpi.Kpi;

/**
 * The themed views: which KPIs each shows over time, and what their lines and table rows vary for a filter. A view
 * breaks down only into slices that are published (kpis.md), so a filter that already fixes a channel, service or
 * district shows its own slice alone.
 */
public enum Topic {

    /** Waits by channel: the city's or one department's channels. */
    WAITS(List.of(Kpi.WAIT_MEDIAN_SECONDS, Kpi.WAIT_P90_SECONDS, Kpi.SERVICE_LEVEL, Kpi.ABANDON_RATE)),
    /** Outcomes of cases: the city by department, a department by service. */
    OUTCOMES(List.of(Kpi.ON_TIME_RATE, Kpi.RESOLUTION_RATE, Kpi.REOPEN_RATE, Kpi.FCR_RATE, Kpi.BACKLOG_OPEN,
            Kpi.BACKLOG_OVERDUE)),
    /** Survey results: the city by department, a department by channel; response counts beside every value. */
    SATISFACTION(List.of(Kpi.CSAT_MEAN, Kpi.NPS, Kpi.CES_MEAN, Kpi.SURVEY_RESPONSES));

    /** What a topic's lines and rows vary. */
    public enum Breakdown {
        NONE, DEPARTMENT, SERVICE, CHANNEL
    }

    private final List<Kpi> kpis;

    Topic(List<Kpi> kpis) {
        this.kpis = kpis;
    }

    public List<Kpi> kpis() {
        return kpis;
    }

    public Breakdown breakdown(DashboardFilter filter) {
        return switch (filter.sliceKind()) {
            case CITY -> this == WAITS ? Breakdown.CHANNEL : Breakdown.DEPARTMENT;
            case DEPARTMENT -> this == OUTCOMES ? Breakdown.SERVICE : Breakdown.CHANNEL;
            default -> Breakdown.NONE;
        };
    }
}
