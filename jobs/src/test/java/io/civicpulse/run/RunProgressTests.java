package io.civicpulse.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.civicpulse.kpi.Feed;

class RunProgressTests {

    @Test
    void theCommandLineReadsCountsGroupedFeedsByTheirFilePrefixAndIsoDates() {
        assertThat(RunProgress.of(RunProgress.Kind.INGEST_COUNTED, Feed.CONTACTS, 540_112L, 3L, 0L, 540_109L)
                .message()).isEqualTo("ingest: contacts 540,112 rows read, 3 rejected, 0 duplicates replaced, "
                        + "540,109 loaded");
        assertThat(RunProgress.of(RunProgress.Kind.COMPUTE_STARTED, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31)).message())
                .isEqualTo("compute: KPIs for every period containing a date from 2026-03-01 to 2026-03-31");
    }

    @Test
    void idsAreNamesNotAmountsSoTheyAreNotGrouped() {
        assertThat(RunProgress.of(RunProgress.Kind.RESTARTING, "12345", "67890").message())
                .isEqualTo("restarting failed run 12345 (execution 67890) where it stopped");
    }

    @Test
    void everyKindHasATranslationKeyOfItsOwn() {
        assertThat(RunProgress.Kind.PUBLISH_DONE.key()).isEqualTo("run.progress.PUBLISH_DONE");
    }
}
