package io.civicpulse.dashboard.warming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.civicpulse.dashboard.PublishedResults;
import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.publication.PublishedAnswers;
import io.civicpulse.dashboard.scoreboard.Scoreboard;
import io.civicpulse.dashboard.scoreboard.ScoreboardPeriod;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;

/**
 * The dashboard warms a publication it did not make itself (the batch command line's) once its check finds it;
 * what the warming kept answers the views afterwards. (That warmed answers equal cold ones, on H2 and PostgreSQL:
 * DashboardQueriesOnPostgresIntegrationTests.)
 */
@SpringBootTest(properties = { "civicpulse.security.bootstrap-admin-password=test-only-password",
        "spring.quartz.auto-startup=false" })
class AnswerWarmingScheduleTests {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHomeWithWarming(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
        registry.add("civicpulse.dashboard.answer-warming.enabled", () -> "true");
        registry.add("civicpulse.dashboard.answer-warming.poll", () -> "100ms");
    }

    @Autowired
    AnswerWarmingSchedule schedule;

    @Autowired
    PublishedAnswers answers;

    @Autowired
    Scoreboard scoreboard;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aPublicationIsWarmedWhenTheCheckFindsItAndItsAnswersServeTheViews() throws InterruptedException {
        // given nothing published, nothing is warmed
        Thread.sleep(300);
        assertThat(schedule.last()).isEmpty();

        // when another process publishes two months of the city and one department, in one transaction as a run does
        transaction.executeWithoutResult(status -> {
            PublishedResults results = new PublishedResults(jdbc);
            for (LocalDate month : new LocalDate[] { MARCH, APRIL }) {
                for (String department : new String[] { null, "SAN" }) {
                    results.row(Kpi.EXPERIENCE_SCORE, "MONTH", month, department, null, null, null, 0.9, 100, 1.0,
                            false, 0.9, false);
                    results.row(Kpi.CASES_OPENED, "MONTH", month, department, null, null, null, 120.0, 120, null,
                            null, null, false);
                }
                results.row(Kpi.EXPERIENCE_SCORE, "MONTH", month, "SAN", "Bulky Items", null, null, 0.8, 50, 1.0,
                        false, 0.8, false);
            }
            results.publication(7, OffsetDateTime.of(2026, 5, 1, 6, 0, 0, 0, ZoneOffset.UTC), MARCH,
                    APRIL.plusDays(29));
        });
        long publication = answers.newestPublication();

        // then the check finds it and warms both months: the city's view and the department's
        AnswerWarming.Summary summary = awaitWarming(publication);
        assertThat(summary.complete()).isTrue();
        assertThat(summary.periods()).isEqualTo(2);
        assertThat(summary.cityViews()).isEqualTo(2);
        assertThat(summary.departmentViews()).isEqualTo(2);
        assertThat(summary.answers()).isPositive();

        // and a view of the newest month finds its answers kept: asking computes nothing new
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("leader", null, "ROLE_LEADERSHIP"));
        try {
            long kept = answers.size();
            DashboardFilter san = new DashboardFilter(Grain.MONTH, null, APRIL, "SAN", null, null, null);
            ScoreboardPeriod view = scoreboard.load(san.range(), san.slice());
            assertThat(view.tiles()).extracting(tile -> tile.row().kpi()).containsExactlyInAnyOrder(Kpi.EXPERIENCE_SCORE,
                    Kpi.CASES_OPENED);
            assertThat(answers.size()).isEqualTo(kept);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private AnswerWarming.Summary awaitWarming(long publication) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Optional<AnswerWarming.Summary> last = schedule.last();
            if (last.isPresent() && last.get().publication() == publication) {
                return last.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("publication " + publication + " was not warmed within 10 s: " + schedule.last());
    }
}
