package io.civicpulse.dashboard.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.dashboard.DashboardProperties;
import io.civicpulse.kpi.Feed;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.Publication;
import io.civicpulse.run.NightlyRuns;
import io.civicpulse.run.RunOutcome;
import io.civicpulse.run.RunProgress;
import io.civicpulse.run.RunProgressListener;
import io.civicpulse.run.RunRequest;

class SampleDataLoaderTests {

    @TempDir
    Path folder;

    private final KpiResultRepository results = mock(KpiResultRepository.class);
    private final NightlyRuns nightlyRuns = mock(NightlyRuns.class);
    private final SampleDataStatus status = new SampleDataStatus();

    @BeforeEach
    void nothingPublished() {
        when(results.latestPublication()).thenReturn(Optional.empty());
    }

    @Test
    void aFolderOfFeedsIsLoadedForTheGeneratedDateRange() throws IOException {
        givenSampleFeeds("from=2026-06-01\nto=2026-08-31\nseed=42\n");

        Optional<RunRequest> plan = loader().plan();

        assertThat(plan).hasValueSatisfying(request -> {
            assertThat(request.input()).isEqualTo(folder.toAbsolutePath().normalize());
            assertThat(request.from()).isEqualTo(LocalDate.of(2026, 6, 1));
            assertThat(request.to()).isEqualTo(LocalDate.of(2026, 8, 31));
            assertThat(request.trigger()).isEqualTo("sample-data");
        });
    }

    @Test
    void nothingIsLoadedOnceResultsArePublished() throws IOException {
        givenSampleFeeds("from=2026-06-01\nto=2026-08-31\n");
        when(results.latestPublication()).thenReturn(Optional.of(new Publication(1, 1, Instant.now(),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31), folder.toString(), "v1", 10)));

        assertThat(loader().plan()).isEmpty();
        assertThat(status.current().phase()).isEqualTo(SampleDataStatus.Phase.IDLE);
    }

    @Test
    void aMissingFolderMeansStartingEmpty() {
        SampleDataLoader loader = new SampleDataLoader(new DashboardProperties(folder.resolve("absent")), results,
                nightlyRuns, status);

        loader.run(null);

        assertThat(status.current().phase()).isEqualTo(SampleDataStatus.Phase.IDLE);
        verify(nightlyRuns, never()).run(any(), any());
    }

    @Test
    void aFolderWithoutFeedFilesIsIgnored() throws IOException {
        Files.writeString(folder.resolve("README.txt"), "not a feed");

        assertThat(loader().plan()).isEmpty();
    }

    @Test
    void feedsWithoutGenerationPropertiesAreReportedAsAFailure() throws IOException {
        Files.writeString(folder.resolve("cases.csv"), "case_id\n");

        assertThat(loader().plan()).isEmpty();

        assertThat(status.current().phase()).isEqualTo(SampleDataStatus.Phase.FAILED);
        assertThat(status.current().message()).contains("generation.properties is missing");
    }

    @Test
    void datesMustBeIsoDatesInOrder() throws IOException {
        Path properties = folder.resolve("generation.properties");

        Files.writeString(properties, "from=2026-06-01\nto=yesterday\n");
        assertThatIllegalArgumentException().isThrownBy(() -> SampleDataLoader.readRange(properties))
                .withMessageContaining("to=yesterday is not a date");

        Files.writeString(properties, "from=2026-06-01\nto=2026-05-01\n");
        assertThatIllegalArgumentException().isThrownBy(() -> SampleDataLoader.readRange(properties))
                .withMessageContaining("is before");
    }

    @Test
    void progressAndSuccessAreShown() {
        RunRequest request = new RunRequest(folder, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31), "sample-data");
        when(nightlyRuns.run(any(), any())).thenAnswer(call -> {
            call.<RunProgressListener>getArgument(1)
                    .progress(RunProgress.of(RunProgress.Kind.INGEST_COUNTED, Feed.CASES, 1_000L, 2L, 0L, 998L));
            assertThat(status.current().message())
                    .isEqualTo("cases: 1,000 rows read, 2 rejected, 0 duplicates replaced, 998 loaded");
            assertThat(status.current().text(Locale.of("es")))
                    .isEqualTo("casos: 1.000 filas leídas, 2 rechazadas, 0 duplicados sustituidos, 998 cargadas");
            assertThat(status.current().loading()).isTrue();
            return new RunOutcome(7, true, null, List.of(), 2_199, Duration.ofSeconds(95));
        });

        loader().load(request);

        assertThat(status.current().phase()).isEqualTo(SampleDataStatus.Phase.LOADED);
        assertThat(status.current().message()).isEqualTo("Loaded the sample data: 2,199 KPI results in 95 s");
        assertThat(status.current().text(Locale.of("es")))
                .isEqualTo("Datos de ejemplo cargados: 2.199 resultados de KPI en 95 s");
    }

    @Test
    void aFailedRunShowsItsReason() {
        RunRequest request = new RunRequest(folder, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31), "sample-data");
        when(nightlyRuns.run(any(), any())).thenReturn(new RunOutcome(7, false,
                "cases.csv line 12 column opened_at: not a timestamp", List.of(), 0, Duration.ofSeconds(3)));

        loader().load(request);

        assertThat(status.current().phase()).isEqualTo(SampleDataStatus.Phase.FAILED);
        assertThat(status.current().message()).isEqualTo("cases.csv line 12 column opened_at: not a timestamp");
    }

    @Test
    void aRunThatThrowsIsAFailureNotACrash() {
        RunRequest request = new RunRequest(folder, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31), "sample-data");
        when(nightlyRuns.run(any(), any())).thenThrow(new IllegalStateException("Spark could not start"));

        loader().load(request);

        assertThat(status.current().phase()).isEqualTo(SampleDataStatus.Phase.FAILED);
        assertThat(status.current().message()).isEqualTo("Spark could not start");
    }

    private SampleDataLoader loader() {
        return new SampleDataLoader(new DashboardProperties(folder), results, nightlyRuns, status);
    }

    private void givenSampleFeeds(String generationProperties) throws IOException {
        Files.writeString(folder.resolve("contacts-2026.csv"), "contact_id\n");
        Files.writeString(folder.resolve("cases-2026.csv.gz"), "");
        Files.writeString(folder.resolve("generation.properties"), generationProperties);
    }
}
