package io.civicpulse.run;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.NoSuchJobExecutionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.civicpulse.spark.SparkSessionProvider;

/**
 * Cancelling a running run, from any process that shares the database. A request marks the execution STOPPING in
 * Spring Batch's tables ({@link JobOperator#stop}) and records who asked; the process running it notices within a
 * second (it polls the status while its run lives) and cancels the run's Spark job group, so that a step in the
 * middle of a long Spark job stops at once rather than at its end. The step then ends STOPPED, its transaction
 * rolled back: nothing is published, the results in force stay as they were, and the run can be run again.
 */
@Component
class RunCancellation implements DisposableBean, JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunCancellation.class);
    static final long POLL_MILLIS = 500;

    private final JobOperator jobOperator;
    private final JdbcClient jdbc;
    private final SparkSessionProvider spark;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("civicpulse-run-cancel").daemon(true).factory());
    /** The execution running in this process, 0 when none. */
    private volatile long running;
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();

    RunCancellation(JobOperator jobOperator, JdbcClient jdbc, SparkSessionProvider spark) {
        this.jobOperator = jobOperator;
        this.jdbc = jdbc;
        this.spark = spark;
        watcher.scheduleWithFixedDelay(this::checkRunning, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The Spark job group of a run's Spark jobs. */
    static String group(long jobExecutionId) {
        return "civicpulse-run-" + jobExecutionId;
    }

    /**
     * Asks the run to stop, wherever it runs.
     *
     * @throws IllegalStateException when the run is not running (any more)
     */
    void cancel(long jobExecutionId, String requestedBy) {
        try {
            jobOperator.stop(jobExecutionId);
        } catch (NoSuchJobExecutionException | JobExecutionNotRunningException e) {
            throw new IllegalStateException("run " + jobExecutionId + " is not running", e);
        }
        jdbc.sql("DELETE FROM run_cancel_request WHERE job_execution_id = ?").param(jobExecutionId).update();
        jdbc.sql("INSERT INTO run_cancel_request (job_execution_id, requested_by, requested_at) VALUES (?, ?, ?)")
                .params(jobExecutionId, requestedBy, OffsetDateTime.now(ZoneOffset.UTC)).update();
        if (running == jobExecutionId) {
            cancelSpark(jobExecutionId);
        }
    }

    /** The run's steps start in this process. */
    void watch(long jobExecutionId) {
        running = jobExecutionId;
    }

    void done() {
        running = 0;
    }

    /** Whether someone asked this run to stop; checked when a step fails, to tell a cancel from a failure. */
    boolean requested(long jobExecutionId) {
        return cancelled.contains(jobExecutionId) || stopping(jobExecutionId);
    }

    /** Who cancelled a run, if anyone did. */
    java.util.Optional<String> requestedBy(long jobExecutionId) {
        return jdbc.sql("SELECT requested_by FROM run_cancel_request WHERE job_execution_id = ?")
                .param(jobExecutionId).query(String.class).optional();
    }

    private boolean stopping(long jobExecutionId) {
        return jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?").param(jobExecutionId)
                .query(String.class).optional().filter("STOPPING"::equals).isPresent();
    }

    private void checkRunning() {
        long current = running;
        if (current == 0 || cancelled.contains(current)) {
            return;
        }
        try {
            if (stopping(current)) {
                cancelSpark(current);
            }
        } catch (RuntimeException e) {
            log.warn("Could not check whether run {} was cancelled: {}", current, e.toString());
        }
    }

    private void cancelSpark(long jobExecutionId) {
        if (cancelled.add(jobExecutionId)) {
            log.info("Run {} was cancelled: cancelling its Spark jobs", jobExecutionId);
            spark.ifStarted().ifPresent(session -> session.sparkContext().cancelJobGroup(group(jobExecutionId)));
        }
    }

    /**
     * A step whose Spark job was cancelled fails with Spark's exception, and Spring Batch ends the run FAILED; the run
     * ended because someone asked, so it ends STOPPED, which says so and lets it run again.
     */
    @Override
    public void afterJob(JobExecution execution) {
        long id = execution.getId();
        if (execution.getStatus() == BatchStatus.FAILED && (cancelled.contains(id) || requestedBy(id).isPresent())) {
            execution.setStatus(BatchStatus.STOPPED);
            execution.setExitStatus(ExitStatus.STOPPED.addExitDescription(
                    "cancelled by " + requestedBy(id).orElse("a request")));
        }
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }
}
