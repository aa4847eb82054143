package io.civicpulse.schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.run.InputFolders;
import io.civicpulse.run.NightlyRuns;
import io.civicpulse.run.RunOutcome;
import io.civicpulse.run.RunProgressListener;
import io.civicpulse.run.RunRequest;
import io.civicpulse.run.ScheduledRunMissed;

/**
 * What a schedule does when it fires: the nightly run of its folder and days, with the trigger
 * {@code schedule:<name>}. Runs that did not happen on time are announced as {@link ScheduledRunMissed}: the times
 * no instance was up for (made up by this one run, docs/decisions/0009), and a run that could not start.
 */
@Service
class ScheduledRuns {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);
    /** Enough to word a long outage; the count beyond is not worth computing. */
    private static final int MAX_MISSED = 1000;

    private final RunSchedules schedules;
    private final NightlyRuns runs;
    private final InputFolders folders;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;

    ScheduledRuns(RunSchedules schedules, NightlyRuns runs, InputFolders folders, ApplicationEventPublisher events,
            CivicPulseProperties properties) {
        this.schedules = schedules;
        this.runs = runs;
        this.folders = folders;
        this.events = events;
        this.zone = properties.city().timeZone();
    }

    /**
     * @param previous when the schedule last fired (or just before it was planned)
     * @param scheduled when Quartz meant this firing to be: a cron time, or the time a missed firing was made up
     */
    void fire(long scheduleId, Instant previous, Instant scheduled) {
        Optional<RunSchedule> found = schedules.find(scheduleId);
        if (found.isEmpty() || !found.get().enabled()) {
            return;
        }
        RunSchedule schedule = found.get();
        // Cron times after the last firing and before this one were missed while no instance was running; Quartz
        // fires once for all of them, now (misfire policy "fire once now").
        List<Instant> missed = CronText.between(schedule.cron(), zone, previous, scheduled, MAX_MISSED);
        Instant due = missed.isEmpty() ? scheduled : missed.getLast();
        if (!missed.isEmpty()) {
            events.publishEvent(new ScheduledRunMissed(schedule.name(), missed.getFirst(), madeUp(missed, scheduled)));
        }
        Path input;
        try {
            input = folders.check(schedule.inputFolder());
        } catch (InputFolders.InvalidInputFolder e) {
            events.publishEvent(new ScheduledRunMissed(schedule.name(), due, "the run could not start: "
                    + e.getMessage()));
            return;
        }
        LocalDate[] days = schedule.dateRule().range(due.atZone(zone).toLocalDate(), schedule.days());
        log.info("Schedule {} fires: the run of {} for {} to {}", schedule.name(), input, days[0], days[1]);
        RunOutcome outcome = runs.run(new RunRequest(input, days[0], days[1], schedule.trigger()),
                RunProgressListener.NONE);
        if (outcome.jobExecutionId() < 0) {
            // Refused before it began, such as while another instance's run holds the run lock.
            events.publishEvent(new ScheduledRunMissed(schedule.name(), due, outcome.failure()));
        }
    }

    void couldNotStart(long scheduleId, Instant due, RuntimeException e) {
        log.warn("Schedule {} could not start its run", scheduleId, e);
        String name = schedules.find(scheduleId).map(RunSchedule::name).orElse("#" + scheduleId);
        events.publishEvent(new ScheduledRunMissed(name, due, "the run could not start: " + e.getMessage()));
    }

    private String madeUp(List<Instant> missed, Instant now) {
        String at = now.atZone(zone).truncatedTo(ChronoUnit.SECONDS).toLocalDateTime().toString().replace('T', ' ');
        if (missed.size() == 1) {
            return "no instance of CivicPulse was running when it was due; it was made up at " + at;
        }
        String last = missed.getLast().atZone(zone).toLocalDateTime().toString().replace('T', ' ');
        return "no instance of CivicPulse was running for " + (missed.size() >= MAX_MISSED ? "at least " : "")
                + missed.size() + " of its times, up to " + last + "; one run made up for the latest at " + at;
    }
}
