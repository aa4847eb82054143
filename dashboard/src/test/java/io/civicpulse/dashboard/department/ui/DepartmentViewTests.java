package io.civicpulse.dashboard.department.ui;

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
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;

import io.civicpulse.dashboard.PublishedResults;
import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.dashboard.chart.EChart;
import io.civicpulse.dashboard.department.DepartmentBreakdown.Line;
import io.civicpulse.dashboard.overview.ui.CityOverviewView;
import io.civicpulse.dashboard.scoreboard.ui.KpiCard;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One department, its breakdowns and the drill-down from the city to a service, against a temporary database. */
@SpringBootTest(properties = "civicpulse.security.bootstrap-admin-password=test-only-password")
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "head", roles = "ADMIN")
class DepartmentViewTests extends SpringBrowserlessTest {

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
    void sanitationAndTransport() {
        UI.getCurrent().setLocale(Locale.US);
        results = new PublishedResults(jdbc);
        results.clear();
        for (LocalDate month : new LocalDate[] {JULY, AUGUST}) {
            String m = "MONTH";
            results.row(Kpi.EXPERIENCE_SCORE, m, month, null, null, null, null, 0.95, 20, 1.0, false, false);
            results.row(Kpi.EXPERIENCE_SCORE, m, month, "SAN", null, null, null, 0.9, 10, 1.0, false, false);
            results.row(Kpi.EXPERIENCE_SCORE, m, month, "DOT", null, null, null, 1.1, 10, 1.0, true, false);
            results.row(Kpi.CASES_OPENED, m, month, "SAN", null, null, null, 300.0, 300, null, null, false);
            results.row(Kpi.CASES_OPENED, m, month, "SAN", "MISSED_PICKUP", null, null, 200.0, 200, null, null,
                    false);
            results.row(Kpi.EXPERIENCE_SCORE, m, month, "SAN", "MISSED_PICKUP", null, null, 0.8, 5, 1.0, false,
                    false);
            results.row(Kpi.CASES_OPENED, m, month, "SAN", "BULK_ITEM", null, null, 100.0, 100, null, null, false);
            results.row(Kpi.EXPERIENCE_SCORE, m, month, "SAN", "BULK_ITEM", null, null, 1.05, 5, 1.0, true, false);
            results.row(Kpi.ON_TIME_RATE, m, month, "SAN", "MISSED_PICKUP", null, null, 0.7, 200, 0.9, false, false);
            results.row(Kpi.CSAT_MEAN, m, month, "SAN", "MISSED_PICKUP", null, null, 4.2, 40, 4.0, true, false);
            results.row(Kpi.ON_TIME_RATE, m, month, "SAN", "BULK_ITEM", null, null, 0.95, 100, 0.9, true, false);
            results.row(Kpi.CONTACTS, m, month, "SAN", null, "PHONE", null, 120.0, 120, null, null, false);
            results.row(Kpi.CONTACTS, m, month, "SAN", null, "WEB", null, 80.0, 80, null, null, false);
            results.row(Kpi.DIGITAL_SHARE, m, month, "SAN", null, null, null, 0.4, 200, 0.5, false, false);
            results.row(Kpi.EXPERIENCE_SCORE, m, month, "SAN", null, null, "CD01", 0.95, 5, 1.0, false, false);
            results.row(Kpi.EXPERIENCE_SCORE, m, month, "SAN", null, null, "CD02", 0.7, 5, 1.0, false, false);
            results.row(Kpi.CSAT_MEAN, m, month, "SAN", null, null, "CD02", null, 4, null, null, true);
        }
        results.publication(42, OffsetDateTime.parse("2026-09-01T06:15:00Z"), AUGUST, LocalDate.of(2026, 8, 31));
    }

    @Test
    void theDepartmentShowsItsScoreKpisAndBreakdowns() {
        // when
        DepartmentView view = open("grain=MONTH&period=2026-08-01&department=SAN");

        // then
        assertThat(find(H2.class).withClassName("cp-overview__heading").single().getText())
                .isEqualTo("SAN · August 2026");
        assertThat(find(KpiCard.class).all()).extracting(KpiCard::kpi)
                .as("the score first").containsExactly(Kpi.EXPERIENCE_SCORE, Kpi.DIGITAL_SHARE, Kpi.CASES_OPENED);
        assertThat(test(view.services).size()).isEqualTo(2);
        assertThat(test(view.services).getCellText(0, 0)).isEqualTo("BULK_ITEM");
        assertThat(test(view.services).getCellText(0, 2)).isEqualTo("105.0%");
        assertThat(test(view.services).getCellComponent(0, 1).getElement().getTextRecursively())
                .isEqualTo("All 1 goals met");
        assertThat(test(view.services).getCellComponent(1, 1).getElement().getTextRecursively())
                .as("the experience score sums up the others and is not counted").isEqualTo("1 of 2 goals missed");
        JsonNode mix = JsonMapper.shared().readTree(view.channelMix.getOptionJson());
        assertThat(mix.at("/series").valueStream().map(s -> s.get("name").asString()).toList())
                .containsExactly("Phone", "Web");
        assertThat(mix.at("/series/0/stack").asString()).isEqualTo("total");
        assertThat(view.channelMix.getAccessibleSummary()).contains("Phone, Web", "40.0%");
    }

    @Test
    void dataQualityRulesShowNextToTheKpisTheyDistort() {
        // given published quality counts of SAN and DOT
        jdbc.sql("DELETE FROM data_quality").update();
        insertQuality("SAN", "CLOSED_WITHIN_10_MINUTES", 90, 300);
        insertQuality("SAN", "CLOSED_BEFORE_OPENED", 2, 300);
        insertQuality("DOT", "MISSING_DISTRICT", 5, 50);

        // when SAN is opened
        DepartmentView view = open("grain=MONTH&period=2026-08-01&department=SAN");

        // then its two rules show, in rule order, with the share and the KPIs they distort
        assertThat(test(view.qualityRules).size()).isEqualTo(2);
        assertThat(test(view.qualityRules).getCellText(0, 0)).startsWith("Closed before created");
        assertThat(test(view.qualityRules).getCellText(1, 0)).startsWith("Closed within 10 minutes");
        assertThat(test(view.qualityRules).getCellText(1, 1)).isEqualTo("90 of 300 opened");
        assertThat(test(view.qualityRules).getCellText(1, 2)).isEqualTo("30%");
        assertThat(test(view.qualityRules).getCellText(1, 3)).contains("Median time to close", "Closed on time");
    }

    @Test
    @WithMockUser(username = "head", authorities = { "ROLE_DEPARTMENT_HEAD", "DEPARTMENT:SAN" })
    void aDepartmentHeadReadsNoOtherDepartmentsQualityCounts() {
        insertQuality("DOT", "MISSING_DISTRICT", 5, 50);

        assertThat(quality.of(io.civicpulse.kpi.Grain.MONTH, AUGUST, "SAN")).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> quality.of(io.civicpulse.kpi.Grain.MONTH, AUGUST,
                "DOT")).isInstanceOf(io.civicpulse.dashboard.security.DepartmentNotAllowedException.class);
    }

    @Autowired
    io.civicpulse.dashboard.quality.DataQualityQueries quality;

    private void insertQuality(String department, String rule, long flagged, long cases) {
        jdbc.sql("DELETE FROM data_quality WHERE department = ? AND rule = ?").params(department, rule).update();
        jdbc.sql("INSERT INTO data_quality (grain, period_start, department, rule, flagged, cases, publication_id)"
                + " VALUES ('MONTH', ?, ?, ?, ?, ?, 42)").params(AUGUST, department, rule, flagged, cases).update();
    }

    @Test
    void theServiceTableSortsByAnyColumn() {
        // given
        DepartmentView view = open("grain=MONTH&period=2026-08-01&department=SAN");

        // when
        test(view.services).sortByColumn(2, SortDirection.ASCENDING);

        // then
        assertThat(test(view.services).getRow(0).value()).isEqualTo("MISSED_PICKUP");
        assertThat(test(view.services).isColumnSortable(3)).isTrue();

        // and when: by goals, the most missed first
        test(view.services).sortByColumn(1, SortDirection.ASCENDING);

        // then
        assertThat(test(view.services).getRow(0).value()).isEqualTo("MISSED_PICKUP");
    }

    @Test
    void districtsFarBelowTheCityOrTheDepartmentAreMarkedInWordsAndSuppressedValuesSaySo() {
        // when
        DepartmentView view = open("grain=MONTH&period=2026-08-01&department=SAN");

        // then
        Grid<Line> districts = view.districts;
        assertThat(test(districts).getCellText(0, 0)).isEqualTo("CD01");
        assertThat(test(districts).getCellText(0, 4)).as("against the city").isEqualTo("0.0 points");
        assertThat(test(districts).getCellText(0, 5)).as("against the department").isEqualTo("+5.0 points");
        assertThat(test(districts).getCellComponent(0, 6).getElement().getTextRecursively()).isEmpty();
        assertThat(test(districts).getCellText(1, 3)).isEqualTo("suppressed (fewer than 10)");
        assertThat(test(districts).getCellComponent(1, 1).getElement().getTextRecursively())
                .as("a suppressed value has no verdict").isEqualTo("No goals");
        assertThat(test(districts).getCellText(1, 4)).isEqualTo("-25.0 points");
        assertThat(test(districts).getCellText(1, 5)).isEqualTo("-20.0 points");
        assertThat(test(districts).getCellComponent(1, 6).getElement().getTextRecursively())
                .isEqualTo("Far below the cityFar below the department");
    }

    @Test
    void aBareAddressShowsTheFirstDepartmentsNewestPeriodAndSaysSo() {
        // when
        navigate(DepartmentView.class);

        // then
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "period", "2026-08-01", "department", "DOT"));
    }

    @Test
    void theOverviewDrillsIntoADepartmentAndTheDepartmentIntoAService() {
        // given
        UI.getCurrent().navigate(CityOverviewView.class, QueryParameters.fromString("grain=MONTH&period=2026-07-01"));
        @SuppressWarnings("unchecked")
        Grid<Line> departments = find(Grid.class)
                .withCondition(grid -> grid.getAriaLabel().filter("Departments"::equals).isPresent()).single();

        // when
        assertThat(test(departments).getCellText(1, 0)).isEqualTo("SAN");
        assertThat(test(departments).getCellComponent(1, 1).getElement().getTextRecursively())
                .as("which departments miss their goals, at a glance").isEqualTo("1 of 1 goals missed");
        assertThat(test(departments).getCellComponent(0, 1).getElement().getTextRecursively()).isEqualTo("No goals");
        test(departments).select(1);

        // then
        assertThat(getCurrentView()).isInstanceOf(DepartmentView.class);
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "period", "2026-07-01", "department", "SAN"));

        // and when
        DepartmentView view = (DepartmentView) getCurrentView();
        test(view.services).select(1);

        // then
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "period", "2026-07-01", "department", "SAN",
                "service", "MISSED_PICKUP"));
        assertThat(find(Paragraph.class).withClassName("cp-overview__scope").first().getText())
                .isEqualTo("Service MISSED_PICKUP of SAN");
        assertThat(find(KpiCard.class).all()).extracting(KpiCard::kpi)
                .containsExactly(Kpi.EXPERIENCE_SCORE, Kpi.CASES_OPENED, Kpi.ON_TIME_RATE, Kpi.CSAT_MEAN);
        assertThat(find(RouterLink.class, ((DepartmentView) getCurrentView()).path).all())
                .extracting(RouterLink::getText).containsExactly("City overview", "SAN");
    }

    @Test
    void clickingAChannelInTheChartDrillsIntoIt() {
        // given
        DepartmentView view = open("grain=MONTH&period=2026-08-01&department=SAN");

        // when
        ComponentUtil.fireEvent(view.channelMix, new EChart.ClickEvent(view.channelMix, true, "Web", "Aug 2026", 11));

        // then
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "period", "2026-08-01", "department", "SAN",
                "channel", "WEB"));
    }

    @Test
    void theFiltersChangeTheAddressAndTheAddressTheFilters() {
        // given
        DepartmentView view = open("grain=MONTH&period=2026-08-01&department=SAN");

        // when
        test(combo("Period")).selectItem("July 2026");

        // then
        assertThat(address()).containsEntry("period", "2026-07-01").containsEntry("department", "SAN");

        // and when the address changes (a link, a reload, the back button)
        view = open("grain=MONTH&period=2026-08-01&department=DOT");

        // then
        assertThat(combo("Department").getValue()).isEqualTo("DOT");
        assertThat(combo("Period").getValue()).isEqualTo(AUGUST);
    }

    @Test
    void clearingTheDepartmentGoesUpToTheCityForTheSamePeriod() {
        // given
        open("grain=MONTH&period=2026-07-01&department=SAN");

        // when
        combo("Department").setValue(null);

        // then
        assertThat(getCurrentView()).isInstanceOf(CityOverviewView.class);
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "period", "2026-07-01"));
    }

    @Test
    void anInvalidCombinationIsCorrectedInTheAddress() {
        // when
        open("grain=MONTH&period=2026-08-17&department=SAN&service=BULK_ITEM&channel=PHONE");

        // then
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "period", "2026-08-01", "department", "SAN",
                "service", "BULK_ITEM"));
    }

    @Test
    void aLinkWithFromShowsEveryTrendSparklineAndTheChannelMixOverExactlyThatRange() {
        // when
        DepartmentView view = open("grain=MONTH&from=2026-07-01&period=2026-08-01&department=SAN");

        // then
        assertThat(axis(view.channelMix)).containsExactly("Jul 2026", "Aug 2026");
        assertThat(JsonMapper.shared().readTree(view.channelMix.getOptionJson()).at("/series/0/data").size())
                .isEqualTo(2);
        assertThat(find(KpiCard.class).all()).allSatisfy(card -> assertThat(axis(find(EChart.class, card).single()))
                .containsExactly("Jul 2026", "Aug 2026"));
        EChart sparkline = (EChart) test(view.services).getCellComponent(0, 6);
        assertThat(axis(sparkline)).containsExactly("Jul 2026", "Aug 2026");
        assertThat(combo("From").getValue()).isEqualTo(JULY);
        assertThat(combo("Period").getValue()).isEqualTo(AUGUST);
        assertThat(find(H2.class).withClassName("cp-overview__heading").single().getText())
                .isEqualTo("SAN · August 2026");
    }

    @Test
    void theFromBoxOffersPeriodsUpToTheSelectedOneAndPutsTheChoiceInTheAddress() {
        // given
        open("grain=MONTH&period=2026-07-01&department=SAN");
        assertThat(combo("From").getListDataView().getItems().toList()).containsExactly(JULY);

        DepartmentView view = open("grain=MONTH&period=2026-08-01&department=SAN");
        assertThat(combo("From").getListDataView().getItems().toList()).containsExactly(AUGUST, JULY);

        // when
        test(combo("From")).selectItem("July 2026");

        // then
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "from", "2026-07-01", "period", "2026-08-01",
                "department", "SAN"));
        view = (DepartmentView) getCurrentView();
        assertThat(axis(view.channelMix)).containsExactly("Jul 2026", "Aug 2026");
    }

    @Test
    void changingTheGrainInTheFiltersClearsTheRange() {
        // given
        open("grain=MONTH&from=2026-07-01&period=2026-08-01&department=SAN");

        // when
        @SuppressWarnings("unchecked")
        Select<Grain> grain = find(Select.class).withCondition(select -> "View by".equals(select.getLabel()))
                .single();
        test(grain).selectItem("Week");

        // then
        assertThat(address()).isEqualTo(Map.of("grain", "WEEK", "department", "SAN"));
    }

    @Test
    void theDrillDownAndThePathBackKeepTheRange() {
        // given
        UI.getCurrent().navigate(CityOverviewView.class,
                QueryParameters.fromString("grain=MONTH&from=2026-07-01&period=2026-08-01"));
        @SuppressWarnings("unchecked")
        Grid<Line> departments = find(Grid.class)
                .withCondition(grid -> grid.getAriaLabel().filter("Departments"::equals).isPresent()).single();

        // when
        test(departments).select(1);
        test(((DepartmentView) getCurrentView()).services).select(1);

        // then
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "from", "2026-07-01", "period", "2026-08-01",
                "department", "SAN", "service", "MISSED_PICKUP"));
        assertThat(find(RouterLink.class, ((DepartmentView) getCurrentView()).path).all())
                .allSatisfy(link -> assertThat(link.getQueryParameters().orElseThrow().getParameters())
                        .containsEntry("from", List.of("2026-07-01")));

        // and when the department is cleared, up to the city
        combo("Department").setValue(null);

        // then
        assertThat(address()).isEqualTo(Map.of("grain", "MONTH", "from", "2026-07-01", "period", "2026-08-01"));
    }

    private static List<String> axis(EChart chart) {
        return JsonMapper.shared().readTree(chart.getOptionJson()).at("/xAxis/data").valueStream()
                .map(JsonNode::asString).toList();
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String label) {
        return find(ComboBox.class).withCondition(box -> label.equals(box.getLabel())).single();
    }

    private DepartmentView open(String query) {
        UI.getCurrent().navigate(DepartmentView.class, QueryParameters.fromString(query));
        return (DepartmentView) getCurrentView();
    }

    private static Map<String, String> address() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters()
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.join(",", entry.getValue())));
    }
}
