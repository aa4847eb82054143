package io.civicpulse.run;

import java.time.Instant;

/**
 * Published as a Spring application event when a scheduled nightly run did not happen when it should have (the
 * application was down past the misfire window, or the run could not start), so alerts can tell the people who
 * depend on it.
 *
 * @param schedule the schedule's name as people know it
 * @param expectedAt when the run should have started
 * @param reason why it did not happen, in words
 */
public record ScheduledRunMissed(String schedule, Instant expectedAt, String reason) {
}
