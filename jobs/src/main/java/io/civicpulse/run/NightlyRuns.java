package io.civicpulse.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
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
import org.springframework.stereotype.Service;

import io.civicpulse.CivicPulseProperties;
import net.javacrumbs.shedlock.core.SimpleLock;
import io.civicpulse.feeds.IngestException;
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
    private final CivicPulseProperties properties;
    private final RunLock runLock;
    private final ApplicationEventPublisher events;
    private final TargetStore targets;
    private final RunCancellation cancellation;
    private final RunHistory history;

    NightlyRuns(JobOperator jobOperator, JobRepository jobRepository, Job nightlyRun, RunProgressHub progress,
            CivicPulseProperties properties, RunLock runLock, ApplicationEventPublisher events,
            TargetStore targets, RunCancellation cancellation, RunHistory history) {
        this.cancellation = cancellation;
        this.history = history;
        this.events = events;
        this.targets = targets;
        this.properties = properties;
        this.runLock = runLock;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyRun = nightlyRun;
        this.progress = progress;
    }

    /**
     * Runs the nightly job in the calling thread and returns when it has ended. When the last run with the same
     * input and dates failed, this restarts it (Spring Batch restart: it resumes at the step that failed);
     * otherwise it starts a new run.
     * <p>
     * A run someone cancelled ({@link #stop}) publishes no {@link RunFinished}: it ended because a person asked, so
     * there is nothing to alert anyone about; it stays in the run history as STOPPED.
     */
    public synchronized RunOutcome run(RunRequest request, RunProgressListener listener) {
        RunOutcome outcome = attempt(request, listener);
        if (outcome.jobExecutionId() < 0 || !cancellation.requestedBy(outcome.jobExecutionId()).isPresent()) {
            events.publishEvent(new RunFinished(request, outcome));
        }
        return outcome;
    }

    /**
     * Cancels a running run, in this process or another that shares the database: it ends STOPPED within seconds,
     * publishes nothing, and can be run again.
     *
     * @throws IllegalStateException when the run is not running
     */
    public void stop(long jobExecutionId, String requestedBy) {
        cancellation.cancel(jobExecutionId, requestedBy);
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
            cancellation.done();
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
                history.feedStats(execution.getJobInstanceId()), written, duration);
    }

    /**
     * The reason of a run that ended, read back from Spring Batch's tables (which keep the failures' stack traces as
     * text, not the exceptions): the input error if there is one, else the deepest cause named, else the first line.
     */
    static String failureReason(String exitDescription) {
        if (exitDescription == null || exitDescription.isBlank()) {
            return null;
        }
        Matcher wrapped = WRAPPED_INGEST_ERROR.matcher(exitDescription);
        if (wrapped.find()) {
            return wrapped.group(1).trim();
        }
        String reason = null;
        for (String line : exitDescription.lines().toList()) {
            String text = line.strip();
            if (reason == null && !text.startsWith("at ")) {
                reason = text;
            } else if (text.startsWith("Caused by: ")) {
                reason = text.substring("Caused by: ".length());
            }
        }
        // "java.lang.IllegalStateException: the message" reads as "the message".
        Matcher typed = Pattern.compile("^[\\w$.]+(?:Exception|Error): (.+)$").matcher(String.valueOf(reason));
        return typed.find() ? typed.group(1) : reason;
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
