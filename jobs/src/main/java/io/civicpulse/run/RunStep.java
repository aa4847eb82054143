package io.civicpulse.run;

import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.spark.SparkSessionProvider;

/** A step of the nightly run: one Spark unit of work on the run's parameters and workspace. */
abstract class RunStep implements Tasklet {

    final SparkSessionProvider spark;
    final CivicPulseProperties properties;
    final RunProgressHub progress;
    private RunCancellation cancellation;

    RunStep(SparkSessionProvider spark, CivicPulseProperties properties, RunProgressHub progress) {
        this.spark = spark;
        this.properties = properties;
        this.progress = progress;
    }

    @org.springframework.beans.factory.annotation.Autowired
    final void setCancellation(RunCancellation cancellation) {
        this.cancellation = cancellation;
    }

    /**
     * Runs the step's Spark work in the run's Spark job group, so that a cancel can stop it mid-job. A step that fails
     * because its run was cancelled throws {@link JobInterruptedException}: Spring Batch rolls the step's transaction
     * back and ends the step and the run STOPPED rather than FAILED.
     */
    @Override
    public final RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
            throws JobInterruptedException {
        NightlyRunJobConfiguration.RunContext run = NightlyRunJobConfiguration.RunContext.of(chunkContext, properties);
        long id = run.execution().getId();
        progress.running(id);
        cancellation.watch(id);
        SparkSession session = spark.session();
        session.sparkContext().setJobGroup(RunCancellation.group(id), "CivicPulse run " + id, true);
        try {
            if (cancellation.requested(id)) {
                throw new JobInterruptedException("run " + id + " was cancelled", BatchStatus.STOPPED);
            }
            execute(run, session, contribution);
        } catch (RuntimeException e) {
            if (cancellation.requested(id)) {
                JobInterruptedException stopped = new JobInterruptedException("run " + id + " was cancelled",
                        BatchStatus.STOPPED);
                stopped.initCause(e);
                throw stopped;
            }
            throw e;
        } finally {
            session.sparkContext().clearJobGroup();
        }
        return RepeatStatus.FINISHED;
    }

    abstract void execute(NightlyRunJobConfiguration.RunContext run, SparkSession session,
            StepContribution contribution);
}
