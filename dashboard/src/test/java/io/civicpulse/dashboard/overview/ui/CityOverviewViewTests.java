package io.civicpulse.dashboard.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;

import io.civicpulse.cli.CommandLineProbe;
import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.dashboard.chart.EChart;
import io.civicpulse.dashboard.scoreboard.ui.KpiCard;
import io.civicpulse.dashboard.security.ui.LoginView;
import io.civicpulse.kpi.Kpi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The overview against a real (temporary, embedded) product database: rows go in as a nightly run would publish
 * them, and the test reads what a person would see. The sample loader points at a folder that does not exist, so
 * no run, and no Spark, ever starts.
 */
@SpringBootTest(properties = "civicpulse.security.bootstrap-admin-password=test-only-password")
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "mayor", roles = "ADMIN")
class CityOverviewViewTests extends SpringBrowserlessTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final LocalDate WEEK_OF_AUGUST_3 = LocalDate.of(2026, 8, 3);

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void publishedResults() {
        jdbc.sql("DELETE FROM kpi_result").update();
        jdbc.sql("DELETE FROM kpi_publication").update();
        UI.getCurrent().setLocale(Locale.US);
    }

    @Test
    void theMonthShowsEveryCityKpiFormattedInCatalogueOrder() {
        givenAugustAndJuly();

        open("MONTH", "2026-08-01");

        assertThat(cards()).extracting(KpiCard::kpi).containsExactly(Kpi.CONTACTS, Kpi.CASES_OPENED,
                Kpi.CASES_CLOSED, Kpi.CLOSE_MEDIAN_HOURS, Kpi.CSAT_MEAN, Kpi.NPS);
        assertThat(value(Kpi.CONTACTS)).isEqualTo("1,234");
        assertThat(text(card(Kpi.CONTACTS))).contains("Contacts", "Based on 1,234 contacts");
        assertThat(value(Kpi.CASES_CLOSED)).isEqualTo("1,010");
        assertThat(value(Kpi.CLOSE_MEDIAN_HOURS)).isEqualTo("36.5 h");
        assertThat(value(Kpi.CSAT_MEAN)).isEqualTo("4.12 / 5");
        assertThat(text(card(Kpi.CSAT_MEAN))).contains("Based on 150 survey responses");
    }

    @Test
    void onlyTheCitySliceIsShown() {
        givenAugustAndJuly();
        givenRow(Kpi.CONTACTS, "MONTH", AUGUST, "DSNY", 999.0, 999, null, null, false);

        open("MONTH", "2026-08-01");

        assertThat(value(Kpi.CONTACTS)).isEqualTo("1,234");
        assertThat(text(getCurrentView())).doesNotContain("999");
    }

    @Test
    void aSuppressedKpiSaysSoInsteadOfShowingANumber() {
        givenAugustAndJuly();

        open("MONTH", "2026-08-01");

        assertThat(value(Kpi.NPS)).isEqualTo("suppressed (fewer than 10)");
        assertThat(text(card(Kpi.NPS))).doesNotContain("0 points");
    }

    @Test
    void aTargetIsToldInWordsAsWellAsColour() {
        givenAugustAndJuly();

        open("MONTH", "2026-08-01");

        Component target = find(Paragraph.class, card(Kpi.CLOSE_MEDIAN_HOURS))
                .withClassName("cp-kpi-card__target").single();
        assertThat(text(target)).isEqualTo("Target met · Target ≤ 48.0 h");
        assertThat(target.getElement().getClassList()).contains("cp-kpi-card__target--met");
        assertThat(find(Paragraph.class, card(Kpi.CONTACTS)).withClassName("cp-kpi-card__target").exists())
                .as("no target, no status").isFalse();
    }

    @Test
    void theTrendCoversTwelveMonthsWithGapsWhereThereIsNoResult() {
        givenAugustAndJuly();

        open("MONTH", "2026-08-01");

        EChart chart = find(EChart.class, card(Kpi.CONTACTS)).single();
        JsonNode option = JsonMapper.shared().readTree(chart.getOptionJson());
        assertThat(option.at("/xAxis/data").valueStream().map(JsonNode::asString).toList())
                .hasSize(12).startsWith("Sep 2025").endsWith("Jul 2026", "Aug 2026");
        List<String> data = option.at("/series/0/data").valueStream().map(JsonNode::asString).toList();
        assertThat(data.subList(0, 10)).containsOnly("-");
        assertThat(data.subList(10, 12)).containsExactly("1100.0", "1234.0");
        assertThat(chart.getAccessibleSummary()).isEqualTo("Trend of Contacts, last 12 months: from 1,100 in "
                + "July 2026 to 1,234 in August 2026; lowest 1,100 in July 2026; highest 1,234 in August 2026; "
                + "no data for 10 months.");
    }

    @Test
    void aLinkWithFromShowsTrendsOfExactlyThePeriodsFromItToThePeriod() {
        givenAugustAndJuly();

        CityOverviewView view = open("grain=MONTH&from=2026-05-01&period=2026-08-01");

        EChart chart = find(EChart.class, card(Kpi.CONTACTS)).single();
        JsonNode option = JsonMapper.shared().readTree(chart.getOptionJson());
        assertThat(option.at("/xAxis/data").valueStream().map(JsonNode::asString).toList())
                .containsExactly("May 2026", "Jun 2026", "Jul 2026", "Aug 2026");
        assertThat(option.at("/series/0/data").valueStream().map(JsonNode::asString).toList())
                .containsExactly("-", "-", "1100.0", "1234.0");
        assertThat(chart.getAccessibleSummary()).startsWith("Trend of Contacts, last 4 months:");
        assertThat(value(Kpi.CONTACTS)).as("the cards still show the selected period").isEqualTo("1,234");
        assertThat(heading()).isEqualTo("August 2026");
        assertThat(view.from.getValue()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(addressParameters()).isEqualTo(Map.of("grain", "MONTH", "from", "2026-05-01",
                "period", "2026-08-01"));
    }

    @Test
    void theFromBoxOffersOnlyPeriodsUpToTheSelectedOneAndShowsTheDefaultStartWhenEmpty() {
        givenAugustAndJuly();

        CityOverviewView view = open("MONTH", "2026-07-01");

        assertThat(view.from.getLabel()).isEqualTo("From");
        assertThat(view.from.getValue()).isNull();
        assertThat(view.from.getListDataView().getItems().toList()).containsExactly(JULY);
        assertThat(view.from.getPlaceholder()).isEqualTo("August 2025");

        view = open("MONTH", "2026-08-01");

        assertThat(view.from.getListDataView().getItems().toList()).containsExactly(AUGUST, JULY);
    }

    @Test
    void choosingFromPutsTheRangeInTheAddressAndAnotherGrainClearsIt() {
        givenAugustAndJuly();
        givenRow(Kpi.CONTACTS, "WEEK", WEEK_OF_AUGUST_3, "*", 321.0, 321, null, null, false);
        CityOverviewView view = open("MONTH", "2026-08-01");

        test(view.from).selectItem("July 2026");

        assertThat(addressParameters()).isEqualTo(Map.of("grain", "MONTH", "from", "2026-07-01",
                "period", "2026-08-01"));
        JsonNode option = JsonMapper.shared().readTree(find(EChart.class, card(Kpi.CONTACTS)).single()
                .getOptionJson());
        assertThat(option.at("/xAxis/data").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Jul 2026", "Aug 2026");

        view = (CityOverviewView) getCurrentView();
        view.from.setValue(null);

        assertThat(addressParameters()).as("cleared: the default range again")
                .isEqualTo(Map.of("grain", "MONTH", "period", "2026-08-01"));

        view = open("grain=MONTH&from=2026-07-01&period=2026-08-01");
        test(view.grain).selectItem("Week");

        assertThat(addressParameters()).isEqualTo(Map.of("grain", "WEEK", "period", "2026-08-03"));
    }

    @Test
    void aRangeTheFilterCorrectsIsCorrectedInTheAddress() {
        givenAugustAndJuly();

        open("grain=MONTH&from=2026-12-15&period=2026-08-01");

        assertThat(addressParameters()).as("after the period: clamped to it")
                .isEqualTo(Map.of("grain", "MONTH", "from", "2026-08-01", "period", "2026-08-01"));

        open("grain=MONTH&from=2019-03-01&period=2026-08-01");

        assertThat(addressParameters()).as("longer than 24 months: cut at its old end")
                .isEqualTo(Map.of("grain", "MONTH", "from", "2024-09-01", "period", "2026-08-01"));
        JsonNode option = JsonMapper.shared().readTree(find(EChart.class, card(Kpi.CONTACTS)).single()
                .getOptionJson());
        assertThat(option.at("/xAxis/data").size()).isEqualTo(24);
    }

    @Test
    void theGrainAndPeriodInTheAddressSelectThePeriod() {
        givenAugustAndJuly();
        givenRow(Kpi.CONTACTS, "WEEK", WEEK_OF_AUGUST_3, "*", 321.0, 321, null, null, false);

        CityOverviewView view = open("WEEK", "2026-08-03");

        assertThat(view.grain.getValue()).hasToString("WEEK");
        assertThat(view.period.getValue()).isEqualTo(WEEK_OF_AUGUST_3);
        assertThat(heading()).isEqualTo("Week of 3 Aug 2026");
        assertThat(value(Kpi.CONTACTS)).isEqualTo("321");

        open("MONTH", "2026-07-01");

        assertThat(heading()).isEqualTo("July 2026");
        assertThat(value(Kpi.CONTACTS)).isEqualTo("1,100");
    }

    @Test
    void withoutParametersTheNewestMonthIsShown() {
        givenAugustAndJuly();

        CityOverviewView view = navigate(CityOverviewView.class);

        assertThat(view.period.getValue()).isEqualTo(AUGUST);
        assertThat(view.period.getListDataView().getItems().toList()).containsExactly(AUGUST, JULY);
        assertThat(heading()).isEqualTo("August 2026");
    }

    @Test
    void aDateInsideAPeriodIsCorrectedToThePeriodInTheAddress() {
        givenAugustAndJuly();

        open("MONTH", "2026-08-17");

        assertThat(addressParameters()).isEqualTo(Map.of("grain", "MONTH", "period", "2026-08-01"));
        assertThat(heading()).isEqualTo("August 2026");
    }

    @Test
    void choosingAnotherGrainOrPeriodUpdatesTheAddress() {
        givenAugustAndJuly();
        givenRow(Kpi.CONTACTS, "WEEK", WEEK_OF_AUGUST_3, "*", 321.0, 321, null, null, false);
        CityOverviewView view = open("MONTH", "2026-08-01");

        test(view.period).selectItem("July 2026");

        assertThat(addressParameters()).isEqualTo(Map.of("grain", "MONTH", "period", "2026-07-01"));
        assertThat(value(Kpi.CONTACTS)).isEqualTo("1,100");

        view = (CityOverviewView) getCurrentView();
        test(view.grain).selectItem("Week");

        assertThat(addressParameters()).isEqualTo(Map.of("grain", "WEEK", "period", "2026-08-03"));
        assertThat(value(Kpi.CONTACTS)).isEqualTo("321");
    }

    @Test
    void theHeaderTellsHowFreshTheDataIs() {
        givenAugustAndJuly();

        navigate(CityOverviewView.class);

        String freshness = find(Span.class).withClassName("cp-header__freshness").single().getText()
                .replace('\u202f', ' ');
        assertThat(freshness).isEqualTo("Data as of Tue 4 Aug 2026, 2:15 AM EDT, run 42");
        assertThat(find(Span.class).withClassName("cp-header__user").single().getText()).isEqualTo("mayor");
    }

    @Test
    void withNoResultsTheViewSaysToRunTheNightlyJob() {
        CityOverviewView view = navigate(CityOverviewView.class);

        EmptyState empty = find(EmptyState.class, view).single();
        assertThat(empty.kind()).isEqualTo(EmptyState.Kind.NO_RESULTS);
        assertThat(text(empty)).contains("No results yet — run the nightly job");
        assertThat(view.controls.isVisible()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void anonymousVisitorsAreSentToTheLoginView() {
        givenAugustAndJuly();

        UI.getCurrent().navigate(CityOverviewView.class);

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void theDashboardNeverPicksUpTheCommandLinePackage() {
        assertThat(context.getBeansOfType(CommandLineProbe.class)).isEmpty();
    }

    @Test
    void noSparkSessionIsStartedByTheDashboardItself() {
        navigate(CityOverviewView.class);

        assertThat(SparkSession.getDefaultSession().isEmpty()).isTrue();
        assertThat(SparkSession.getActiveSession().isEmpty()).isTrue();
    }

    private void givenAugustAndJuly() {
        givenRow(Kpi.CONTACTS, "MONTH", AUGUST, "*", 1234.0, 1234, null, null, false);
        givenRow(Kpi.CASES_OPENED, "MONTH", AUGUST, "*", 980.0, 980, null, null, false);
        givenRow(Kpi.CASES_CLOSED, "MONTH", AUGUST, "*", 1010.0, 1010, null, null, false);
        givenRow(Kpi.CLOSE_MEDIAN_HOURS, "MONTH", AUGUST, "*", 36.5, 940, 48.0, true, false);
        givenRow(Kpi.CSAT_MEAN, "MONTH", AUGUST, "*", 4.1234, 150, null, null, false);
        givenRow(Kpi.NPS, "MONTH", AUGUST, "*", null, 7, null, null, true);
        givenRow(Kpi.CONTACTS, "MONTH", JULY, "*", 1100.0, 1100, null, null, false);
        givenRow(Kpi.CSAT_MEAN, "MONTH", JULY, "*", 3.9, 120, null, null, false);
        jdbc.sql("""
                INSERT INTO kpi_publication (job_execution_id, published_at, from_date, to_date, input_dir,
                    history_version, kpi_rows)
                VALUES (42, ?, ?, ?, '/srv/feeds', 'v42', 8)""")
                .params(OffsetDateTime.parse("2026-08-04T06:15:00Z"), LocalDate.of(2026, 8, 3),
                        LocalDate.of(2026, 8, 31))
                .update();
    }

    private void givenRow(Kpi kpi, String grain, LocalDate period, String department, Double value,
            long sampleSize, Double target, Boolean meetsTarget, boolean suppressed) {
        jdbc.sql("""
                INSERT INTO kpi_result (kpi, grain, period_start, department, service, channel, district, kpi_value,
                    numerator, denominator, sample_size, target, meets_target, score, suppressed, publication_id)
                VALUES (?, ?, ?, ?, '*', '*', '*', ?, NULL, NULL, ?, ?, ?, NULL, ?, 1)""")
                .params(kpi.name(), grain, period, department, value, sampleSize, target, meetsTarget, suppressed)
                .update();
    }

    private List<KpiCard> cards() {
        return find(KpiCard.class).all();
    }

    private KpiCard card(Kpi kpi) {
        return find(KpiCard.class).withCondition(card -> card.kpi() == kpi).single();
    }

    private String value(Kpi kpi) {
        return find(Paragraph.class, card(kpi)).withClassName("cp-kpi-card__value").single().getText();
    }

    private String heading() {
        return find(H2.class).withClassName("cp-overview__heading").single().getText();
    }

    /** Opens the view as a link or a reload would: with the grain and period in the address. */
    private CityOverviewView open(String grain, String period) {
        UI.getCurrent().navigate(CityOverviewView.class,
                QueryParameters.simple(Map.of(CityOverviewView.GRAIN, grain, CityOverviewView.PERIOD, period)));
        return (CityOverviewView) getCurrentView();
    }

    /** Opens the view with any address, such as one with a range. */
    private CityOverviewView open(String query) {
        UI.getCurrent().navigate(CityOverviewView.class, QueryParameters.fromString(query));
        return (CityOverviewView) getCurrentView();
    }

    private static Map<String, String> addressParameters() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters()
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.join(",", entry.getValue())));
    }

    private static String text(Object component) {
        return ((Component) component).getElement().getTextRecursively();
    }
}
