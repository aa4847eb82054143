package io.civicpulse.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.civicpulse.feeds.FeedColumns;
import io.civicpulse.kpi.Feed;

/**
 * How the ingested history is cut into partitions, as pure {@code Dataset → Dataset} functions (decision 12).
 * <p>
 * A partition is named by a local date: contacts by the day they started, surveys by the day they were submitted,
 * cases by the day they closed, with every open case in the partition {@value #OPEN}. Then every row the KPIs of
 * periods starting on or after a day S need lies in the partitions dated S or later, plus {@value #OPEN}: a case
 * opened on or after S closed no earlier (a closing before the opening is rejected at ingest) or is open; a case open
 * at a period's end (S or later) closed after that end or is open; cases closed, contacts started and surveys
 * submitted in a covered period are dated within it.
 */
final class HistoryPartitions {

    /** The partition column while rows are being written; the files in a partition's directory do not hold it. */
    static final String COLUMN = "part";
    static final String OPEN = "open";
    /** Where ingest puts the rows it rejects, beside the partitions of the valid rows; never part of the history. */
    static final String REJECTED = "rejected";

    private HistoryPartitions() {
    }

    /** The partition a row belongs to. */
    static Column partition(Feed feed) {
        return switch (feed) {
            case CONTACTS -> col("started_date").cast("string");
            case SURVEYS -> col("submitted_date").cast("string");
            case CASES -> when(col("closed_at").isNull(), lit(OPEN)).otherwise(col("closed_date").cast("string"));
        };
    }

    /**
     * Whether a feed's rows of one partition come from many input files, so that writing each file's rows by
     * partition would leave many small files in every partition: cases are cut by the day they closed, which an
     * extract cut by opening (or export) date spreads over months; contacts and surveys are cut by the day they
     * happened, as extracts are. Such rows are gathered by partition before they are written (one shuffle, one file
     * per partition): writing 3.3 million cases of 13 monthly files by closing day otherwise took 44 s instead of 23 s
     * for some 4,500 files.
     */
    static boolean spreadOverFiles(Feed feed) {
        return feed == Feed.CASES;
    }

    /** The feed's rows with their partition in {@link #COLUMN}. */
    static Dataset<Row> withPartition(Feed feed, Dataset<Row> rows) {
        return rows.withColumn(COLUMN, partition(feed));
    }

    /** Whether a partition holds rows that KPIs of periods starting on or after {@code since} may need. */
    static boolean needed(String partition, LocalDate since) {
        return partition.equals(OPEN) || !LocalDate.parse(partition).isBefore(since);
    }

    /**
     * The partitions a merge of {@code staged} must rewrite: those its rows go to, and those holding the rows it
     * replaces (a case closing moves from {@value #OPEN} to its closing day, which rewrites both).
     *
     * @param publishedIds the id and partition of every row of the history in force
     * @param staged the run's rows, with their partitions
     * @return one row per partition, its name in {@link #COLUMN}
     */
    static Dataset<Row> touched(Feed feed, Dataset<Row> publishedIds, Dataset<Row> staged) {
        Dataset<Row> replaced = publishedIds.join(staged.select(feed.idColumn()), feed.idColumn(), "left_semi");
        return replaced.select(COLUMN).union(staged.select(COLUMN)).distinct();
    }

    /**
     * The new content of the rewritten partitions: their published rows but those {@code staged} replaces (the
     * staged row of an id wins, wherever it now belongs), plus the staged rows.
     *
     * @param published the published rows of the partitions being rewritten, with their partitions
     * @param staged the run's rows, with their partitions
     */
    static Dataset<Row> rewrite(Feed feed, Dataset<Row> published, Dataset<Row> staged) {
        return rewrite(feed, published, staged.select(feed.idColumn()), staged);
    }

    /**
     * {@link #rewrite(Feed, Dataset, Dataset)} where only some of the staged rows go to the partitions being
     * rewritten: {@code stagedIds} are the ids of all of them, which replace published rows wherever those are.
     */
    static Dataset<Row> rewrite(Feed feed, Dataset<Row> published, Dataset<Row> stagedIds, Dataset<Row> staged) {
        Dataset<Row> kept = published.join(stagedIds, feed.idColumn(), "left_anti");
        Column[] columns = columns(feed);
        return kept.select(columns).unionByName(staged.select(columns));
    }

    /**
     * The partitions whose id range (smallest and largest id, as Spark compares strings) holds one of the ids: the
     * only ones that can hold a row those ids replace, of those that have a range.
     *
     * @param ranges one row per partition: {@link #COLUMN}, {@code min_id}, {@code max_id}
     * @param ids    one column of ids, named as the feed names its id
     */
    static Dataset<Row> rangesHolding(Feed feed, Dataset<Row> ranges, Dataset<Row> ids) {
        Column id = ids.col(feed.idColumn());
        return ranges.join(ids, id.geq(ranges.col("min_id")).and(id.leq(ranges.col("max_id"))), "left_semi")
                .select(COLUMN);
    }

    /** The smallest and largest id of every partition of {@code rows}, which carry their partition. */
    static Dataset<Row> idRanges(Feed feed, Dataset<Row> rows) {
        return rows.groupBy(col(COLUMN)).agg(min(col(feed.idColumn())).as("min_id"),
                max(col(feed.idColumn())).as("max_id"));
    }

    /** The feed's columns in their order, then the partition. */
    private static Column[] columns(Feed feed) {
        List<Column> columns = new java.util.ArrayList<>();
        for (String name : FeedColumns.of(feed).fieldNames()) {
            columns.add(col(name));
        }
        columns.add(col(COLUMN));
        return columns.toArray(Column[]::new);
    }
}
