package io.civicpulse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportComparisonTests {

    private static final String HEADER = "kpi,grain,period_start,department,service,channel,district,value,numerator,"
            + "denominator,sample_size,target,meets_target,score,suppressed\n";
    private static final String CONTACTS = "CONTACTS,DAY,2026-10-19,*,*,*,*,120,,,120,,,,false\n";
    private static final String MEDIAN = "WAIT_MEDIAN_SECONDS,DAY,2026-10-19,*,*,*,*,41.5,,,80,40,false,0.963855421686747,"
            + "false\n";

    @TempDir
    Path temp;

    @Test
    void exportsThatDifferOnlyInTheLastDigitsAgree() throws IOException {
        // given the same rows, one median written with a rounding difference far below 1e-9 relative
        Path left = export("left", CONTACTS + MEDIAN);
        Path right = export("right", CONTACTS + MEDIAN.replace("41.5,", "41.500000000001,"));

        // when
        ExportComparison.Result result = ExportComparison.compare("left", left, "right", right);

        // then
        assertThat(result.agree()).as(result.summary()).isTrue();
        assertThat(result.leftRows()).isEqualTo(2);
    }

    @Test
    void aValueOffByMoreThanTheToleranceIsADifference() throws IOException {
        // given a median off by 1e-7 relative
        Path left = export("left", CONTACTS + MEDIAN);
        Path right = export("right", CONTACTS + MEDIAN.replace("41.5,", "41.500005,"));

        // when
        ExportComparison.Result result = ExportComparison.compare("left", left, "right", right);

        // then
        assertThat(result.differences()).isEqualTo(1);
        assertThat(result.first().getFirst()).startsWith("WAIT_MEDIAN_SECONDS,DAY,2026-10-19").contains("value");
    }

    @Test
    void theVerdictOfAValueOnItsTargetWithinTheToleranceMayDiffer() throws IOException {
        // given an experience score that sums to 1.0 in one engine and to a hair below in the other
        String score = "EXPERIENCE_SCORE,DAY,2026-03-07,DOB,*,*,CD08,%s,,,5,1.0,%s,,false\n";
        Path left = export("left", CONTACTS + score.formatted("1.0", "true"));
        Path right = export("right", CONTACTS + score.formatted("0.9999999999999999", "false"));

        // when
        ExportComparison.Result result = ExportComparison.compare("left", left, "right", right);

        // then
        assertThat(result.agree()).as(result.summary()).isTrue();
    }

    @Test
    void aDifferentVerdictOnAValueAwayFromItsTargetIsADifference() throws IOException {
        // given the same median, far from its target of 40, held to different verdicts
        Path left = export("left", CONTACTS + MEDIAN);
        Path right = export("right", CONTACTS + MEDIAN.replace(",40,false,", ",40,true,"));

        // when
        ExportComparison.Result result = ExportComparison.compare("left", left, "right", right);

        // then
        assertThat(result.differences()).isEqualTo(1);
        assertThat(result.first().getFirst()).contains("meets_target left='false' right='true'");
    }

    @Test
    void missingAndExtraRowsAndEmptyCellsAreDifferences() throws IOException {
        // given one export without the median and one whose counts lack their target cell emptiness
        Path left = export("left", CONTACTS + MEDIAN);
        Path right = export("right", CONTACTS.replace(",120,,,,false", ",120,1,,,false"));

        // when
        ExportComparison.Result result = ExportComparison.compare("left", left, "right", right);

        // then
        assertThat(result.differences()).isEqualTo(2);
        assertThat(result.first()).anyMatch(d -> d.contains("target left='' right='1'"))
                .anyMatch(d -> d.startsWith("only in left: "));
    }

    @Test
    void anExportOutOfTheContractsOrderIsRefused() throws IOException {
        // given rows in the wrong order
        Path left = export("left", MEDIAN + CONTACTS);
        Path right = export("right", CONTACTS + MEDIAN);

        // when / then
        assertThatThrownBy(() -> ExportComparison.compare("left", left, "right", right))
                .hasMessageContaining("not sorted");
    }

    private Path export(String name, String rows) throws IOException {
        return Files.writeString(temp.resolve(name + ".csv"), HEADER + rows);
    }
}
