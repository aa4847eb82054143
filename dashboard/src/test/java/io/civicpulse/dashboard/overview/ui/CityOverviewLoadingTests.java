package io.civicpulse.dashboard.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;

import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.dashboard.sample.SampleDataStatus;
import io.civicpulse.dashboard.sample.SampleDataStatus.Phase;
import io.civicpulse.dashboard.sample.SampleDataStatus.Snapshot;
import io.civicpulse.dashboard.scoreboard.ui.KpiCard;
import io.civicpulse.kpi.Feed;
import io.civicpulse.run.RunProgress;

/** The first start as a person sees it: the sample load's progress, then the results without a reload. */
@SpringBootTest
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "mayor", roles = "LEADERSHIP")
class CityOverviewLoadingTests extends SpringBrowserlessTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @MockitoBean
    SampleDataStatus sampleData;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void nothingPublishedYet() {
        jdbc.sql("DELETE FROM kpi_result").update();
        jdbc.sql("DELETE FROM kpi_publication").update();
    }

    @Test
    void whileTheSampleLoadsTheViewShowsItsProgressAndThenTheResults() {
        when(sampleData.current()).thenReturn(new Snapshot(Phase.LOADING, RunProgress.Kind.INGEST_READING.key(),
                List.of(3, Feed.CASES), Instant.now()));

        CityOverviewView view = navigate(CityOverviewView.class);

        EmptyState empty = find(EmptyState.class, view).single();
        assertThat(empty.kind()).isEqualTo(EmptyState.Kind.LOADING_SAMPLE);
        assertThat(empty.getElement().getTextRecursively())
                .contains("Loading the sample data…", "Reading 3 cases file(s)");
        assertThat(UI.getCurrent().getPollInterval()).isPositive();

        when(sampleData.current()).thenReturn(new Snapshot(Phase.LOADING, RunProgress.Kind.COMPUTE_DONE.key(),
                List.of(1_000L), Instant.now()));
        poll();

        assertThat(find(EmptyState.class).single().getElement().getTextRecursively())
                .contains("1,000 KPI results computed");

        publishOneResult();
        when(sampleData.current()).thenReturn(new Snapshot(Phase.LOADED, "sample.loaded", List.of(1L, 9L), Instant.now()));
        poll();

        assertThat(find(KpiCard.class).all()).hasSize(1);
        assertThat(find(EmptyState.class).exists()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).as("polling stops").isNegative();
    }

    @Test
    void aFailedSampleLoadSaysWhyAndWhatToDo() {
        when(sampleData.current()).thenReturn(new Snapshot(Phase.FAILED, "sample.reason",
                List.of("cases-2026-06.csv line 12 column opened_at: not a timestamp"), Instant.now()));

        CityOverviewView view = navigate(CityOverviewView.class);

        EmptyState empty = find(EmptyState.class, view).single();
        assertThat(empty.kind()).isEqualTo(EmptyState.Kind.SAMPLE_FAILED);
        assertThat(empty.getElement().getTextRecursively()).contains(
                "The sample data could not be loaded: cases-2026-06.csv line 12 column opened_at: not a timestamp",
                "No results yet — run the nightly job", EmptyState.RUN_COMMAND);
        assertThat(UI.getCurrent().getPollInterval()).isNegative();
    }

    private static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    private void publishOneResult() {
        jdbc.sql("""
                INSERT INTO kpi_result (kpi, grain, period_start, department, service, channel, district, kpi_value,
                    sample_size, suppressed, publication_id)
                VALUES ('CONTACTS', 'MONTH', ?, '*', '*', '*', '*', 1234, 1234, FALSE, 1)""")
                .param(LocalDate.of(2026, 8, 1))
                .update();
        jdbc.sql("""
                INSERT INTO kpi_publication (job_execution_id, published_at, from_date, to_date, input_dir,
                    history_version, kpi_rows)
                VALUES (1, ?, ?, ?, 'datasets/sample', 'v1', 1)""")
                .params(OffsetDateTime.parse("2026-09-01T06:00:00Z"), LocalDate.of(2026, 8, 1),
                        LocalDate.of(2026, 8, 31))
                .update();
    }
}
