package io.civicpulse.dashboard.export.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
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
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;

import io.civicpulse.dashboard.PublishedResults;
import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.dashboard.chart.EChart;
import io.civicpulse.dashboard.department.ui.DepartmentView;
import io.civicpulse.dashboard.overview.ui.CityOverviewView;
import io.civicpulse.dashboard.scoreboard.ui.KpiCard;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiCsv;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "Export CSV" downloads exactly the rows of the filtered view, in the export contract's format. */
@SpringBootTest(properties = "civicpulse.security.bootstrap-admin-password=test-only-password")
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "analyst", roles = "ADMIN")
class ExportLinkTests extends SpringBrowserlessTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);

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
        results.row(Kpi.CONTACTS, "MONTH", AUGUST, null, null, null, null, 1000.0, 1000, null, null, false);
        results.row(Kpi.CONTACTS, "MONTH", AUGUST, "SAN", null, null, null, 300.0, 300, null, null, false);
        results.row(Kpi.CONTACTS, "MONTH", JULY, "SAN", null, null, null, 280.0, 280, null, null, false);
        results.row(Kpi.CONTACTS, "MONTH", AUGUST, "SAN", null, "PHONE", null, 200.0, 200, null, null, false);
        results.row(Kpi.CSAT_MEAN, "MONTH", AUGUST, "SAN", null, null, "CD02", null, 4, 4.0, null, true);
        results.row(Kpi.CASES_OPENED, "MONTH", AUGUST, "SAN", "BULK_ITEM", null, null, 90.0, 90, null, null, false);
        results.row(Kpi.CONTACTS, "MONTH", AUGUST, "DOT", null, null, null, 500.0, 500, null, null, false);
        results.row(Kpi.CONTACTS, "WEEK", LocalDate.of(2026, 8, 3), "SAN", null, null, null, 70.0, 70, null, null,
                false);
        results.publication(3, OffsetDateTime.parse("2026-09-01T06:00:00Z"), AUGUST, LocalDate.of(2026, 8, 31));
    }

    @Test
    void theDepartmentViewExportsItsSliceAndBreakdownsOverTheShownPeriods() throws Exception {
        // given
        UI.getCurrent().navigate(DepartmentView.class,
                QueryParameters.fromString("grain=MONTH&period=2026-08-01&department=SAN"));

        // when
        Download download = download();

        // then
        assertThat(download.fileName()).isEqualTo("civicpulse-SAN-MONTH-2026-08-01.csv");
        assertThat(download.lines()).containsExactly(String.join(",", KpiCsv.HEADER),
                "CASES_OPENED,MONTH,2026-08-01,SAN,BULK_ITEM,*,*,90,,,90,,,,false",
                "CONTACTS,MONTH,2026-07-01,SAN,*,*,*,280,,,280,,,,false",
                "CONTACTS,MONTH,2026-08-01,SAN,*,*,*,300,,,300,,,,false",
                "CONTACTS,MONTH,2026-08-01,SAN,*,PHONE,*,200,,,200,,,,false",
                "CSAT_MEAN,MONTH,2026-08-01,SAN,*,*,CD02,,,,4,4,,,true");
    }

    @Test
    void aNarrowerFilterExportsOnlyItsSlice() throws Exception {
        // given
        UI.getCurrent().navigate(DepartmentView.class,
                QueryParameters.fromString("grain=MONTH&period=2026-08-01&department=SAN&channel=PHONE"));

        // when
        Download download = download();

        // then
        assertThat(download.fileName()).isEqualTo("civicpulse-SAN-PHONE-MONTH-2026-08-01.csv");
        assertThat(download.lines()).containsExactly(String.join(",", KpiCsv.HEADER),
                "CONTACTS,MONTH,2026-08-01,SAN,*,PHONE,*,200,,,200,,,,false");
    }

    @Test
    void theOverviewExportsTheCityAndItsDepartments() throws Exception {
        // given
        UI.getCurrent().navigate(CityOverviewView.class, QueryParameters.fromString("grain=MONTH&period=2026-08-01"));

        // when
        Download download = download();

        // then
        assertThat(download.fileName()).isEqualTo("civicpulse-city-MONTH-2026-08-01.csv");
        assertThat(download.lines()).containsExactly(String.join(",", KpiCsv.HEADER),
                "CONTACTS,MONTH,2026-08-01,*,*,*,*,1000,,,1000,,,,false",
                "CONTACTS,MONTH,2026-08-01,DOT,*,*,*,500,,,500,,,,false",
                "CONTACTS,MONTH,2026-08-01,SAN,*,*,*,300,,,300,,,,false");
    }

    @Test
    void aRangeInTheAddressExportsExactlyThePeriodsTheChartsShow() throws Exception {
        // given a month before the range and one inside it besides July and August
        PublishedResults results = new PublishedResults(jdbc);
        results.row(Kpi.CONTACTS, "MONTH", MAY, "SAN", null, null, null, 250.0, 250, null, null, false);
        results.row(Kpi.CONTACTS, "MONTH", JUNE, "SAN", null, null, null, 260.0, 260, null, null, false);
        UI.getCurrent().navigate(DepartmentView.class,
                QueryParameters.fromString("grain=MONTH&from=2026-06-01&period=2026-08-01&department=SAN"));

        // when
        Download download = download();

        // then
        assertThat(download.fileName()).isEqualTo("civicpulse-SAN-MONTH-2026-06-01-2026-08-01.csv");
        assertThat(download.lines()).containsExactly(String.join(",", KpiCsv.HEADER),
                "CASES_OPENED,MONTH,2026-08-01,SAN,BULK_ITEM,*,*,90,,,90,,,,false",
                "CONTACTS,MONTH,2026-06-01,SAN,*,*,*,260,,,260,,,,false",
                "CONTACTS,MONTH,2026-07-01,SAN,*,*,*,280,,,280,,,,false",
                "CONTACTS,MONTH,2026-08-01,SAN,*,*,*,300,,,300,,,,false",
                "CONTACTS,MONTH,2026-08-01,SAN,*,PHONE,*,200,,,200,,,,false",
                "CSAT_MEAN,MONTH,2026-08-01,SAN,*,*,CD02,,,,4,4,,,true");
        assertThat(periods(download)).containsExactlyElementsOf(chartPeriods(find(KpiCard.class)
                .withCondition(card -> card.kpi() == Kpi.CONTACTS).single()));
    }

    @Test
    void theOverviewExportsTheCityOverItsRange() throws Exception {
        // given
        PublishedResults results = new PublishedResults(jdbc);
        results.row(Kpi.CONTACTS, "MONTH", JUNE, null, null, null, null, 900.0, 900, null, null, false);
        results.row(Kpi.CONTACTS, "MONTH", JULY, null, null, null, null, 950.0, 950, null, null, false);
        UI.getCurrent().navigate(CityOverviewView.class,
                QueryParameters.fromString("grain=MONTH&from=2026-07-01&period=2026-08-01"));

        // when
        Download download = download();

        // then the city over July and August, its departments in the selected period as the table shows them
        assertThat(download.fileName()).isEqualTo("civicpulse-city-MONTH-2026-07-01-2026-08-01.csv");
        assertThat(download.lines()).containsExactly(String.join(",", KpiCsv.HEADER),
                "CONTACTS,MONTH,2026-07-01,*,*,*,*,950,,,950,,,,false",
                "CONTACTS,MONTH,2026-08-01,*,*,*,*,1000,,,1000,,,,false",
                "CONTACTS,MONTH,2026-08-01,DOT,*,*,*,500,,,500,,,,false",
                "CONTACTS,MONTH,2026-08-01,SAN,*,*,*,300,,,300,,,,false");
        assertThat(chartPeriods(find(KpiCard.class).withCondition(card -> card.kpi() == Kpi.CONTACTS).single()))
                .containsExactly("Jul 2026", "Aug 2026");
    }

    @Test
    void aTopicViewExportsItsKpisOverItsRange() throws Exception {
        // given
        PublishedResults results = new PublishedResults(jdbc);
        for (LocalDate month : List.of(JUNE, JULY, AUGUST)) {
            results.row(Kpi.CSAT_MEAN, "MONTH", month, null, null, null, null, 4.0, 100, null, null, false);
        }
        results.row(Kpi.CSAT_MEAN, "MONTH", JULY, "SAN", null, null, null, 4.5, 40, null, null, false);
        results.row(Kpi.CSAT_MEAN, "MONTH", JUNE, "SAN", null, null, null, 4.4, 40, null, null, false);
        UI.getCurrent().navigate("satisfaction", QueryParameters.fromString(
                "grain=MONTH&from=2026-07-01&period=2026-08-01"));

        // when
        Download download = download();

        // then
        assertThat(download.lines()).containsExactly(String.join(",", KpiCsv.HEADER),
                "CSAT_MEAN,MONTH,2026-07-01,*,*,*,*,4,,,100,,,,false",
                "CSAT_MEAN,MONTH,2026-07-01,SAN,*,*,*,4.5,,,40,,,,false",
                "CSAT_MEAN,MONTH,2026-08-01,*,*,*,*,4,,,100,,,,false");
    }

    /** The periods of an export's rows, in order, as a chart labels them. */
    private static List<String> periods(Download download) {
        return download.lines().stream().skip(1).map(line -> LocalDate.parse(line.split(",")[2])).distinct()
                .sorted().map(start -> start.getMonth().getDisplayName(TextStyle.SHORT, Locale.US) + " "
                        + start.getYear())
                .toList();
    }

    private List<String> chartPeriods(KpiCard card) {
        return JsonMapper.shared().readTree(find(EChart.class, card).single().getOptionJson()).at("/xAxis/data")
                .valueStream().map(JsonNode::asString).toList();
    }

    private record Download(String fileName, List<String> lines) {
    }

    /** Runs the link's download as the browser's request would, into memory. */
    private Download download() throws Exception {
        ExportLink link = find(ExportLink.class).single();
        assertThat(link.getElement().getText()).isEmpty();
        assertThat(link.getElement().getTextRecursively()).isEqualTo("Export CSV");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(bytes);
        DownloadEvent event = new DownloadEvent(mock(VaadinRequest.class), response, VaadinSession.getCurrent(),
                link.getElement());
        link.handler.handleDownloadRequest(event);
        // The file name is what the browser saves; DownloadEvent keeps it package-private until it writes headers.
        var getFileName = DownloadEvent.class.getDeclaredMethod("getFileName");
        getFileName.setAccessible(true);
        String fileName = (String) getFileName.invoke(event);
        return new Download(fileName, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
