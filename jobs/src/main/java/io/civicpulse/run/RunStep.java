package io.civicpulse.run;

import org.apache.spark.sql.SparkSession;
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

    RunStep(SparkSessionProvider spark, CivicPulseProperties properties, RunProgressHub progress) {
        this.spark = spark;
        this.properties = properties;
        this.progress = progress;
    }

    @Override
    public final RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        execute(NightlyRunJobConfiguration.RunContext.of(chunkContext, properties), spark.session(), contribution);
        return RepeatStatus.FINISHED;
    }

    abstract void execute(NightlyRunJobConfiguration.RunContext run, SparkSession session,
            StepContribution contribution);
}
