package io.civicpulse.quality;

import java.util.List;

import io.civicpulse.kpi.Kpi;

/**
 * Data-quality rules known from the 311 community: each flags cases whose records distort a KPI. Some can only be
 * seen in an open-data export, because the canonical cases feed rejects such rows (feeds.md); those the importer
 * counts, the others the nightly run counts over the ingested cases.
 */
public enum QualityRule {
    /** closed_at before opened_at: the cases feed rejects the row, so only an importer sees it. */
    CLOSED_BEFORE_OPENED(true, Kpi.CLOSE_MEDIAN_HOURS, Kpi.ON_TIME_RATE),
    /** Closed within 10 minutes of creation: typically a bulk administrative closure, not a resolution. */
    CLOSED_WITHIN_10_MINUTES(false, Kpi.CLOSE_MEDIAN_HOURS, Kpi.CLOSE_P90_HOURS, Kpi.ON_TIME_RATE, Kpi.RESOLUTION_RATE),
    /** A closed status without a closed date: the cases feed rejects the row, so only an importer sees it. */
    CLOSED_WITHOUT_CLOSED_DATE(true, Kpi.CASES_CLOSED, Kpi.BACKLOG_OPEN),
    /** No district: the case counts under UNKNOWN in every district breakdown. */
    MISSING_DISTRICT(false, Kpi.CASES_OPENED),
    /** A due time before creation: the case is overdue the moment it is opened. */
    DUE_BEFORE_OPENED(false, Kpi.ON_TIME_RATE, Kpi.BACKLOG_OVERDUE);

    /** Ten minutes, in seconds: the 311 community's threshold for a bulk administrative closure. */
    public static final long BULK_CLOSURE_SECONDS = 600;

    private final boolean rejectedByFeed;
    private final List<Kpi> distortedKpis;

    QualityRule(boolean rejectedByFeed, Kpi... distortedKpis) {
        this.rejectedByFeed = rejectedByFeed;
        this.distortedKpis = List.of(distortedKpis);
    }

    /** Whether rows breaking the rule never reach the ingested cases, so the importer's count is the only one. */
    public boolean rejectedByFeed() {
        return rejectedByFeed;
    }

    /** The KPIs that such cases distort, shown next to them in the dashboard. */
    public List<Kpi> distortedKpis() {
        return distortedKpis;
    }
}
