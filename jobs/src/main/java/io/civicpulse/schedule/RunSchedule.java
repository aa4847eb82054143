package io.civicpulse.schedule;

import java.time.Instant;

/**
 * A schedule as analysts keep it: run the nightly run with the files of {@code inputFolder} (relative to
 * {@code civicpulse.runs.input-root}) whenever the Quartz cron expression {@code cron} fires in the city's time zone,
 * for the days {@code dateRule} (with {@code days}) names.
 */
public record RunSchedule(long id, String name, String cron, String inputFolder, DateRule dateRule, int days,
        boolean enabled, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    /** The trigger of the runs it starts, as the run history shows it. */
    public String trigger() {
        return trigger(name);
    }

    static String trigger(String name) {
        return "schedule:" + name;
    }

    /** What a person fills in to create or change a schedule. */
    public record Draft(String name, String cron, String inputFolder, DateRule dateRule, int days,
            boolean enabled) {
    }
}
