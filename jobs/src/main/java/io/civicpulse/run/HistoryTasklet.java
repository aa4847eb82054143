package io.civicpulse.run;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.feeds.FeedColumns;
import io.civicpulse.kpi.Feed;
import io.civicpulse.spark.SparkSessionProvider;

/**
 * Writes a new history version: the published history with this run's rows added, the latest version of each id
 * winning. Only the partitions the run's rows go to or leave are touched, in the run's own directories; the new
 * version's manifest names them and shares every other partition with the version in force, which is not touched.
 * A touched partition that has published rows is rewritten from them and the staged rows; one that has none (a new
 * day) is the staged partition itself, whose files are linked in, not written again (decision 14). Publish switches
 * to the new version.
 */
@Component
class HistoryTasklet extends RunStep {

    private final HistoryStore history;

    HistoryTasklet(SparkSessionProvider spark, CivicPulseProperties properties, HistoryStore history,
            RunProgressHub progress) {
        super(spark, properties, progress);
        this.history = history;
    }

    @Override
    void execute(NightlyRunJobConfiguration.RunContext run, SparkSession session, StepContribution contribution) {
        Optional<String> current = history.currentVersion();
        String next = run.workspace().historyVersion();
        for (Feed feed : Feed.values()) {
            Path stagedFolder = run.workspace().staged(feed);
            Set<String> stagedPartitions = PartitionFolders.list(stagedFolder);
            StructType withPartition = FeedColumns.of(feed).add(HistoryPartitions.COLUMN, DataTypes.StringType);
            Dataset<Row> staged = stagedPartitions.isEmpty()
                    ? session.createDataFrame(List.of(), withPartition)
                    : session.read().schema(withPartition).parquet(stagedFolder.toString());
            Dataset<Row> stagedIds = staged.select(feed.idColumn());
            Optional<HistoryManifest> manifest = current.flatMap(v -> history.manifest(feed, v));
            HistoryManifest base = manifest.orElse(HistoryManifest.EMPTY);
            Path parts = history.parts(feed, next);
            // A restarted step starts its own partitions over; nothing else names them yet.
            RunWorkspace.deleteRecursively(parts);

            Set<String> merged;
            Dataset<Row> published;
            if (manifest.isPresent() || current.isEmpty()) {
                // Partitions holding a published row that a staged row replaces: only those whose id range may
                // hold a staged id are searched, by their id and partition columns.
                Set<String> replacedIn = replacedIn(session, feed, base, stagedIds);
                merged = new TreeSet<>(replacedIn);
                stagedPartitions.stream().filter(base.partitions()::containsKey).forEach(merged::add);
                published = HistoryPartitions.withPartition(feed,
                        history.read(session, feed, base.directories(merged::contains)));
            } else {
                // A version in the old layout: convert it, every partition written once.
                published = HistoryPartitions.withPartition(feed, history.readAll(session, feed, current));
                merged = partitions(published.select(HistoryPartitions.COLUMN).distinct());
                merged.addAll(stagedPartitions);
            }
            Set<String> touched = new TreeSet<>(merged);
            touched.addAll(stagedPartitions);
            if (!merged.isEmpty()) {
                // One task per partition (repartition by it), so each is one file: rewriting compacts it.
                HistoryPartitions.rewrite(feed, published, stagedIds,
                                staged.filter(col(HistoryPartitions.COLUMN).isin(merged.toArray())))
                        .repartition(col(HistoryPartitions.COLUMN))
                        .write().mode(SaveMode.Overwrite).partitionBy(HistoryPartitions.COLUMN)
                        .parquet(parts.toString());
            }
            for (String partition : stagedPartitions) {
                if (!merged.contains(partition)) {
                    PartitionFolders.link(PartitionFolders.of(stagedFolder, partition),
                            PartitionFolders.of(parts, partition));
                }
            }
            Set<String> written = PartitionFolders.list(parts);
            HistoryManifest version = base
                    .rewritten(touched, written, partition -> HistoryStore.partDirectory(next, partition))
                    .withIdRanges(idRanges(session, feed, parts, written));
            version.write(history.manifestFile(feed, next));
            progress.report(RunProgress.Kind.HISTORY_MERGED, feed, next, written.size(),
                    version.partitions().size());
        }
    }

    /**
     * The partitions of {@code base} holding a row one of the staged ids replaces. Partitions whose id range holds
     * none of them cannot, so only the others' ids are read.
     */
    private Set<String> replacedIn(SparkSession session, Feed feed, HistoryManifest base,
            Dataset<Row> stagedIds) {
        if (base.partitions().isEmpty()) {
            return new TreeSet<>();
        }
        List<Row> ranges = base.idRanges().entrySet().stream()
                .map(e -> RowFactory.create(e.getKey(), e.getValue().min(), e.getValue().max())).toList();
        Set<String> candidates = partitions(HistoryPartitions.rangesHolding(feed, session.createDataFrame(ranges,
                RANGES), stagedIds));
        candidates.addAll(base.withoutIdRange());
        if (candidates.isEmpty()) {
            return new TreeSet<>();
        }
        Dataset<Row> candidateIds = HistoryPartitions.withPartition(feed,
                history.read(session, feed, base.directories(candidates::contains)))
                .select(col(feed.idColumn()), col(HistoryPartitions.COLUMN));
        return partitions(candidateIds.join(stagedIds, feed.idColumn(), "left_semi")
                .select(HistoryPartitions.COLUMN).distinct());
    }

    private static final StructType RANGES = new StructType()
            .add(HistoryPartitions.COLUMN, DataTypes.StringType, false)
            .add("min_id", DataTypes.StringType, false)
            .add("max_id", DataTypes.StringType, false);

    /** The id range of each written partition, from the id column of the files just written or linked. */
    private static Map<String, HistoryManifest.IdRange> idRanges(SparkSession session, Feed feed, Path parts,
            Set<String> written) {
        Map<String, HistoryManifest.IdRange> ranges = new TreeMap<>();
        if (written.isEmpty()) {
            return ranges;
        }
        StructType idAndPartition = new StructType()
                .add(feed.idColumn(), DataTypes.StringType)
                .add(HistoryPartitions.COLUMN, DataTypes.StringType);
        for (Row row : HistoryPartitions.idRanges(feed, session.read().schema(idAndPartition).parquet(parts.toString()))
                .collectAsList()) {
            ranges.put(row.getString(0), new HistoryManifest.IdRange(row.getString(1), row.getString(2)));
        }
        return ranges;
    }

    private static Set<String> partitions(Dataset<Row> partitions) {
        Set<String> names = new TreeSet<>();
        for (Row row : partitions.collectAsList()) {
            names.add(row.getString(0));
        }
        return names;
    }
}
