package io.civicpulse.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.run.InputFolders;

/**
 * The analysts' schedules: each row of {@code run_schedule} and, while it is enabled, a Quartz job with one cron
 * trigger in the clustered JDBC job store, so that the schedule fires once across every dashboard instance. A change
 * saves both in one transaction (Spring's Quartz job store joins it): a bad expression or folder saves nothing.
 */
@Service
public class RunSchedules {

    static final String GROUP = "civicpulse-schedules";
    static final String SCHEDULE_ID = "scheduleId";

    private final JdbcClient jdbc;
    private final Scheduler scheduler;
    private final InputFolders folders;
    private final ZoneId zone;

    RunSchedules(JdbcClient jdbc, Scheduler scheduler, InputFolders folders, CivicPulseProperties properties) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.folders = folders;
        this.zone = properties.city().timeZone();
    }

    /** What a cron expression says and when it fires next, for the form's preview. */
    public record Preview(String description, List<ZonedDateTime> next) {
    }

    /**
     * @throws InvalidSchedule when the expression is not valid Quartz cron
     */
    public Preview preview(String cron, Locale locale) {
        return new Preview(CronText.describe(cron, locale), CronText.next(cron, zone, Instant.now(), 3));
    }

    public ZoneId zone() {
        return zone;
    }

    public List<RunSchedule> list() {
        return jdbc.sql("SELECT * FROM run_schedule ORDER BY name").query(RunSchedules::schedule).list();
    }

    public Optional<RunSchedule> find(long id) {
        return jdbc.sql("SELECT * FROM run_schedule WHERE id = ?").param(id).query(RunSchedules::schedule)
                .optional();
    }

    /**
     * @throws InvalidSchedule or {@link InputFolders.InvalidInputFolder} when something is wrong; nothing is saved
     */
    @Transactional
    public RunSchedule create(RunSchedule.Draft draft, String user) {
        Draft checked = check(draft, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO run_schedule (name, cron, input_dir, date_rule, rule_days, enabled, created_by, created_at,
                    updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(checked.name, checked.cron, checked.folder, checked.rule.name(), checked.days,
                        draft.enabled(), user, now, user, now)
                .update(key, "id");
        RunSchedule saved = find(key.getKey().longValue()).orElseThrow();
        plan(saved);
        return saved;
    }

    /**
     * @throws InvalidSchedule or {@link InputFolders.InvalidInputFolder} when something is wrong; nothing is saved
     */
    @Transactional
    public RunSchedule update(long id, RunSchedule.Draft draft, String user) {
        existing(id);
        Draft checked = check(draft, id);
        jdbc.sql("""
                UPDATE run_schedule SET name = ?, cron = ?, input_dir = ?, date_rule = ?, rule_days = ?, enabled = ?,
                    updated_by = ?, updated_at = ? WHERE id = ?""")
                .params(checked.name, checked.cron, checked.folder, checked.rule.name(), checked.days,
                        draft.enabled(), user, OffsetDateTime.now(ZoneOffset.UTC), id)
                .update();
        RunSchedule saved = find(id).orElseThrow();
        plan(saved);
        return saved;
    }

    @Transactional
    public RunSchedule setEnabled(long id, boolean enabled, String user) {
        existing(id);
        jdbc.sql("UPDATE run_schedule SET enabled = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(enabled, user, OffsetDateTime.now(ZoneOffset.UTC), id).update();
        RunSchedule saved = find(id).orElseThrow();
        plan(saved);
        return saved;
    }

    @Transactional
    public void delete(long id) {
        existing(id);
        unplan(id);
        jdbc.sql("DELETE FROM run_schedule WHERE id = ?").param(id).update();
    }

    /** When the schedule fires next, if it is enabled. */
    public Optional<ZonedDateTime> nextRun(RunSchedule schedule) {
        try {
            Trigger trigger = scheduler.getTrigger(org.quartz.TriggerKey.triggerKey(name(schedule.id()), GROUP));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime)
                    .map(time -> time.toInstant().atZone(zone));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the schedule's trigger: " + e.getMessage(), e);
        }
    }

    private RunSchedule existing(long id) {
        return find(id).orElseThrow(() -> new InvalidSchedule(InvalidSchedule.Problem.UNKNOWN_SCHEDULE,
                Long.toString(id), "there is no schedule " + id));
    }

    private record Draft(String name, String cron, String folder, DateRule rule, int days) {
    }

    private Draft check(RunSchedule.Draft draft, Long id) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            throw new InvalidSchedule(InvalidSchedule.Problem.BLANK_NAME, name, "give the schedule a name");
        }
        if (name.length() > 100) {
            throw new InvalidSchedule(InvalidSchedule.Problem.NAME_TOO_LONG, name,
                    "a schedule's name has at most 100 characters");
        }
        boolean taken = jdbc.sql("SELECT COUNT(*) FROM run_schedule WHERE LOWER(name) = LOWER(?) AND id <> ?")
                .params(name, id == null ? -1 : id).query(Long.class).single() > 0;
        if (taken) {
            throw new InvalidSchedule(InvalidSchedule.Problem.NAME_TAKEN, name,
                    "there is a schedule named " + name + " already");
        }
        String cron = CronText.parse(draft.cron(), zone).getCronExpression();
        DateRule rule = draft.dateRule() == null ? DateRule.YESTERDAY : draft.dateRule();
        int days = rule == DateRule.LAST_N_DAYS ? draft.days() : 1;
        if (days < 1 || days > DateRule.MAX_DAYS) {
            throw new InvalidSchedule(InvalidSchedule.Problem.BAD_DAYS, Integer.toString(draft.days()),
                    "the number of days must be from 1 to " + DateRule.MAX_DAYS);
        }
        folders.check(draft.inputFolder());
        return new Draft(name, cron, draft.inputFolder().strip(), rule, days);
    }

    /** The Quartz job of an enabled schedule, replacing the one it had; none for a disabled one. */
    private void plan(RunSchedule schedule) {
        if (!schedule.enabled()) {
            unplan(schedule.id());
            return;
        }
        JobDetail job = JobBuilder.newJob(ScheduledRunJob.class)
                .withIdentity(name(schedule.id()), GROUP)
                .withDescription(schedule.trigger())
                .usingJobData(SCHEDULE_ID, schedule.id())
                .storeDurably()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(name(schedule.id()), GROUP)
                .forJob(job)
                // Missed while no instance was running: fire once as soon as one starts (docs/decisions/0009).
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron()).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("the schedule could not be planned: " + e.getMessage(), e);
        }
    }

    private void unplan(long id) {
        try {
            scheduler.deleteJob(JobKey.jobKey(name(id), GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("the schedule could not be removed: " + e.getMessage(), e);
        }
    }

    static String name(long id) {
        return "schedule-" + id;
    }

    private static RunSchedule schedule(ResultSet rs, int row) throws SQLException {
        return new RunSchedule(rs.getLong("id"), rs.getString("name"), rs.getString("cron"),
                rs.getString("input_dir"), DateRule.valueOf(rs.getString("date_rule")), rs.getInt("rule_days"),
                rs.getBoolean("enabled"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
