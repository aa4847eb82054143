package io.civicpulse.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One run in the run history, however it was started (a schedule, the dashboard, the command line).
 *
 * @param status Spring Batch's status: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED
 * @param trigger who asked: {@code schedule:<name>}, {@code dashboard:<user>}, {@code command-line}, ...
 * @param duration so far, for a run still running
 * @param failure the cause in words for a FAILED run, who cancelled for a STOPPED one; otherwise null
 * @param progress the latest progress line of a run that is running
 * @param rejectReport the run's reject report, when it has one
 */
public record RunRecord(long executionId, long instanceId, String status, String trigger, Path input,
        LocalDate from, LocalDate to, Instant startedAt, Instant endedAt, Duration duration, List<FeedStats> feeds,
        long kpiRowsPublished, String failure, Optional<RunProgress> progress, Optional<Path> rejectReport) {

    public boolean running() {
        return status.equals("STARTING") || status.equals("STARTED") || status.equals("STOPPING");
    }

    /** FAILED and STOPPED runs can run again: the same input and dates, resuming where it stopped. */
    public boolean restartable() {
        return status.equals("FAILED") || status.equals("STOPPED");
    }

    public RunRequest againAs(String trigger) {
        return new RunRequest(input, from, to, trigger);
    }
}
