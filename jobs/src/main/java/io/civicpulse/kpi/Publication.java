package io.civicpulse.kpi;

import java.time.Instant;
import java.time.LocalDate;

/** What a successful run published, and when. */
public record Publication(long id, long jobExecutionId, Instant publishedAt, LocalDate from, LocalDate to,
        String inputDir, String historyVersion, long kpiRows) {
}
