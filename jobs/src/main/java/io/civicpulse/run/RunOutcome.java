package io.civicpulse.run;

import java.time.Duration;
import java.util.List;

/**
 * How a run ended. {@code failure} is the one-line reason (naming file, line and column where there is one),
 * or {@code null} when the run succeeded.
 */
public record RunOutcome(long jobExecutionId, boolean succeeded, String failure, List<FeedStats> feeds,
        long kpiRowsPublished, Duration duration) {
}
