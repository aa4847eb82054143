package io.civicpulse.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import io.civicpulse.cli.CivicPulseJobsApplication;
import io.civicpulse.run.RunFinished;
import io.civicpulse.run.RunHistory;
import io.civicpulse.run.RunRecord;
import io.civicpulse.run.ScheduledRunMissed;
import io.civicpulse.support.TestPostgres;

/**
 * Two dashboard instances on one PostgreSQL database: two application contexts, each with its own started Quartz
 * scheduler of the same clustered scheduler, on one schema. A schedule due once fires once, on one of them.
 */
class ScheduledRunsOnPostgresIntegrationTests {

    static final String SCHEMA = TestPostgres.schema("civicpulse_schedules_it");
    static final ZoneId CITY = ZoneId.of("America/New_York");

    @TempDir
    static Path home;

    /** Counts, per node, the events of each kind it published. */
    static final class Events implements ApplicationListener<PayloadApplicationEvent<?>> {

        final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<?> event) {
            Object payload = event.getPayload();
            if (payload instanceof RunFinished || payload instanceof ScheduledRunMissed) {
                counts.computeIfAbsent(payload.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
            }
        }

        int count(Class<?> kind) {
            return counts.getOrDefault(kind.getSimpleName(), new AtomicInteger()).get();
        }
    }

    @Test
    void givenTwoInstancesOnOneDatabaseWhenAScheduleIsDueThenItFiresExactlyOnce() throws Exception {
        // given
        String url = TestPostgres.freshSchema(SCHEMA);
        ScheduleFeeds.twoCases(home.resolve("inbox"), "once");
        Events eventsA = new Events();
        Events eventsB = new Events();
        try (ConfigurableApplicationContext a = node(url, eventsA);
                ConfigurableApplicationContext b = node(url, eventsB)) {
            // a cron with a year: due once, 8 seconds from now
            ZonedDateTime due = ZonedDateTime.now(CITY).plusSeconds(8).withNano(0);
            String cron = DateTimeFormatter.ofPattern("s m H d M '?' yyyy").format(due);
            a.getBean(RunSchedules.class).create(new RunSchedule.Draft("once", cron, "once", DateRule.YESTERDAY, 1,
                    true), "ana");

            // when it is due, and well after
            RunHistory history = b.getBean(RunHistory.class);
            ScheduleFeeds.await(Duration.ofSeconds(120), "the scheduled run", () -> history.latest(5).stream()
                    .anyMatch(r -> r.trigger().equals("schedule:once") && r.status().equals("COMPLETED")));
            Thread.sleep(Duration.ofSeconds(10));

            // then one run, started by one of the nodes, and no refused second firing
            List<RunRecord> runs = history.latest(20).stream().filter(r -> r.trigger().equals("schedule:once"))
                    .toList();
            System.out.println("fires: node A " + eventsA.count(RunFinished.class) + ", node B "
                    + eventsB.count(RunFinished.class) + "; runs " + runs.size() + ", due " + due.toInstant()
                    + ", started " + runs.getFirst().startedAt() + " (now " + Instant.now() + ")");
            assertThat(runs).hasSize(1);
            assertThat(eventsA.count(RunFinished.class) + eventsB.count(RunFinished.class)).isEqualTo(1);
            assertThat(eventsA.count(ScheduledRunMissed.class) + eventsB.count(ScheduledRunMissed.class)).isZero();
            assertThat(runs.getFirst().startedAt()).isAfterOrEqualTo(due.toInstant());
        }
    }

    private static ConfigurableApplicationContext node(String url, Events events) {
        return new SpringApplicationBuilder(CivicPulseJobsApplication.class).web(WebApplicationType.NONE)
                .listeners(events)
                .run("--civicpulse.home=" + home, "--civicpulse.runs.input-root=" + home.resolve("inbox"),
                        "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestPostgres.USER,
                        "--spring.datasource.password=", "--spring.quartz.auto-startup=true");
    }
}
