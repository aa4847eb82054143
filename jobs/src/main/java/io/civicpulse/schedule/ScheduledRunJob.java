package io.civicpulse.schedule;

import java.time.Instant;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of a schedule. Quartz creates one per firing through Spring Boot's job factory, which injects the
 * constructor's beans. One firing of a schedule at a time, across the cluster.
 */
@DisallowConcurrentExecution
class ScheduledRunJob implements Job {

    private final ScheduledRuns runs;

    ScheduledRunJob(ScheduledRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        Instant previous = context.getPreviousFireTime() != null ? context.getPreviousFireTime().toInstant()
                : context.getTrigger().getStartTime().toInstant().minusMillis(1);
        long id = context.getMergedJobDataMap().getLong(RunSchedules.SCHEDULE_ID);
        try {
            runs.fire(id, previous, context.getScheduledFireTime().toInstant());
        } catch (RuntimeException e) {
            // A run's own failures end in its outcome; this is a schedule that could not even try: say so.
            runs.couldNotStart(id, context.getScheduledFireTime().toInstant(), e);
        }
    }
}
