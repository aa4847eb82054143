package io.civicpulse.run;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.civicpulse.CivicPulseProperties;

/**
 * The nightly run as a Spring Batch job: ingest → merge into history → compute KPIs → publish → clean up.
 * Every step before publish writes only into the run's own work folder or a new history version, so a failure
 * anywhere leaves the published results and the history in force untouched; publish replaces the recomputed
 * periods and switches the history version in one database transaction. A failed run restarted with the same
 * parameters resumes at the step that failed, reusing what earlier steps wrote.
 */
@Configuration(proxyBeanMethods = false)
class NightlyRunJobConfiguration {

    static final String JOB_NAME = "nightlyRun";
    static final String INPUT = "input";
    static final String FROM = "from";
    static final String TO = "to";
    static final String RUN_ID = "run.id";
    static final String TRIGGER = "trigger";

    /**
     * The registry a restart finds the job in, as a bean of its own: it registers every job once all singletons
     * exist. Without it Spring Batch fills a registry when the job operator is created, and the job, which needs
     * the operator (through the run's cancellation listener), is not there yet, so a restart would find no job.
     */
    @Bean
    static MapJobRegistry jobRegistry() {
        return new MapJobRegistry();
    }

    @Bean
    Job nightlyRun(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestTasklet ingest,
            HistoryTasklet history, ComputeTasklet compute, PublishTasklet publish, CleanupTasklet cleanup,
            RunCancellation cancellation) {
        StepFactory steps = (name, tasklet) -> new StepBuilder(name, jobRepository)
                .tasklet(tasklet, transactionManager)
                .build();
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(cancellation)
                .start(steps.step("ingest", ingest))
                .next(steps.step("history", history))
                .next(steps.step("compute", compute))
                .next(steps.step("publish", publish))
                .next(steps.step("cleanup", cleanup))
                .build();
    }

    @FunctionalInterface
    private interface StepFactory {
        Step step(String name, RunStep tasklet);
    }

    /** The parameters and workspace of the run a step belongs to. */
    record RunContext(Path input, LocalDate from, LocalDate to, RunWorkspace workspace, JobExecution execution) {

        static RunContext of(ChunkContext chunk, CivicPulseProperties properties) {
            JobExecution execution = chunk.getStepContext().getStepExecution().getJobExecution();
            var parameters = execution.getJobParameters();
            return new RunContext(Path.of(parameters.getString(INPUT)), parameters.getLocalDate(FROM),
                    parameters.getLocalDate(TO),
                    new RunWorkspace(properties.homeDirectory(), execution.getJobInstanceId()), execution);
        }
    }
}
