package io.civicpulse.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;

import io.civicpulse.dashboard.PublishedResults;
import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.dashboard.chart.EChart;
import io.civicpulse.dashboard.comment.CsatBand;
import io.civicpulse.dashboard.comment.LatestComments;
import io.civicpulse.dashboard.department.BreakdownQueries;
import io.civicpulse.dashboard.department.BreakdownQueries.Dimension;
import io.civicpulse.dashboard.department.DepartmentBreakdown;
import io.civicpulse.dashboard.department.ui.DepartmentView;
import io.civicpulse.dashboard.export.FilteredExport;
import io.civicpulse.dashboard.export.FilteredExport.Scope;
import io.civicpulse.dashboard.export.ui.ExportLink;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.filter.FilterOptions;
import io.civicpulse.dashboard.overview.ui.CityOverviewView;
import io.civicpulse.dashboard.scoreboard.Scoreboard;
import io.civicpulse.dashboard.topic.Topic;
import io.civicpulse.dashboard.topic.TopicData;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.SliceKey;

/**
 * A department head of SAN sees the city's totals and SAN, and nothing of DOT by any route of the dashboard: every
 * view opened by deep link (the overview with its departments table and top/bottom lists, the department view, the
 * three topic views), the filter options, the CSV export of every view, the charts' data and the comments. The
 * API's routes are tested over HTTP in {@code KpiApiIntegrationTests}.
 */
@SpringBootTest(properties = "civicpulse.security.bootstrap-admin-password=test-only-password")
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "sanhead", authorities = { "ROLE_DEPARTMENT_HEAD", "DEPARTMENT:SAN" })
class DepartmentScopeTests extends SpringBrowserlessTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final String PERIOD = "grain=MONTH&period=2026-08-01";
    // Every row of the other department carries it, in its department column or its service code.
    private static final String OTHER = "DOT";

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FilteredExport export;
    @Autowired
    FilterOptions options;
    @Autowired
    Scoreboard scoreboard;
    @Autowired
    TopicData topicData;
    @Autowired
    BreakdownQueries queries;
    @Autowired
    DepartmentBreakdown breakdown;
    @Autowired
    LatestComments comments;

    @BeforeEach
    void sanitationAndTransport() {
        UI.getCurrent().setLocale(Locale.US);
        PublishedResults results = new PublishedResults(jdbc);
        results.clear();
        for (LocalDate month : List.of(JULY, AUGUST)) {
            String m = "MONTH";
            results.scored(Kpi.EXPERIENCE_SCORE, m, month, 0.95, 1.0, false, 0.95);
            results.scored(Kpi.ON_TIME_RATE, m, month, 0.8, 0.9, false, 0.89);
            results.scored(Kpi.CSAT_MEAN, m, month, 4.4, 4.0, true, 1.1);
            results.row(Kpi.WAIT_MEDIAN_SECONDS, m, month, null, null, "PHONE", null, 60.0, 500, null, null, false);
            for (String department : List.of("SAN", OTHER)) {
                results.row(Kpi.EXPERIENCE_SCORE, m, month, department, null, null, null, 0.9, 10, 1.0, false,
                        false);
                results.row(Kpi.CASES_OPENED, m, month, department, null, null, null, 300.0, 300, null, null, false);
                results.row(Kpi.ON_TIME_RATE, m, month, department, null, null, null, 0.8, 300, 0.9, false, false);
                results.row(Kpi.CSAT_MEAN, m, month, department, null, null, null, 4.1, 40, 4.0, true, false);
                results.row(Kpi.NPS, m, month, department, null, null, null, 20.0, 40, null, null, false);
                results.row(Kpi.ON_TIME_RATE, m, month, department, department + "_SERVICE", null, null, 0.7, 100,
                        0.9, false, false);
                results.row(Kpi.CASES_OPENED, m, month, department, department + "_SERVICE", null, null, 100.0, 100,
                        null, null, false);
                results.row(Kpi.CONTACTS, m, month, department, null, "PHONE", null, 120.0, 120, null, null, false);
                results.row(Kpi.WAIT_MEDIAN_SECONDS, m, month, department, null, "PHONE", null, 50.0, 120, null,
                        null, false);
                results.row(Kpi.CSAT_MEAN, m, month, department, null, "PHONE", null, 4.0, 20, null, null, false);
                results.row(Kpi.EXPERIENCE_SCORE, m, month, department, null, null, "CD01", 0.95, 5, 1.0, false,
                        false);
            }
        }
        results.publication(42, OffsetDateTime.parse("2026-09-01T06:15:00Z"), AUGUST, LocalDate.of(2026, 8, 31));
        ZoneId city = ZoneId.of("America/New_York");
        results.comment("c1", LocalDateTime.parse("2026-08-10T10:00").atZone(city).toInstant(), "SAN", "UNKNOWN",
                "PHONE", "UNKNOWN", 2, null, null, "en", "Sanitation never came");
        results.comment("c2", LocalDateTime.parse("2026-08-11T10:00").atZone(city).toInstant(), OTHER, "UNKNOWN",
                "PHONE", "UNKNOWN", 5, null, null, "en", "Transport was quick");
    }

    @Test
    void givenADepartmentHeadWhenOpeningTheCityOverviewThenTheCityTotalsShowAndOnlyTheirDepartmentInTheTable()
            throws Exception {
        // when
        Component view = open("", PERIOD);

        // then the city's totals and its top/bottom lists are there, the departments table holds SAN alone
        assertThat(view).isInstanceOf(CityOverviewView.class);
        assertThat(view.getElement().getTextRecursively()).contains("Furthest below");
        Grid<?> departments = departmentsTable(view);
        assertThat(departments.getGenericDataView().getItems().map(String::valueOf).toList())
                .singleElement().asString().contains("SAN");
        assertNothingOfTheOtherDepartment(view);
        assertThat(download()).contains("EXPERIENCE_SCORE,MONTH,2026-08-01,SAN,*,*,*")
                .doesNotContain(OTHER);
    }

    @Test
    void givenADepartmentHeadWhenFollowingADeepLinkToAnotherDepartmentThenTheirOwnShowsWithANotice()
            throws Exception {
        for (String link : List.of("department=DOT", "department=DOT&service=DOT_SERVICE",
                "department=DOT&channel=PHONE", "department=DOT&district=CD01")) {
            // when
            Component view = open("department", PERIOD + "&" + link);

            // then
            assertThat(view).as(link).isInstanceOf(DepartmentView.class);
            assertThat(shownDepartment()).as(link).hasValue("SAN");
            assertThat(find(Notification.class).withClassName("cp-not-allowed").exists()).as(link).isTrue();
            assertNothingOfTheOtherDepartment(view);
            assertThat(download()).as(link).contains(",SAN,").doesNotContain(OTHER);
        }
    }

    @Test
    void givenADepartmentHeadWhenOpeningTheirDepartmentThenItsBreakdownsAndFilterOptionsHoldNoOtherDepartment()
            throws Exception {
        // when
        Component view = open("department", PERIOD + "&department=SAN");

        // then
        assertThat(departmentOptions()).containsExactly("SAN");
        assertNothingOfTheOtherDepartment(view);
        assertThat(download()).contains("SAN_SERVICE").doesNotContain(OTHER);
    }

    @Test
    void givenADepartmentHeadWhenOpeningEachTopicViewForTheCityThenNoLineRowOrExportRowIsAnotherDepartments()
            throws Exception {
        for (String route : List.of("waits", "outcomes", "satisfaction")) {
            // when
            Component view = open(route, PERIOD);

            // then
            assertThat(departmentOptions()).as(route).containsExactly("SAN");
            assertNothingOfTheOtherDepartment(view);
            assertThat(download()).as(route).doesNotContain(OTHER);
        }
    }

    @Test
    void givenADepartmentHeadWhenFollowingADeepLinkToAnotherDepartmentInEachTopicViewThenTheirOwnShows()
            throws Exception {
        for (String route : List.of("waits", "outcomes", "satisfaction")) {
            // when
            Component view = open(route, PERIOD + "&department=DOT");

            // then
            assertThat(shownDepartment()).as(route).hasValue("SAN");
            assertThat(find(Notification.class).withClassName("cp-not-allowed").exists()).as(route).isTrue();
            assertNothingOfTheOtherDepartment(view);
            assertThat(download()).as(route).contains(",SAN,").doesNotContain(OTHER);
        }
    }

    @Test
    void givenADepartmentHeadWhenReadingTheCitysCommentsThenOnlyTheirDepartmentsCommentsShow() {
        // when
        Component view = open("satisfaction", PERIOD);

        // then
        assertThat(everything(view)).contains("Sanitation never came").doesNotContain("Transport was quick");
        assertThat(comments.load(DashboardFilter.city().withPeriod(AUGUST), CsatBand.ALL, null).comments())
                .extracting(c -> c.department()).containsExactly("SAN");
        assertThatThrownBy(() -> comments.load(DashboardFilter.city().withPeriod(AUGUST).withDepartment(OTHER),
                CsatBand.ALL, null)).isInstanceOf(DepartmentNotAllowedException.class);
    }

    @Test
    void givenADepartmentHeadWhenAskingTheServicesDirectlyForAnotherDepartmentThenEachRefusesOrLeavesItOut() {
        DashboardFilter other = new DashboardFilter(Grain.MONTH, AUGUST, OTHER, null, null, null);
        assertThatThrownBy(() -> export.write(other, Scope.SLICE_AND_BREAKDOWNS, new StringWriter()))
                .isInstanceOf(DepartmentNotAllowedException.class);
        assertThatThrownBy(() -> scoreboard.load(other.range(), SliceKey.department(OTHER)))
                .isInstanceOf(DepartmentNotAllowedException.class);
        assertThatThrownBy(() -> topicData.load(Topic.OUTCOMES, other))
                .isInstanceOf(DepartmentNotAllowedException.class);
        assertThatThrownBy(() -> queries.rows(Grain.MONTH, JULY, AUGUST, OTHER, Dimension.SERVICE,
                List.of(Kpi.ON_TIME_RATE))).isInstanceOf(DepartmentNotAllowedException.class);
        assertThatThrownBy(() -> queries.goals(Grain.MONTH, AUGUST, OTHER, Dimension.SERVICE))
                .isInstanceOf(DepartmentNotAllowedException.class);
        assertThatThrownBy(() -> breakdown.channelMix(other.range(), OTHER))
                .isInstanceOf(DepartmentNotAllowedException.class);
        assertThat(options.departments(Grain.MONTH, AUGUST)).containsExactly("SAN");
        assertThat(options.services(Grain.MONTH, AUGUST, OTHER)).isEmpty();
        assertThat(queries.goalsByDepartment(Grain.MONTH, AUGUST)).containsOnlyKeys("SAN");
        assertThat(breakdown.byDepartment(Grain.MONTH, AUGUST)).extracting(DepartmentBreakdown.Line::value)
                .containsExactly("SAN");
        assertThat(queries.departmentsTrend(Grain.MONTH, JULY, AUGUST, List.of(Kpi.ON_TIME_RATE)))
                .extracting(row -> row.department()).containsOnly("SAN");
    }

    @Test
    @WithMockUser(username = "mayor", roles = "LEADERSHIP")
    void givenLeadershipWhenOpeningTheOverviewThenEveryDepartmentShows() throws Exception {
        // when
        Component view = open("", PERIOD);

        // then the same data reaches leadership, so the checks above are not passing on an empty screen
        assertThat(departmentsTable(view).getGenericDataView().getItems()
                .count()).isEqualTo(2);
        assertThat(download()).contains(",DOT,");
        assertThat(everything(open("satisfaction", PERIOD))).as("leadership reads no comments by default")
                .doesNotContain("Transport was quick");
    }

    @Test
    @WithMockUser(username = "nobody", roles = "VIEWER")
    void givenAnAccountWithoutARoleWhenAskingForResultsThenNothingIsRead() {
        assertThat(options.departments(Grain.MONTH, AUGUST)).isEmpty();
        assertThatThrownBy(() -> scoreboard.load(DashboardFilter.city().withPeriod(AUGUST).range(), SliceKey.CITY))
                .isInstanceOf(DepartmentNotAllowedException.class);
    }

    private Component open(String route, String query) {
        UI.getCurrent().navigate(route, QueryParameters.fromString(query));
        return (Component) getCurrentView();
    }

    private Grid<?> departmentsTable(Component view) {
        return find(Grid.class, view).withCondition(grid -> grid.getAriaLabel().filter("Departments"::equals)
                .isPresent()).single();
    }

    private static java.util.Optional<String> shownDepartment() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()
                .getSingleParameter("department");
    }

    private List<String> departmentOptions() {
        ComboBox<?> department = find(ComboBox.class).withCondition(box -> "Department".equals(box.getLabel()))
                .single();
        return department.getGenericDataView().getItems().map(String::valueOf).toList();
    }

    /** The view's texts, attributes and properties, every grid's and combo box's items and every chart's data. */
    private void assertNothingOfTheOtherDepartment(Component view) {
        assertThat(everything(view)).doesNotContain(OTHER);
    }

    private String everything(Component view) {
        List<String> parts = new ArrayList<>();
        collect(view.getElement(), parts);
        for (Grid<?> grid : find(Grid.class, view).all()) {
            grid.getGenericDataView().getItems().forEach(item -> parts.add(String.valueOf(item)));
        }
        for (ComboBox<?> box : find(ComboBox.class, view).all()) {
            box.getGenericDataView().getItems().forEach(item -> parts.add(String.valueOf(item)));
        }
        for (EChart chart : find(EChart.class, view).all()) {
            parts.add(chart.getOptionJson());
            parts.add(String.valueOf(chart.getAccessibleSummary()));
        }
        return String.join("\n", parts);
    }

    private static void collect(Element element, List<String> parts) {
        parts.add(element.getText());
        element.getAttributeNames().forEach(name -> parts.add(String.valueOf(element.getAttribute(name))));
        element.getPropertyNames().forEach(name -> parts.add(String.valueOf(element.getPropertyRaw(name))));
        element.getChildren().forEach(child -> collect(child, parts));
    }

    /** Runs the view's "Export CSV" as the browser's request would. */
    private String download() throws Exception {
        ExportLink link = find(ExportLink.class).single();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(bytes);
        DownloadEvent event = new DownloadEvent(mock(VaadinRequest.class), response, VaadinSession.getCurrent(),
                link.getElement());
        // The link's handler is what the browser's request runs; the view keeps it to itself.
        var handler = ExportLink.class.getDeclaredField("handler");
        handler.setAccessible(true);
        ((com.vaadin.flow.server.streams.DownloadHandler) handler.get(link)).handleDownloadRequest(event);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
