package io.civicpulse.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.civicpulse.CivicPulseProperties;
import net.javacrumbs.shedlock.core.SimpleLock;
import io.civicpulse.feeds.IngestException;
import io.civicpulse.kpi.Feed;
import io.civicpulse.kpi.KpiParameters;
import io.civicpulse.targets.TargetStore;

/** Starts nightly runs: the Spring Batch job that ingests the feeds and publishes the KPIs. */
@Service
public class NightlyRuns {

    /** How an exception thrown inside a Spark task reads once Spark has wrapped it into its own. */
    private static final Pattern WRAPPED_INGEST_ERROR = Pattern.compile(
            Pattern.quote(IngestException.class.getName()) + ": ([^\\n]*)");

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyRun;
    private final RunProgressHub progress;
    private final JdbcClient jdbc;
    private final CivicPulseProperties properties;
    private final RunLock runLock;
    private final ApplicationEventPublisher events;
    private final TargetStore targets;

    NightlyRuns(JobOperator jobOperator, JobRepository jobRepository, Job nightlyRun, RunProgressHub progress,
            JdbcClient jdbc, CivicPulseProperties properties, RunLock runLock, ApplicationEventPublisher events,
            TargetStore targets) {
        this.events = events;
        this.targets = targets;
        this.properties = properties;
        this.runLock = runLock;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyRun = nightlyRun;
        this.progress = progress;
        this.jdbc = jdbc;
    }

    /**
     * Runs the nightly job in the calling thread and returns when it has ended. When the last run with the same
     * input and dates failed, this restarts it (Spring Batch restart: it resumes at the step that failed);
     * otherwise it starts a new run.
     */
    public synchronized RunOutcome run(RunRequest request, RunProgressListener listener) {
        RunOutcome outcome = attempt(request, listener);
        events.publishEvent(new RunFinished(request, outcome));
        return outcome;
    }

    private RunOutcome attempt(RunRequest request, RunProgressListener listener) {
        try {
            // A configuration mistake fails the run before any work, not after the ingest.
            KpiParameters.of(properties, request.from(), request.to());
        } catch (IllegalArgumentException e) {
            return new RunOutcome(-1, false, e.getMessage(), List.of(), 0, Duration.ZERO);
        }
        Optional<SimpleLock> lock = runLock.tryAcquire();
        if (lock.isEmpty()) {
            return new RunOutcome(-1, false, "another run is in progress (" + runLock.holder()
                    + "); this one was not started", List.of(), 0, Duration.ZERO);
        }
        progress.attach(listener);
        try {
            recoverAbandonedExecutions();
            // The first run on an empty database starts the target history from the configuration.
            targets.seedFromConfiguration();
            Optional<JobExecution> failed = lastFailedAttempt(request);
            JobExecution execution;
            if (failed.isPresent()) {
                progress.report(RunProgress.Kind.RESTARTING, String.valueOf(failed.get().getJobInstanceId()),
                        String.valueOf(failed.get().getId()));
                execution = jobOperator.restart(failed.get());
            } else {
                execution = jobOperator.start(nightlyRun, parameters(request));
            }
            return outcome(execution);
        } catch (Exception e) {
            return new RunOutcome(-1, false, "the run could not be started: " + e.getMessage(), List.of(), 0,
                    Duration.ZERO);
        } finally {
            progress.detach();
            lock.get().unlock();
        }
    }

    /**
     * With the run lock held, an execution the repository still shows as running belongs to a process that died
     * (killed, or the machine went down): it is marked failed, so that it can be restarted.
     */
    private void recoverAbandonedExecutions() {
        for (JobExecution execution : jobRepository.findRunningJobExecutions(NightlyRunJobConfiguration.JOB_NAME)) {
            progress.report(RunProgress.Kind.RECOVERING, String.valueOf(execution.getJobInstanceId()),
                    String.valueOf(execution.getId()));
            jobOperator.recover(execution);
        }
    }

    /**
     * The reject report of the latest run, if that run got as far as reading rows; a restarted run keeps the
     * report of the attempt that read its input.
     */
    public Optional<Path> latestRejectReport() {
        JobInstance last = jobRepository.getLastJobInstance(NightlyRunJobConfiguration.JOB_NAME);
        return Optional.ofNullable(last)
                .map(instance -> RunWorkspace.rejectReport(properties.homeDirectory(), instance.getInstanceId()))
                .filter(Files::isRegularFile);
    }

    private static JobParameters parameters(RunRequest request) {
        return new JobParametersBuilder()
                .addString(NightlyRunJobConfiguration.INPUT, request.input().toString())
                .addLocalDate(NightlyRunJobConfiguration.FROM, request.from())
                .addLocalDate(NightlyRunJobConfiguration.TO, request.to())
                // A new instance for every request, so the same input can be run again (an idempotent no-op)
                .addLong(NightlyRunJobConfiguration.RUN_ID, System.currentTimeMillis())
                .addString(NightlyRunJobConfiguration.TRIGGER, request.trigger(), false)
                .toJobParameters();
    }

    /** The newest run, if it has the same input and dates and did not complete. */
    private Optional<JobExecution> lastFailedAttempt(RunRequest request) {
        JobInstance last = jobRepository.getLastJobInstance(NightlyRunJobConfiguration.JOB_NAME);
        if (last == null) {
            return Optional.empty();
        }
        JobExecution execution = jobRepository.getLastJobExecution(last);
        if (execution == null) {
            return Optional.empty();
        }
        JobParameters p = execution.getJobParameters();
        boolean same = Objects.equals(p.getString(NightlyRunJobConfiguration.INPUT), request.input().toString())
                && Objects.equals(p.getLocalDate(NightlyRunJobConfiguration.FROM), request.from())
                && Objects.equals(p.getLocalDate(NightlyRunJobConfiguration.TO), request.to());
        boolean restartable = execution.getStatus() == BatchStatus.FAILED
                || execution.getStatus() == BatchStatus.STOPPED;
        return same && restartable ? Optional.of(execution) : Optional.empty();
    }

    private RunOutcome outcome(JobExecution execution) {
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime();
        Duration duration = start != null && end != null ? Duration.between(start, end) : Duration.ZERO;
        long written = execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals("publish"))
                .mapToLong(step -> step.getWriteCount())
                .sum();
        boolean succeeded = execution.getStatus() == BatchStatus.COMPLETED;
        return new RunOutcome(execution.getId(), succeeded, succeeded ? null : failureReason(execution),
                feedStats(execution.getJobInstanceId()), written, duration);
    }

    /** The counts of the newest ingest of this run (a restart may have skipped ingest). */
    private List<FeedStats> feedStats(long jobInstanceId) {
        List<FeedStats> stats = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            jdbc.sql("""
                    SELECT s.files, s.rows_read, s.rows_rejected, s.rows_duplicate, s.rows_loaded
                    FROM run_feed_stats s JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.job_execution_id
                    WHERE e.JOB_INSTANCE_ID = ? AND s.feed = ?
                    ORDER BY s.job_execution_id DESC FETCH FIRST 1 ROWS ONLY""")
                    .params(jobInstanceId, feed.name())
                    .query((rs, i) -> new FeedStats(feed, rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)))
                    .optional()
                    .ifPresent(stats::add);
        }
        return stats;
    }

    /** One line an operator can act on: the input error if there is one, else the deepest cause. */
    static String failureReason(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof IngestException) {
                    return t.getMessage();
                }
                Matcher wrapped = WRAPPED_INGEST_ERROR.matcher(String.valueOf(t.getMessage()));
                if (wrapped.find()) {
                    return wrapped.group(1).trim();
                }
            }
        }
        if (failures.isEmpty()) {
            return "the run ended with status " + execution.getStatus();
        }
        Throwable root = failures.getFirst();
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
