package io.civicpulse.run;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.feeds.DerivedFeeds;
import io.civicpulse.feeds.FeedColumns;
import io.civicpulse.feeds.FeedFile;
import io.civicpulse.feeds.FeedIngest;
import io.civicpulse.feeds.IngestException;
import io.civicpulse.kpi.Feed;
import io.civicpulse.spark.SparkSessionProvider;

/**
 * Reads every feed file of the input folder once, validates each row, and stages the rows to load and the reject
 * report in the run's work folder. Fails the run when a file lacks a required column or a feed's rejected share
 * exceeds {@code civicpulse.ingest.max-reject-rate}.
 */
@Component
class IngestTasklet extends RunStep {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    IngestTasklet(SparkSessionProvider spark, CivicPulseProperties properties, RunProgressHub progress,
            JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        super(spark, properties, progress);
        this.jdbc = jdbc;
        // The counts are kept even when the step fails and its own transaction rolls back.
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    void execute(NightlyRunJobConfiguration.RunContext run, SparkSession session, StepContribution contribution) {
        // Check every file's header before reading any data: a bad file fails fast.
        Map<Feed, List<FeedFile>> filesByFeed = new EnumMap<>(Feed.class);
        for (Feed feed : Feed.values()) {
            List<FeedFile> files = FeedIngest.files(run.input(), feed);
            FeedIngest.checkHeaders(feed, files);
            filesByFeed.put(feed, files);
        }
        // Named with the feed's counts, so nobody takes contacts derived from requests for a contact centre's data.
        Map<Feed, String> derived = DerivedFeeds.read(run.input());
        Dataset<Row> allRejects = null;
        Map<Feed, FeedStats> statsByFeed = new EnumMap<>(Feed.class);
        Map<Feed, Dataset<Row>> rejectedByFeed = new EnumMap<>(Feed.class);
        List<Feed> stagedAsParsed = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            List<FeedFile> files = filesByFeed.get(feed);
            progress.report(RunProgress.Kind.INGEST_READING, files.size(), feed);
            String parsedFolder = run.workspace().parsed(feed).toString();
            // Cut by history partition as it is written (rejected rows in a partition of their own): when no id
            // repeats, the valid partitions are the staged rows as they are, and history adopts them unchanged.
            Dataset<Row> parsedRows = FeedIngest.parse(session, feed, files, properties.city().timeZone())
                    .withColumn(HistoryPartitions.COLUMN, when(col(FeedColumns.REJECT_REASON).isNotNull(),
                            lit(HistoryPartitions.REJECTED)).otherwise(HistoryPartitions.partition(feed)));
            if (HistoryPartitions.spreadOverFiles(feed)) {
                parsedRows = parsedRows.repartition(col(HistoryPartitions.COLUMN));
            }
            parsedRows.write().mode(SaveMode.Overwrite).partitionBy(HistoryPartitions.COLUMN).parquet(parsedFolder);
            Dataset<Row> parsed = session.read()
                    .schema(FeedIngest.parsedColumns(feed).add(HistoryPartitions.COLUMN, DataTypes.StringType))
                    .parquet(parsedFolder);
            Dataset<Row> duplicatedIds = FeedIngest.idsProvablyUnique(feed, parsed)
                    ? session.createDataFrame(List.of(), parsed.select(feed.idColumn()).schema())
                    : duplicatedIds(run, session, feed, parsed);
            FeedIngest.Split split = FeedIngest.split(feed, parsed, duplicatedIds, files);
            boolean repeats = !duplicatedIds.isEmpty();
            Path staged = run.workspace().staged(feed);
            RunWorkspace.deleteRecursively(staged);
            if (repeats) {
                HistoryPartitions.withPartition(feed, split.loaded())
                        .write().mode(SaveMode.Overwrite).partitionBy(HistoryPartitions.COLUMN)
                        .parquet(staged.toString());
            } else {
                stagedAsParsed.add(feed);
            }
            Dataset<Row> rejects = split.rejected().unionByName(split.duplicates());
            allRejects = allRejects == null ? rejects : allRejects.unionByName(rejects);
            rejectedByFeed.put(feed, split.rejected());

            long read = parsed.count();
            long rejected = split.rejected().count();
            long duplicates = repeats ? split.duplicates().count() : 0;
            FeedStats stats = new FeedStats(feed, files.size(), read, rejected, duplicates,
                    read - rejected - duplicates, derived.get(feed));
            statsByFeed.put(feed, stats);
            saveStats(run.execution().getId(), stats);
            progress.report(RunProgress.Kind.INGEST_COUNTED, feed, read, rejected, duplicates, stats.rowsLoaded());
        }
        // The report is written before the reject rate is judged: a run that fails on it needs it most.
        RejectReport.write(allRejects, run.workspace().rejectReport());
        for (Feed feed : Feed.values()) {
            checkRejectRate(feed, statsByFeed.get(feed), rejectedByFeed.get(feed));
        }
        // Last, once nothing reads the parsed rows any more: where no id repeats, the valid partitions become the
        // staged rows by a rename each, not by writing every row again.
        for (Feed feed : stagedAsParsed) {
            PartitionFolders.moveValid(run.workspace().parsed(feed), run.workspace().staged(feed));
        }
    }

    /**
     * The feed's duplicated ids, written to the work folder and read back: an empty local dataset when there are
     * none, as in every well-behaved feed, so that the split ranks nothing; else the written ids, broadcast when they
     * are few enough for every task to hold.
     */
    private static Dataset<Row> duplicatedIds(NightlyRunJobConfiguration.RunContext run, SparkSession session,
            Feed feed, Dataset<Row> parsed) {
        String folder = run.workspace().duplicatedIds(feed).toString();
        FeedIngest.duplicatedIds(feed, parsed).write().mode(SaveMode.Overwrite).parquet(folder);
        Dataset<Row> ids = session.read().parquet(folder);
        long count = ids.count();
        if (count == 0) {
            return session.createDataFrame(List.of(), ids.schema());
        }
        return count <= BROADCAST_IDS ? broadcast(ids) : ids;
    }

    private static final long BROADCAST_IDS = 1_000_000;

    private void checkRejectRate(Feed feed, FeedStats stats, Dataset<Row> rejected) {
        if (stats.rowsRejected() == 0) {
            return;
        }
        double rate = (double) stats.rowsRejected() / stats.rowsRead();
        double max = properties.ingest().maxRejectRate();
        if (rate > max) {
            Row first = rejected.orderBy(col("file"), col("line")).first();
            throw new IngestException(("%s line %d, column %s: %s (%s of %s %s rows rejected, %.1f%% is more than"
                    + " civicpulse.ingest.max-reject-rate %.1f%%)").formatted(first.getAs("file"),
                            first.<Long>getAs("line"), first.getAs("column"), first.getAs("reason"),
                            number(stats.rowsRejected()), number(stats.rowsRead()), feed.prefix(), rate * 100,
                            max * 100));
        }
    }

    private void saveStats(long jobExecutionId, FeedStats stats) {
        ownTransaction.executeWithoutResult(status -> insertStats(jobExecutionId, stats));
    }

    private void insertStats(long jobExecutionId, FeedStats stats) {
        jdbc.sql("DELETE FROM run_feed_stats WHERE job_execution_id = ? AND feed = ?")
                .params(jobExecutionId, stats.feed().name()).update();
        jdbc.sql("""
                INSERT INTO run_feed_stats (job_execution_id, feed, files, rows_read, rows_rejected, rows_duplicate,
                    rows_loaded, derived_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(jobExecutionId, stats.feed().name(), stats.files(), stats.rowsRead(), stats.rowsRejected(),
                        stats.rowsDuplicate(), stats.rowsLoaded(), stats.derivedFrom())
                .update();
    }

    static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }
}
