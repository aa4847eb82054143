package io.civicpulse.run;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.kpi.Feed;

/**
 * Every nightly run, newest first, read from Spring Batch's tables and {@code run_feed_stats}: runs of the command
 * line, of a schedule and of the dashboard alike, from whichever process ran them.
 */
@Service
public class RunHistory {

    private final JobRepository jobRepository;
    private final JdbcClient jdbc;
    private final CivicPulseProperties properties;
    private final RunProgressStore progress;
    private final RunCancellation cancellation;

    RunHistory(JobRepository jobRepository, JdbcClient jdbc, CivicPulseProperties properties,
            RunProgressStore progress, RunCancellation cancellation) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.properties = properties;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    /** The newest {@code limit} runs (each attempt of a restarted run is a run of its own). */
    public List<RunRecord> latest(int limit) {
        return jdbc.sql("""
                SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST ? ROWS ONLY""")
                .params(NightlyRunJobConfiguration.JOB_NAME, limit)
                .query(Long.class).list().stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<RunRecord> find(long executionId) {
        return Optional.ofNullable(jobRepository.getJobExecution(executionId)).map(this::record);
    }

    /** Whether any run is running now, in any process. */
    public boolean anyRunning() {
        return !jobRepository.findRunningJobExecutions(NightlyRunJobConfiguration.JOB_NAME).isEmpty();
    }

    /** The first {@code limit} rows of a run's reject report, each {@link RejectReport#HEADER}'s four values. */
    public List<List<String>> rejectRows(RunRecord run, int limit) {
        if (run.rejectReport().isEmpty()) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(run.rejectReport().get(), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                if (rows.size() == limit) {
                    break;
                }
                rows.add(record.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reject report " + run.rejectReport().get(), e);
        }
        return rows;
    }

    private RunRecord record(JobExecution execution) {
        JobParameters p = execution.getJobParameters();
        String input = p.getString(NightlyRunJobConfiguration.INPUT);
        String trigger = p.getString(NightlyRunJobConfiguration.TRIGGER);
        Instant started = instant(execution.getStartTime() != null ? execution.getStartTime()
                : execution.getCreateTime());
        Instant ended = instant(execution.getEndTime());
        Duration duration = started == null ? Duration.ZERO
                : Duration.between(started, ended != null ? ended : Instant.now());
        long written = execution.getStepExecutions().stream().filter(step -> step.getStepName().equals("publish"))
                .mapToLong(StepExecution::getWriteCount).sum();
        BatchStatus status = execution.getStatus();
        boolean running = status.isRunning();
        Path report = RunWorkspace.rejectReport(properties.homeDirectory(), execution.getJobInstanceId());
        return new RunRecord(execution.getId(), execution.getJobInstanceId(), status.name(),
                trigger == null ? "" : trigger, input == null ? null : Path.of(input),
                p.getLocalDate(NightlyRunJobConfiguration.FROM), p.getLocalDate(NightlyRunJobConfiguration.TO),
                started, ended, duration, feedStats(execution.getJobInstanceId()), written, failure(execution),
                running ? progress.latest(execution.getId()) : Optional.empty(),
                Optional.of(report).filter(Files::isRegularFile));
    }

    private String failure(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.STOPPED || status == BatchStatus.STOPPING) {
            return cancellation.requestedBy(execution.getId()).map(user -> "cancelled by " + user)
                    .orElse("stopped");
        }
        if (status != BatchStatus.FAILED && status != BatchStatus.ABANDONED) {
            return null;
        }
        // A step's exit description holds the exception that failed it; the job's may only say which step failed.
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.FAILED) {
                String reason = NightlyRuns.failureReason(step.getExitStatus().getExitDescription());
                if (reason != null) {
                    return reason;
                }
            }
        }
        String reason = NightlyRuns.failureReason(execution.getExitStatus().getExitDescription());
        return reason != null ? reason : "the run ended with status " + status;
    }

    /** The counts of the newest ingest of a run's job instance (a restart may have skipped ingest). */
    List<FeedStats> feedStats(long jobInstanceId) {
        List<FeedStats> stats = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            jdbc.sql("""
                    SELECT s.files, s.rows_read, s.rows_rejected, s.rows_duplicate, s.rows_loaded, s.derived_from
                    FROM run_feed_stats s JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.job_execution_id
                    WHERE e.JOB_INSTANCE_ID = ? AND s.feed = ?
                    ORDER BY s.job_execution_id DESC FETCH FIRST 1 ROWS ONLY""")
                    .params(jobInstanceId, feed.name())
                    .query((rs, i) -> new FeedStats(feed, rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getString(6)))
                    .optional()
                    .ifPresent(stats::add);
        }
        return stats;
    }

    // Spring Batch keeps its times as local date-times of the process that wrote them, this machine's zone.
    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
