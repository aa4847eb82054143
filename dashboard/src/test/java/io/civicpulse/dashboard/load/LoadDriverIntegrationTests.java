package io.civicpulse.dashboard.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.civicpulse.dashboard.PublishedResults;
import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;

/**
 * The load test's driver against a tiny home, in the normal build, so it cannot rot unnoticed: a Vaadin or security
 * upgrade that changes what a page load sends would fail here rather than on the day someone measures.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "civicpulse.security.bootstrap-admin-password=" + LoadTest.PASSWORD, "spring.quartz.auto-startup=false" })
class LoadDriverIntegrationTests {

    private static final List<String> DEPARTMENTS = List.of("SAN", "DOT", "PARKS");

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void givenThreeUsersThenEveryScoreboardAndDepartmentLoadIsCheckedAndTimedWithoutErrors() {
        // given: two periods of every grain, for the city and three departments
        publishTwoPeriodsOfEveryGrain();
        LoadDriver driver = new LoadDriver(URI.create("http://127.0.0.1:" + port), LoadTest.USER, LoadTest.PASSWORD,
                LoadTargets.of(jdbc));
        Latencies latencies = new Latencies();

        // when: three users log in and take four drill-down steps each
        List<VirtualUser> users = driver.logIn(3, 7, latencies);
        driver.run(users, new LoadDriver.Settings(3, Duration.ofSeconds(45), 4, Duration.ZERO, 7), latencies);

        // then
        assertThat(latencies.errors()).isEmpty();
        assertThat(latencies.summary(ViewKind.LOGIN).count()).isEqualTo(3);
        assertThat(latencies.summary(ViewKind.SCOREBOARD).count()).as("one at login, four each after").isEqualTo(15);
        assertThat(latencies.summary(ViewKind.DEPARTMENT).count()).isEqualTo(15);
        assertThat(latencies.views().p95()).isPositive();
        assertThat(latencies.requests()).as("page, init, navigate and grid acknowledgement per view at least")
                .isGreaterThanOrEqualTo(30 * 3);
    }

    private void publishTwoPeriodsOfEveryGrain() {
        PublishedResults results = new PublishedResults(jdbc);
        results.clear();
        LocalDate day = LocalDate.of(2025, 3, 31);
        results.publication(1, OffsetDateTime.of(2025, 4, 1, 6, 0, 0, 0, ZoneOffset.UTC), day.minusDays(60), day);
        for (Grain grain : Grain.values()) {
            LocalDate last = grain.periodStart(day);
            for (LocalDate period : List.of(last, grain.previousPeriodStart(last))) {
                String g = grain.name();
                results.scored(Kpi.EXPERIENCE_SCORE, g, period, 0.9, 1.0, false, 90);
                results.row(Kpi.CASES_OPENED, g, period, null, null, null, null, 900.0, 900, null, null, false);
                for (String department : DEPARTMENTS) {
                    results.row(Kpi.EXPERIENCE_SCORE, g, period, department, null, null, null, 0.9, 30, 1.0, false,
                            false);
                    results.row(Kpi.CASES_OPENED, g, period, department, null, null, null, 300.0, 300, null, null,
                            false);
                    results.row(Kpi.CASES_OPENED, g, period, department, "POTHOLE", null, null, 200.0, 200, null,
                            null, false);
                    results.row(Kpi.CASES_OPENED, g, period, department, null, null, "CD01", 100.0, 100, null, null,
                            false);
                }
            }
        }
    }
}
