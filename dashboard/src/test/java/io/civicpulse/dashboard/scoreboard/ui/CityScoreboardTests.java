package io.civicpulse.dashboard.scoreboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.router.QueryParameters;

import io.civicpulse.dashboard.PublishedResults;
import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.dashboard.overview.ui.CityOverviewView;
import io.civicpulse.kpi.Kpi;

/** The leadership scoreboard on the city overview, against a temporary database. */
@SpringBootTest(properties = "civicpulse.security.bootstrap-admin-password=test-only-password")
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "mayor", roles = "ADMIN")
class CityScoreboardTests extends SpringBrowserlessTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @Autowired
    JdbcClient jdbc;

    PublishedResults results;

    @BeforeEach
    void august() {
        UI.getCurrent().setLocale(Locale.US);
        results = new PublishedResults(jdbc);
        results.clear();
        results.clearBatchRuns();
        results.scored(Kpi.EXPERIENCE_SCORE, "MONTH", AUGUST, 0.92, 1.0, false, 0);
        results.scored(Kpi.EXPERIENCE_SCORE, "MONTH", JULY, 0.88, 1.0, false, 0);
        results.scored(Kpi.EXPERIENCE_SCORE, "WEEK", LocalDate.of(2026, 8, 31), 1.01, 1.0, true, 0);
        results.scored(Kpi.EXPERIENCE_SCORE, "WEEK", LocalDate.of(2026, 8, 24), 1.03, 1.0, true, 0);
        results.scored(Kpi.EXPERIENCE_SCORE, "QUARTER", JULY, 0.9, 1.0, false, 0);
        results.scored(Kpi.ON_TIME_RATE, "MONTH", AUGUST, 0.72, 0.9, false, 0.8);
        results.scored(Kpi.CLOSE_MEDIAN_HOURS, "MONTH", AUGUST, 36.0, 48.0, true, 1.25);
        results.scored(Kpi.CSAT_MEAN, "MONTH", AUGUST, 4.2, 4.0, true, 1.05);
        results.row(Kpi.NPS, "MONTH", AUGUST, null, null, null, null, null, 7, 30.0, null, null, true);
        results.row(Kpi.CONTACTS, "MONTH", AUGUST, null, null, null, null, 1234.0, 1234, null, null, false);
    }

    @Test
    void theExperienceScoreOfEveryGrainShowsItsChange() {
        // given
        results.publication(7, OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), AUGUST, LocalDate.of(2026, 8, 31));

        // when
        CityScoreboardPanel panel = open();

        // then
        assertThat(tile(panel, "MONTH")).isEqualTo("MonthAugust 202692.0%Up 4.0 points on the period before");
        assertThat(tile(panel, "WEEK")).isEqualTo("WeekWeek of 31 Aug 2026101.0%Down 2.0 points on the period before");
        assertThat(tile(panel, "QUARTER")).endsWith("90.0%No earlier period to compare");
        assertThat(tile(panel, "DAY")).isEqualTo("DayMon 31 Aug 2026not availableNo earlier period to compare");
        assertThat(panel.warning.isVisible()).isFalse();
    }

    @Test
    void everyKpiShowsItsTargetStatusInWordsAndItsContribution() {
        // given
        results.publication(7, OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), AUGUST, LocalDate.of(2026, 8, 31));

        // when
        CityScoreboardPanel panel = open();

        // then
        var grid = test(panel.standings);
        assertThat(grid.size()).isEqualTo(5);
        Map<String, Integer> rowOf = new java.util.HashMap<>();
        for (int i = 0; i < grid.size(); i++) {
            rowOf.put(grid.getCellText(i, 0), i);
        }
        int onTime = rowOf.get("Closed on time");
        assertThat(grid.getCellText(onTime, 1)).isEqualTo("72.0%");
        assertThat(grid.getCellText(onTime, 2)).isEqualTo("Target ≥ 90.0%");
        assertThat(grid.getCellComponent(onTime, 3).getElement().getTextRecursively()).isEqualTo("Target missed");
        // Scores 0.8, 1.25 and 1.05 with weight 1 each: 0.8 / 3 of the score is 26.7 points.
        assertThat(grid.getCellText(onTime, 4)).isEqualTo("26.7 points");
        int nps = rowOf.get("Net Promoter Score");
        assertThat(grid.getCellText(nps, 1)).isEqualTo("suppressed (fewer than 10)");
        assertThat(grid.getCellComponent(nps, 3).getElement().getTextRecursively()).isEqualTo("Not assessed");
        assertThat(grid.getCellComponent(rowOf.get("Contacts"), 3).getElement().getTextRecursively())
                .isEqualTo("No target");
    }

    @Test
    void theKpisFurthestAboveAndBelowTargetAreListed() {
        // when
        CityScoreboardPanel panel = open();

        // then
        assertThat(panel.above.getChildren().map(c -> ((ListItem) c).getText()).toList()).containsExactly(
                "Median time to close: 36.0 h (Target ≤ 48.0 h), +25.0% against the target",
                "Satisfaction (CSAT): 4.20 / 5 (Target ≥ 4.00 / 5), +5.0% against the target");
        assertThat(panel.below.getChildren().map(c -> ((ListItem) c).getText()).toList()).containsExactly(
                "Closed on time: 72.0% (Target ≥ 90.0%), -20.0% against the target");
    }

    @Test
    void aLatePublicationIsAVisibleWarning() {
        // given
        results.publication(7, OffsetDateTime.now(ZoneOffset.UTC).minusHours(40), AUGUST, LocalDate.of(2026, 8, 31));

        // when
        CityScoreboardPanel panel = open();

        // then
        assertThat(panel.warning.isVisible()).isTrue();
        assertThat(panel.warning.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(panel.warning.getElement().getTextRecursively()).startsWith("No new data for more than 36 hours");
    }

    @Test
    void aFailedLastRunIsAVisibleWarningEvenWhenTheDataIsFresh() {
        // given
        results.publication(7, OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), AUGUST, LocalDate.of(2026, 8, 31));
        results.batchRun(7, "COMPLETED");
        results.batchRun(8, "FAILED");

        // when
        CityScoreboardPanel panel = open();

        // then
        assertThat(panel.warning.isVisible()).isTrue();
        assertThat(panel.warning.getElement().getTextRecursively()).startsWith("The last nightly run failed");
    }

    @Test
    void aSuccessfulRunAfterAFailureClearsTheWarning() {
        // given
        results.publication(9, OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), AUGUST, LocalDate.of(2026, 8, 31));
        results.batchRun(8, "FAILED");
        results.batchRun(9, "COMPLETED");

        // then
        assertThat(open().warning.isVisible()).isFalse();
    }

    private CityScoreboardPanel open() {
        UI.getCurrent().navigate(CityOverviewView.class, QueryParameters.fromString("grain=MONTH&period=2026-08-01"));
        return find(CityScoreboardPanel.class).single();
    }

    private String tile(CityScoreboardPanel panel, String grain) {
        return find(Article.class, panel).withCondition(a -> grain.equals(a.getElement().getAttribute("data-grain")))
                .single().getElement().getTextRecursively();
    }
}
