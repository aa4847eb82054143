package io.civicpulse.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronExpression;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.civicpulse.cli.CivicPulseJobsApplication;
import io.civicpulse.generate.FeedGenerator;
import io.civicpulse.generate.GeneratorSettings;
import io.civicpulse.run.InputFolders;
import io.civicpulse.run.NightlyRuns;
import io.civicpulse.run.RunHistory;
import io.civicpulse.run.RunLauncher;
import io.civicpulse.run.RunOutcome;
import io.civicpulse.run.RunProgress;
import io.civicpulse.run.RunProgressListener;
import io.civicpulse.run.RunRecord;
import io.civicpulse.run.RunRequest;

/**
 * Schedules, run history and run control on H2 with real Spark and a started, clustered Quartz scheduler: a schedule
 * fires into a recorded run; the history shows command-line runs with counts, rejects and a failure's cause; a cancel
 * stops a running run and leaves the published results alone; bad schedules save nothing.
 */
@SpringBootTest(classes = CivicPulseJobsApplication.class, properties = { "spring.quartz.auto-startup=true",
        "civicpulse.ingest.max-reject-rate=0.5" })
@DirtiesContext
class ScheduledRunsIntegrationTests {

    static final ZoneId CITY = ZoneId.of("America/New_York");

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("civicpulse.home", () -> home.toString());
        registry.add("civicpulse.runs.input-root", () -> home.resolve("inbox").toString());
    }

    @Autowired
    RunSchedules schedules;

    @Autowired
    RunHistory history;

    @Autowired
    NightlyRuns runs;

    @Autowired
    RunLauncher launcher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void givenAScheduleFiringEverySecondWhenItFiresThenItsRunIsInTheHistoryWithTheSchedulesTrigger()
            throws Exception {
        // given
        ScheduleFeeds.twoCases(home.resolve("inbox"), "every-second");
        RunSchedule schedule = schedules.create(new RunSchedule.Draft("every second", "* * * * * ?", "every-second",
                DateRule.YESTERDAY, 1, true), "ana");

        // when it fires
        ScheduleFeeds.await(Duration.ofSeconds(120), "a completed run of the schedule",
                () -> runsOf("schedule:every second").stream().anyMatch(r -> r.status().equals("COMPLETED")));
        schedules.setEnabled(schedule.id(), false, "ana");

        // then
        RunRecord run = runsOf("schedule:every second").stream().filter(r -> r.status().equals("COMPLETED"))
                .findFirst().orElseThrow();
        LocalDate yesterday = run.startedAt().atZone(CITY).toLocalDate().minusDays(1);
        assertThat(run.from()).isEqualTo(yesterday);
        assertThat(run.to()).isEqualTo(yesterday);
        assertThat(run.input()).isEqualTo(home.resolve("inbox/every-second").toAbsolutePath().normalize());
        assertThat(run.feeds()).anySatisfy(feed -> assertThat(feed.rowsRead()).isEqualTo(2));
        assertThat(schedules.nextRun(schedules.find(schedule.id()).orElseThrow())).isEmpty();
    }

    @Test
    void givenACommandLineRunWithRejectsAndAFailedRunWhenTheHistoryIsReadThenItShowsCountsRejectsAndTheCause()
            throws Exception {
        // given a run with one bad row in three, and a run whose file lacks a column
        Path rejects = ScheduleFeeds.cases(home, "with-rejects",
                "R1,SAN,Bulky Items,PHONE,D1,2026-03-02T09:00:00,2026-03-02T10:00:00,2026-03-02T12:00:00,CLOSED",
                "R2,SAN,Bulky Items,PHONE,D1,not-a-time,2026-03-02T11:00:00,2026-03-02T12:00:00,CLOSED",
                "R3,SAN,Bulky Items,PHONE,D1,2026-03-02T09:00:00,2026-03-02T11:00:00,2026-03-02T12:00:00,CLOSED");
        Path broken = Files.createDirectories(home.resolve("broken"));
        Files.writeString(broken.resolve("cases-2026-03.csv"), "case_id,department\nX1,SAN\n");

        // when
        RunOutcome good = runs.run(new RunRequest(rejects, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2),
                "command-line"), RunProgressListener.NONE);
        RunOutcome failed = runs.run(new RunRequest(broken, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2),
                "command-line"), RunProgressListener.NONE);

        // then
        assertThat(good.succeeded()).as(good.failure()).isTrue();
        RunRecord goodRun = history.find(good.jobExecutionId()).orElseThrow();
        assertThat(goodRun.status()).isEqualTo("COMPLETED");
        assertThat(goodRun.trigger()).isEqualTo("command-line");
        assertThat(goodRun.feeds()).anySatisfy(feed -> {
            assertThat(feed.rowsRead()).isEqualTo(3);
            assertThat(feed.rowsRejected()).isEqualTo(1);
            assertThat(feed.rowsLoaded()).isEqualTo(2);
        });
        assertThat(goodRun.kpiRowsPublished()).isPositive();
        assertThat(goodRun.rejectReport()).isPresent();
        List<List<String>> rows = history.rejectRows(goodRun, 200);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get(1)).isEqualTo("3");
        assertThat(rows.getFirst().get(2)).isEqualTo("opened_at");

        assertThat(failed.succeeded()).isFalse();
        RunRecord failedRun = history.find(failed.jobExecutionId()).orElseThrow();
        assertThat(failedRun.status()).isEqualTo("FAILED");
        assertThat(failedRun.failure()).isEqualTo(failed.failure()).contains("cases-2026-03.csv");
        assertThat(history.latest(10)).extracting(RunRecord::executionId)
                .containsSubsequence(failed.jobExecutionId(), good.jobExecutionId());
    }

    @Test
    void givenARunningRunWhenItIsCancelledThenItStopsWithinSecondsAsStoppedAndThePublishedResultsStay()
            throws Exception {
        // given results published by an earlier run, and a run over many generated rows
        RunOutcome earlier = runs.run(new RunRequest(ScheduleFeeds.twoCases(home, "published"),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), "command-line"), RunProgressListener.NONE);
        assertThat(earlier.succeeded()).as(earlier.failure()).isTrue();
        String publishedBefore = published();
        Path big = home.resolve("big");
        new FeedGenerator(new GeneratorSettings(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), 0.4, 7, CITY,
                false)).generate(big, line -> {
                });
        CompletableFuture<RunOutcome> running = launcher.start(new RunRequest(big, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 28), "dashboard:ana"));
        ScheduleFeeds.await(Duration.ofSeconds(60), "the run's live progress", () -> history.latest(1).stream()
                .anyMatch(r -> r.running() && r.progress().map(RunProgress::kind)
                        .filter(k -> k == RunProgress.Kind.INGEST_READING).isPresent()));
        long id = history.latest(1).getFirst().executionId();

        // when
        Instant asked = Instant.now();
        runs.stop(id, "ana");
        RunOutcome outcome = running.get(60, TimeUnit.SECONDS);
        Duration latency = Duration.between(asked, Instant.now());

        // then
        System.out.println("cancel latency: " + latency.toMillis() + " ms");
        assertThat(latency).isLessThan(Duration.ofSeconds(15));
        assertThat(outcome.succeeded()).isFalse();
        RunRecord stopped = history.find(id).orElseThrow();
        assertThat(stopped.status()).isEqualTo("STOPPED");
        assertThat(stopped.failure()).isEqualTo("cancelled by ana");
        assertThat(stopped.restartable()).isTrue();
        assertThat(published()).isEqualTo(publishedBefore);
        assertThatThrownBy(() -> runs.stop(id, "ana")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenABadCronOrAnUnknownFolderWhenASchedulesIsSavedThenTheMessageSaysWhyAndNothingIsSaved()
            throws Exception {
        Files.createDirectories(home.resolve("inbox/ok"));
        int before = schedules.list().size();
        long jobsBefore = quartzJobs();

        assertThatThrownBy(() -> schedules.create(new RunSchedule.Draft("bad cron", "0 0 25 * * ?", "ok",
                DateRule.YESTERDAY, 1, true), "ana"))
                .isInstanceOfSatisfying(InvalidSchedule.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidSchedule.Problem.INVALID_CRON))
                .hasMessageContaining("'0 0 25 * * ?' is not a Quartz cron expression");
        assertThatThrownBy(() -> schedules.create(new RunSchedule.Draft("unknown folder", "0 0 2 * * ?", "nowhere",
                DateRule.YESTERDAY, 1, true), "ana"))
                .isInstanceOfSatisfying(InputFolders.InvalidInputFolder.class,
                        e -> assertThat(e.problem()).isEqualTo(InputFolders.Problem.MISSING))
                .hasMessageContaining("there is no folder");
        assertThatThrownBy(() -> schedules.create(new RunSchedule.Draft("escape", "0 0 2 * * ?", "../..",
                DateRule.YESTERDAY, 1, true), "ana"))
                .isInstanceOfSatisfying(InputFolders.InvalidInputFolder.class,
                        e -> assertThat(e.problem()).isEqualTo(InputFolders.Problem.OUTSIDE_ROOT));
        RunSchedule nightly = schedules.create(new RunSchedule.Draft("nightly", "0 30 2 * * ?", "ok",
                DateRule.LAST_N_DAYS, 3, true), "ana");
        assertThatThrownBy(() -> schedules.update(nightly.id(), new RunSchedule.Draft("nightly", "0 30 2 * * ?",
                "nowhere", DateRule.LAST_N_DAYS, 3, false), "bo"))
                .isInstanceOf(InputFolders.InvalidInputFolder.class);
        assertThatThrownBy(() -> schedules.create(new RunSchedule.Draft("NIGHTLY", "0 0 3 * * ?", "ok",
                DateRule.YESTERDAY, 1, true), "ana"))
                .isInstanceOfSatisfying(InvalidSchedule.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidSchedule.Problem.NAME_TAKEN));

        // then only the good schedule is saved, unchanged by the failed update, with its one trigger
        assertThat(schedules.list()).hasSize(before + 1);
        RunSchedule kept = schedules.find(nightly.id()).orElseThrow();
        assertThat(kept.enabled()).isTrue();
        assertThat(kept.inputFolder()).isEqualTo("ok");
        assertThat(quartzJobs()).isEqualTo(jobsBefore + 1);
        assertThat(schedules.nextRun(kept)).hasValueSatisfying(next -> {
            assertThat(next.getZone()).isEqualTo(CITY);
            assertThat(next.toLocalTime().toString()).isEqualTo("02:30");
        });
        schedules.delete(nightly.id());
        assertThat(quartzJobs()).isEqualTo(jobsBefore);
    }

    /**
     * A daily schedule whose last time passed while no instance ran: the scheduler is stopped (the command line's
     * default), its trigger put back to a missed time in the database, and a new application started on the same
     * database, as after an outage.
     */
    @Test
    void givenARunMissedWhileTheApplicationWasDownWhenItStartsThenTheRunIsMadeUpAndTheMissIsAnnounced(
            @TempDir Path downHome) throws Exception {
        Path inbox = Files.createDirectories(downHome.resolve("inbox"));
        ScheduleFeeds.twoCases(inbox, "daily");
        long scheduleId;
        CronExpression daily = new CronExpression("0 0 3 * * ?");
        daily.setTimeZone(TimeZone.getTimeZone(CITY));
        Instant missed = lastBefore(daily, Instant.now());
        Instant firedBefore = lastBefore(daily, missed);
        try (ConfigurableApplicationContext down = application(downHome, false)) {
            RunSchedules planner = down.getBean(RunSchedules.class);
            scheduleId = planner.create(new RunSchedule.Draft("daily", "0 0 3 * * ?", "daily", DateRule.YESTERDAY,
                    1, true), "ana").id();
            down.getBean(JdbcClient.class).sql(
                    "UPDATE QRTZ_TRIGGERS SET PREV_FIRE_TIME = ?, NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = ?")
                    .params(firedBefore.toEpochMilli(), missed.toEpochMilli(), RunSchedules.name(scheduleId))
                    .update();
        }

        try (ConfigurableApplicationContext up = application(downHome, true)) {
            RunHistory upHistory = up.getBean(RunHistory.class);
            ScheduleFeeds.await(Duration.ofSeconds(120), "the made-up run", () -> upHistory.latest(5).stream()
                    .anyMatch(r -> r.trigger().equals("schedule:daily") && r.status().equals("COMPLETED")));
            RunRecord run = upHistory.latest(5).getFirst();
            LocalDate dueDay = missed.atZone(CITY).toLocalDate();
            assertThat(run.from()).isEqualTo(dueDay.minusDays(1));
            assertThat(run.to()).isEqualTo(dueDay.minusDays(1));
            assertThat(upHistory.latest(5)).filteredOn(r -> r.trigger().equals("schedule:daily")).hasSize(1);
            List<String> announced = up.getBean(JdbcClient.class)
                    .sql("SELECT detail FROM alert_notification WHERE kind = 'RUN_MISSED'").query(String.class).list();
            assertThat(announced).singleElement().asString().contains("daily").contains("made up");
            Optional<Instant> next = up.getBean(RunSchedules.class).find(scheduleId)
                    .flatMap(s -> up.getBean(RunSchedules.class).nextRun(s)).map(t -> t.toInstant());
            assertThat(next).hasValueSatisfying(t -> assertThat(t).isAfter(Instant.now()));
        }
    }

    private static ConfigurableApplicationContext application(Path home, boolean scheduler) {
        return new SpringApplicationBuilder(CivicPulseJobsApplication.class).web(WebApplicationType.NONE)
                // Arguments, not default properties: Spring Boot puts those below the CivicPulse defaults.
                .run("--civicpulse.home=" + home, "--civicpulse.runs.input-root=" + home.resolve("inbox"),
                        "--spring.quartz.auto-startup=" + scheduler);
    }

    private static Instant lastBefore(CronExpression cron, Instant before) {
        Date candidate = cron.getNextValidTimeAfter(Date.from(before.minus(Duration.ofDays(2))));
        Date last = null;
        while (candidate != null && candidate.toInstant().isBefore(before)) {
            last = candidate;
            candidate = cron.getNextValidTimeAfter(candidate);
        }
        return last.toInstant();
    }

    private List<RunRecord> runsOf(String trigger) {
        return history.latest(50).stream().filter(r -> r.trigger().equals(trigger)).toList();
    }

    private long quartzJobs() {
        return jdbc.sql("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS").query(Long.class).single();
    }

    private String published() {
        return jdbc.sql("SELECT COUNT(*) || '/' || COALESCE(SUM(kpi_value), 0) || '/' || MAX(publication_id)"
                + " FROM kpi_result").query(String.class).single();
    }
}
