package io.civicpulse.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.civicpulse.feeds.FeedColumns;
import io.civicpulse.kpi.Feed;
import io.civicpulse.kpi.KpiParameters;
import io.civicpulse.support.SparkTestSession;

/** The history's partitions and the merge of a run's rows into them, on tiny in-memory feeds. */
class HistoryPartitionsTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    static final LocalDate MARCH_30 = LocalDate.of(2026, 3, 30);

    final SparkSession spark = SparkTestSession.get();

    @Test
    void aCaseThatClosesMovesFromOpenToItsClosingDayAndIsThereOnce() {
        // given a published history with two open cases and one closed on March 1
        Dataset<Row> published = HistoryPartitions.withPartition(Feed.CASES, cases(
                caseRow("a", MARCH_1, null), caseRow("b", MARCH_1, MARCH_1), caseRow("c", MARCH_1, null)));
        // and a run delivering case a again, now closed on March 30
        Dataset<Row> staged = HistoryPartitions.withPartition(Feed.CASES, cases(caseRow("a", MARCH_1, MARCH_30)));

        // when the touched partitions are found and rewritten from their published rows
        Set<String> touched = names(HistoryPartitions.touched(Feed.CASES, published, staged));
        Dataset<Row> inTouched = published.filter(col(HistoryPartitions.COLUMN).isin(touched.toArray()));
        Map<String, String> rewritten = idToPartition(HistoryPartitions.rewrite(Feed.CASES, inTouched, staged),
                "case_id");

        // then open (which a leaves) and March 30 (where it goes) are rewritten; March 1 is not
        assertThat(touched).containsExactly("2026-03-30", "open");
        // and a is in March 30 only, c stays open
        assertThat(rewritten).containsExactlyInAnyOrderEntriesOf(Map.of("a", "2026-03-30", "c", "open"));
    }

    @Test
    void aContactDeliveredAgainReplacesTheEarlierOneEvenInAnotherPartition() {
        // given contacts x and y started on March 1, and x delivered again with a corrected start on March 2
        Dataset<Row> published = HistoryPartitions.withPartition(Feed.CONTACTS, contacts(
                contactRow("x", MARCH_1, 10), contactRow("y", MARCH_1, 20)));
        Dataset<Row> staged = HistoryPartitions.withPartition(Feed.CONTACTS, contacts(
                contactRow("x", MARCH_1.plusDays(1), 30)));

        // when
        Set<String> touched = names(HistoryPartitions.touched(Feed.CONTACTS, published, staged));
        List<Row> rows = HistoryPartitions.rewrite(Feed.CONTACTS, published, staged).collectAsList();

        // then both days are rewritten, x once with its new wait, y unchanged
        assertThat(touched).containsExactly("2026-03-01", "2026-03-02");
        assertThat(rows).extracting(r -> r.getAs("contact_id") + " " + r.getAs("wait_seconds") + " "
                + r.getAs(HistoryPartitions.COLUMN)).containsExactlyInAnyOrder("x 30 2026-03-02", "y 20 2026-03-01");
    }

    @Test
    void aSurveyDeliveredAgainReplacesTheEarlierOne() {
        // given two surveys of March 1 and one of them delivered again with another score
        Dataset<Row> published = HistoryPartitions.withPartition(Feed.SURVEYS, surveys(
                surveyRow("r1", MARCH_1, 2), surveyRow("r2", MARCH_1, 5)));
        Dataset<Row> staged = HistoryPartitions.withPartition(Feed.SURVEYS, surveys(surveyRow("r1", MARCH_1, 4)));

        // when
        Set<String> touched = names(HistoryPartitions.touched(Feed.SURVEYS, published, staged));
        List<Row> rows = HistoryPartitions.rewrite(Feed.SURVEYS, published, staged).collectAsList();

        // then
        assertThat(touched).containsExactly("2026-03-01");
        assertThat(rows).extracting(r -> r.getAs("response_id") + " " + r.getAs("csat"))
                .containsExactlyInAnyOrder("r1 4", "r2 5");
    }

    @Test
    void aNewVersionNamesTheRewrittenPartitionsAndSharesTheOthers() {
        // given a version of three partitions written by run 1
        HistoryManifest previous = new HistoryManifest(new TreeMap<>(Map.of(
                "2026-03-01", "parts/run-1/part=2026-03-01",
                "2026-03-02", "parts/run-1/part=2026-03-02",
                "open", "parts/run-1/part=open")));

        // when run 2 touches open, March 2 (left without rows) and March 30, writing open and March 30
        HistoryManifest next = previous.rewritten(Set.of("open", "2026-03-02", "2026-03-30"),
                Set.of("open", "2026-03-30"), partition -> HistoryStore.partDirectory("run-2", partition));

        // then March 1 is still run 1's directory, not a copy; March 2 is gone
        assertThat(next.partitions()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "2026-03-01", "parts/run-1/part=2026-03-01",
                "2026-03-30", "parts/run-2/part=2026-03-30",
                "open", "parts/run-2/part=open")));
    }

    @Test
    void onlyPartitionsWhoseIdRangeHoldsARunsIdCanHoldARowItReplaces() {
        // given three partitions with their id ranges
        Dataset<Row> ranges = spark.createDataFrame(List.of(
                RowFactory.create("2026-03-01", "CT-20260301-000001", "CT-20260301-055000"),
                RowFactory.create("2026-03-02", "CT-20260302-000001", "CT-20260302-054000"),
                RowFactory.create("open", "SR-1", "SR-9")), new org.apache.spark.sql.types.StructType()
                        .add(HistoryPartitions.COLUMN, "string").add("min_id", "string").add("max_id", "string"));
        // and a night's ids: its own day's, and one re-delivered from March 2
        Dataset<Row> ids = spark.createDataFrame(List.of(RowFactory.create("CT-20260303-000001"),
                RowFactory.create("CT-20260302-000017")), new org.apache.spark.sql.types.StructType()
                        .add("contact_id", "string"));

        // when
        Set<String> candidates = names(HistoryPartitions.rangesHolding(Feed.CONTACTS, ranges, ids));

        // then
        assertThat(candidates).containsExactly("2026-03-02");
        // and the ranges of written rows are their smallest and largest ids
        Dataset<Row> written = HistoryPartitions.withPartition(Feed.CONTACTS, contacts(
                contactRow("CT-b", MARCH_1, 1), contactRow("CT-a", MARCH_1, 2), contactRow("CT-c", MARCH_1, 3)));
        assertThat(HistoryPartitions.idRanges(Feed.CONTACTS, written).collectAsList())
                .extracting(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2))
                .containsExactly("2026-03-01 CT-a CT-c");
    }

    @Test
    void aManifestKeepsItsIdRangesAcrossWriteAndReadAndForgetsThoseOfRewrittenPartitions(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
        // given a version with ranges, one id holding a tab, a line break and a backslash
        HistoryManifest version = new HistoryManifest(new TreeMap<>(Map.of(
                "2026-03-01", "parts/run-1/part=2026-03-01",
                "open", "parts/run-1/part=open")), new TreeMap<>(Map.of(
                "2026-03-01", new HistoryManifest.IdRange("a\tb", "z\n\\y"))));

        // when it is written and read back
        version.write(folder.resolve("run-1"));
        HistoryManifest read = HistoryManifest.read(folder.resolve("run-1"));

        // then
        assertThat(read.partitions()).isEqualTo(version.partitions());
        assertThat(read.idRanges()).isEqualTo(version.idRanges());
        assertThat(read.withoutIdRange()).containsExactly("open");
        // and a rewritten partition has no range until one is given
        HistoryManifest next = read.rewritten(Set.of("2026-03-01"), Set.of("2026-03-01"),
                partition -> HistoryStore.partDirectory("run-2", partition));
        assertThat(next.withoutIdRange()).containsExactly("2026-03-01", "open");
        assertThat(next.withIdRanges(Map.of("2026-03-01", new HistoryManifest.IdRange("b", "c"))).idRanges())
                .containsOnlyKeys("2026-03-01");
    }

    @Test
    void aComputationReadsTheOpenPartitionAndThoseFromItsEarliestPeriodStartOn() {
        // given a run for Friday 2026-01-02, whose ISO week began on Monday 2025-12-29, before its quarter
        KpiParameters parameters = new KpiParameters(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2), NEW_YORK,
                Map.of(), List.of(), List.of(), 0);
        HistoryManifest version = new HistoryManifest(new TreeMap<>(Map.of(
                "2025-12-28", "parts/run-1/part=2025-12-28",
                "2025-12-29", "parts/run-1/part=2025-12-29",
                "2026-01-02", "parts/run-1/part=2026-01-02",
                "open", "parts/run-1/part=open")));

        // when
        List<String> needed = version.needed(parameters.earliestPeriodStart());

        // then
        assertThat(parameters.earliestPeriodStart()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(needed).containsExactly("parts/run-1/part=2025-12-29", "parts/run-1/part=2026-01-02",
                "parts/run-1/part=open");
    }

    private static Set<String> names(Dataset<Row> partitions) {
        return new java.util.TreeSet<>(partitions.collectAsList().stream().map(r -> r.getString(0)).toList());
    }

    private static Map<String, String> idToPartition(Dataset<Row> rows, String id) {
        Map<String, String> partitions = new TreeMap<>();
        for (Row row : rows.collectAsList()) {
            assertThat(partitions.put(row.getAs(id), row.getAs(HistoryPartitions.COLUMN))).as("once").isNull();
        }
        return partitions;
    }

    private Dataset<Row> cases(Row... rows) {
        return spark.createDataFrame(List.of(rows), FeedColumns.CASES);
    }

    private Dataset<Row> contacts(Row... rows) {
        return spark.createDataFrame(List.of(rows), FeedColumns.CONTACTS);
    }

    private Dataset<Row> surveys(Row... rows) {
        return spark.createDataFrame(List.of(rows), FeedColumns.SURVEYS);
    }

    private static Instant nine(LocalDate day) {
        return day.atTime(9, 0).atZone(NEW_YORK).toInstant();
    }

    static Row caseRow(String id, LocalDate opened, LocalDate closed) {
        return RowFactory.create(id, "DOT", "POTHOLE", "PHONE", "CD01", nine(opened), opened,
                closed == null ? null : nine(closed), closed, null, closed == null ? "OPEN" : "CLOSED",
                closed == null ? null : "RESOLVED", 0, null);
    }

    static Row contactRow(String id, LocalDate started, long wait) {
        return RowFactory.create(id, "DOT", "PHONE", nine(started), started, wait, 60L, false, "CD01", null);
    }

    static Row surveyRow(String id, LocalDate submitted, int csat) {
        return RowFactory.create(id, "DOT", "WEB", nine(submitted), submitted, "POTHOLE", "CD01", null, csat, null,
                null, null, null);
    }
}
