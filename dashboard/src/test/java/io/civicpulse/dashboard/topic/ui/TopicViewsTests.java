package io.civicpulse.dashboard.topic.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.QueryParameters;

import io.civicpulse.dashboard.PublishedResults;
import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.dashboard.chart.EChart;
import io.civicpulse.kpi.Kpi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wait-time, case-outcome and satisfaction views against a temporary database. */
@SpringBootTest(properties = "civicpulse.security.bootstrap-admin-password=test-only-password")
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "analyst", roles = "ADMIN")
class TopicViewsTests extends SpringBrowserlessTest {

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

    @BeforeEach
    void results() {
        UI.getCurrent().setLocale(Locale.US);
        PublishedResults results = new PublishedResults(jdbc);
        results.clear();
        for (LocalDate month : List.of(JULY, AUGUST)) {
            String m = "MONTH";
            results.row(Kpi.WAIT_MEDIAN_SECONDS, m, month, null, null, null, null, 40.0, 900, null, null, false);
            results.row(Kpi.WAIT_MEDIAN_SECONDS, m, month, null, null, "PHONE", null, 25.0, 600, null, null, false);
            results.row(Kpi.WAIT_MEDIAN_SECONDS, m, month, null, null, "CHAT", null, 70.0, 300, null, null, false);
            results.row(Kpi.SERVICE_LEVEL, m, month, null, null, null, null, 0.85, 900, 0.8, true, false);
            results.row(Kpi.SERVICE_LEVEL, m, month, null, null, "PHONE", null, 0.75, 600, 0.8, false, false);
            results.row(Kpi.ON_TIME_RATE, m, month, "SAN", null, null, null, 0.9, 300, 0.85, true, false);
            results.row(Kpi.ON_TIME_RATE, m, month, "SAN", "BULK_ITEM", null, null, 0.95, 100, 0.85, true, false);
            results.row(Kpi.ON_TIME_RATE, m, month, "SAN", "MISSED_PICKUP", null, null, 0.8, 200, 0.85, false,
                    false);
            results.row(Kpi.BACKLOG_OPEN, m, month, "SAN", null, null, null, 42.0, 42, null, null, false);
            results.row(Kpi.CSAT_MEAN, m, month, null, null, null, null, 4.1, 500, null, null, false);
            results.row(Kpi.SURVEY_RESPONSES, m, month, null, null, null, null, 500.0, 500, null, null, false);
            results.row(Kpi.CSAT_MEAN, m, month, "SAN", null, null, null, 4.3, 300, null, null, false);
            results.row(Kpi.SURVEY_RESPONSES, m, month, "SAN", null, null, null, 300.0, 300, null, null, false);
            results.row(Kpi.CSAT_MEAN, m, month, "LIB", null, null, null, null, 6, null, null, true);
            results.row(Kpi.SURVEY_RESPONSES, m, month, "LIB", null, null, null, 6.0, 6, null, null, false);
        }
        results.publication(5, OffsetDateTime.parse("2026-09-01T06:00:00Z"), AUGUST, LocalDate.of(2026, 8, 31));
    }

    @Test
    void waitTimesShowEveryChannelOverTimeAgainstItsThreshold() {
        // when
        WaitTimesView view = open(WaitTimesView.class, "grain=MONTH&period=2026-08-01");

        // then
        assertThat(view.charts.keySet()).containsExactly(Kpi.WAIT_MEDIAN_SECONDS, Kpi.WAIT_P90_SECONDS,
                Kpi.SERVICE_LEVEL, Kpi.ABANDON_RATE);
        assertThat(seriesNames(view.charts.get(Kpi.WAIT_MEDIAN_SECONDS))).containsExactly("Whole city", "Chat",
                "Phone");
        JsonNode median = option(view.charts.get(Kpi.WAIT_MEDIAN_SECONDS));
        assertThat(median.at("/series/2/data/11").asDouble()).isEqualTo(25.0);
        assertThat(test(view.table).getCellText(0, 0)).isEqualTo("Whole city");
        assertThat(test(view.table).getCellText(0, 3)).isEqualTo("85.0% · Target met");
        assertThat(test(view.table).getCellText(2, 0)).isEqualTo("Phone");
        assertThat(test(view.table).getCellText(2, 3)).isEqualTo("75.0% · Target missed");
        assertThat(test(view.table).getCellText(2, 5)).isEqualTo("within 30 s");
        assertThat(find(H2.class).withClassName("cp-overview__heading").single().getText())
                .isEqualTo("Wait times · August 2026");
    }

    @Test
    void clickingAChannelLineDrillsIntoThatChannel() {
        // given
        WaitTimesView view = open(WaitTimesView.class, "grain=MONTH&period=2026-08-01");
        EChart chart = view.charts.get(Kpi.WAIT_MEDIAN_SECONDS);

        // when
        ComponentUtil.fireEvent(chart, new EChart.ClickEvent(chart, true, "Phone", "Aug 2026", 11));

        // then
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "period", "2026-08-01", "channel", "PHONE"));
        WaitTimesView drilled = (WaitTimesView) getCurrentView();
        assertThat(seriesNames(drilled.charts.get(Kpi.WAIT_MEDIAN_SECONDS))).as("the channel's own line only")
                .containsExactly("Phone");
        assertThat(option(drilled.charts.get(Kpi.WAIT_MEDIAN_SECONDS)).at("/series/0/data/11").asDouble())
                .isEqualTo(25.0);
    }

    @Test
    void caseOutcomesOfADepartmentAreBrokenDownByServiceAndDrillIntoOne() {
        // given
        CaseOutcomesView view = open(CaseOutcomesView.class, "grain=MONTH&period=2026-08-01&department=SAN");

        // then
        assertThat(test(view.table).size()).isEqualTo(3);
        assertThat(test(view.table).getCellText(0, 0)).isEqualTo("All of SAN");
        assertThat(test(view.table).getCellText(2, 0)).isEqualTo("MISSED_PICKUP");
        assertThat(test(view.table).getCellText(2, 1)).isEqualTo("80.0% · Target missed");
        assertThat(test(view.table).getCellText(0, 5)).isEqualTo("42");

        // when
        test(view.table).select(2);

        // then
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "period", "2026-08-01", "department", "SAN",
                "service", "MISSED_PICKUP"));
    }

    @Test
    void satisfactionIsByDepartmentWithResponseCountsAndSuppression() {
        // when
        SatisfactionView view = open(SatisfactionView.class, "grain=MONTH&period=2026-08-01");

        // then
        assertThat(seriesNames(view.charts.get(Kpi.CSAT_MEAN))).containsExactly("Whole city", "LIB", "SAN");
        assertThat(test(view.table).getCellText(1, 0)).isEqualTo("LIB");
        assertThat(test(view.table).getCellText(1, 1)).isEqualTo("suppressed (fewer than 10)");
        assertThat(test(view.table).getCellText(1, 4)).isEqualTo("6");
        assertThat(option(view.charts.get(Kpi.CSAT_MEAN)).at("/series/1/data/11").asString())
                .as("a suppressed value is a gap, never zero").isEqualTo("-");
    }

    @Test
    void aLinkWithFromShowsEveryChartOverExactlyThatRangeAndTheDrillKeepsIt() {
        // when
        WaitTimesView view = open(WaitTimesView.class, "grain=MONTH&from=2026-07-01&period=2026-08-01");

        // then
        assertThat(view.charts.values()).allSatisfy(chart -> {
            assertThat(option(chart).at("/xAxis/data").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("Jul 2026", "Aug 2026");
            assertThat(option(chart).at("/series").valueStream().map(series -> series.get("data").size()))
                    .containsOnly(2);
        });
        EChart median = view.charts.get(Kpi.WAIT_MEDIAN_SECONDS);
        assertThat(option(median).at("/series/2/data/1").asDouble()).isEqualTo(25.0);
        assertThat(median.getAccessibleSummary()).startsWith("Median wait over the last 2 months");
        assertThat(test(view.table).getCellText(2, 3)).as("the table is the selected period")
                .isEqualTo("75.0% · Target missed");

        // when
        ComponentUtil.fireEvent(median, new EChart.ClickEvent(median, true, "Phone", "Aug 2026", 1));

        // then
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "from", "2026-07-01", "period", "2026-08-01",
                "channel", "PHONE"));
    }

    @Test
    void theDefaultRangeIsTwelvePeriodsEndingWithTheSelectedOne() {
        // when
        SatisfactionView view = open(SatisfactionView.class, "grain=MONTH&period=2026-07-01");

        // then
        List<String> axis = option(view.charts.get(Kpi.CSAT_MEAN)).at("/xAxis/data").valueStream()
                .map(JsonNode::asString).toList();
        assertThat(axis).hasSize(12).startsWith("Aug 2025").endsWith("Jul 2026");
        assertThat(address()).doesNotContainKey("from");
    }

    @Test
    void theViewsSpeakSpanish() {
        // given
        UI.getCurrent().setLocale(Locale.of("es", "ES"));

        // when
        SatisfactionView view = open(SatisfactionView.class, "grain=MONTH&period=2026-08-01");

        // then
        assertThat(find(H2.class).withClassName("cp-overview__heading").single().getText())
                .isEqualTo("Satisfacción · agosto 2026");
        assertThat(test(view.table).getCellText(0, 0)).isEqualTo("Toda la ciudad");
        assertThat(test(view.table).getCellText(1, 1)).isEqualTo("suprimido (menos de 10)");
        assertThat(test(view.table).getCellText(2, 1)).as("Spain's decimal comma").isEqualTo("4,30 / 5");
    }

    private <T extends TopicView> T open(Class<T> view, String query) {
        UI.getCurrent().navigate(view, QueryParameters.fromString(query));
        return view.cast(getCurrentView());
    }

    private static JsonNode option(EChart chart) {
        return JsonMapper.shared().readTree(chart.getOptionJson());
    }

    private static List<String> seriesNames(EChart chart) {
        return option(chart).at("/series").valueStream().map(s -> s.get("name").asString()).toList();
    }

    private static Map<String, String> address() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters()
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.join(",", entry.getValue())));
    }
}
