package io.civicpulse.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.civicpulse.feeds.FeedColumns;
import io.civicpulse.kpi.KpiParameters;
import io.civicpulse.support.SparkTestSession;

/** The data-quality rules on tiny in-memory cases. */
class DataQualityCalculationsTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Instant NINE = DAY.atTime(9, 0).atZone(NEW_YORK).toInstant();

    final SparkSession spark = SparkTestSession.get();

    @Test
    void flagsBulkClosuresMissingDistrictsAndDueTimesBeforeOpening() {
        // given four DOT cases opened on one day
        var cases = spark.createDataFrame(List.of(
                // closed exactly 10 minutes after opening: a bulk closure
                caseRow("a", "DOT", "CD01", NINE, NINE.plusSeconds(600), null),
                // closed 10 minutes and 1 second after: not one
                caseRow("b", "DOT", "CD01", NINE, NINE.plusSeconds(601), null),
                // no district, due before opening
                caseRow("c", "DOT", "UNKNOWN", NINE, null, NINE.minusSeconds(1)),
                // due at opening: not before it
                caseRow("d", "DOT", "CD02", NINE, null, NINE)), FeedColumns.CASES);

        // when the rules are measured
        Map<String, Row> rows = byKey(DataQualityCalculations.measure(cases, List.of(), parameters()).collectAsList());

        // then each rule counts its cases against the four opened, for DOT and the city
        for (String department : List.of("DOT", "*")) {
            assertThat(counts(rows.get(department + " DAY CLOSED_WITHIN_10_MINUTES"))).containsExactly(1L, 4L);
            assertThat(counts(rows.get(department + " DAY MISSING_DISTRICT"))).containsExactly(1L, 4L);
            assertThat(counts(rows.get(department + " DAY DUE_BEFORE_OPENED"))).containsExactly(1L, 4L);
            assertThat(counts(rows.get(department + " MONTH MISSING_DISTRICT"))).containsExactly(1L, 4L);
        }
        // and the rules only an importer sees have no row without an import
        assertThat(rows.keySet()).noneMatch(k -> k.contains("CLOSED_BEFORE_OPENED"));
    }

    @Test
    void addsTheImportersCountsOfRejectedRowsToTheirDepartmentAndTheCity() {
        // given one SAN case and the importer's count of 3 SAN rows closed before they were created, plus a rule
        // the run counts itself (which the importer's file must not add twice)
        var cases = spark.createDataFrame(List.<Row>of(caseRow("a", "SAN", "CD01", NINE, null, null)),
                FeedColumns.CASES);
        List<QualityCount> imported = List.of(
                new QualityCount(new QualityCount.Key("SAN", DAY, QualityRule.CLOSED_BEFORE_OPENED), 3),
                new QualityCount(new QualityCount.Key("SAN", DAY, QualityRule.MISSING_DISTRICT), 7),
                new QualityCount(new QualityCount.Key("PARKS", DAY.minusYears(1),
                        QualityRule.CLOSED_WITHOUT_CLOSED_DATE), 2));

        // when the rules are measured
        Map<String, Row> rows = byKey(DataQualityCalculations.measure(cases, imported, parameters()).collectAsList());

        // then the rejected rows count under their rule next to the cases opened; others come from the cases only
        assertThat(counts(rows.get("SAN DAY CLOSED_BEFORE_OPENED"))).containsExactly(3L, 1L);
        assertThat(counts(rows.get("* DAY CLOSED_BEFORE_OPENED"))).containsExactly(3L, 1L);
        assertThat(counts(rows.get("SAN DAY MISSING_DISTRICT"))).containsExactly(0L, 1L);
        // and a count outside the run's periods is left out
        assertThat(rows.keySet()).noneMatch(k -> k.startsWith("PARKS"));
    }

    static KpiParameters parameters() {
        return new KpiParameters(DAY, DAY, NEW_YORK, Map.of(), List.of(), List.of(), 0);
    }

    static Row caseRow(String id, String department, String district, Instant opened, Instant closed, Instant due) {
        return RowFactory.create(id, department, "Pothole", "PHONE", district, opened,
                opened.atZone(NEW_YORK).toLocalDate(), closed,
                closed == null ? null : closed.atZone(NEW_YORK).toLocalDate(), due, closed == null ? "OPEN" : "CLOSED",
                null, 0, null);
    }

    static Map<String, Row> byKey(List<Row> rows) {
        return rows.stream().collect(java.util.stream.Collectors.toMap(
                r -> r.getAs("department") + " " + r.getAs("grain") + " " + r.getAs("rule"), r -> r));
    }

    static List<Long> counts(Row row) {
        assertThat(row).isNotNull();
        return List.of(row.<Long>getAs("flagged"), row.<Long>getAs("cases"));
    }
}
