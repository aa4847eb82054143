package io.civicpulse.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.feeds.FeedColumns;
import io.civicpulse.kpi.Feed;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.Publication;

/**
 * The ingested history: every feed's rows in their latest version, as Parquet under {@code civicpulse.home/history}.
 * The version in force is the one the latest publication names.
 * <p>
 * Layout of a feed's folder (decision 12): {@code versions/run-N} is version run-N's manifest, naming the directory of
 * each of its partitions; {@code parts/run-N/part=P} is partition P as run N wrote it, shared by later versions until
 * a run rewrites P. A version without a manifest is in the layout before partitioning: one Parquet directory
 * {@code run-N} holding the whole feed, read whole; the next run converts it.
 */
@Component
public class HistoryStore {

    private final CivicPulseProperties properties;
    private final KpiResultRepository results;

    HistoryStore(CivicPulseProperties properties, KpiResultRepository results) {
        this.properties = properties;
        this.results = results;
    }

    /** The published history version, if any run has published. */
    public Optional<String> currentVersion() {
        return results.latestPublication().map(Publication::historyVersion);
    }

    /**
     * The rows of {@code version} that KPIs of periods starting on or after {@code since} may need: only the partitions
     * that can hold them are read ({@link HistoryPartitions}); a version in the old layout is read whole.
     */
    Dataset<Row> read(SparkSession spark, Feed feed, Optional<String> version, LocalDate since) {
        if (version.isEmpty()) {
            return empty(spark, feed);
        }
        Optional<HistoryManifest> manifest = manifest(feed, version.get());
        if (manifest.isPresent()) {
            return read(spark, feed, manifest.get().needed(since));
        }
        Path legacy = legacy(feed, version.get());
        return Files.isDirectory(legacy) ? spark.read().schema(FeedColumns.of(feed)).parquet(legacy.toString())
                : empty(spark, feed);
    }

    /** Every row of {@code version}. */
    Dataset<Row> readAll(SparkSession spark, Feed feed, Optional<String> version) {
        return read(spark, feed, version, LocalDate.MIN);
    }

    /** The rows in the given partition directories (relative to the feed's folder, as a manifest names them). */
    Dataset<Row> read(SparkSession spark, Feed feed, List<String> directories) {
        if (directories.isEmpty()) {
            return empty(spark, feed);
        }
        String[] paths = directories.stream().map(d -> folder(feed).resolve(d).toString()).toArray(String[]::new);
        return spark.read().schema(FeedColumns.of(feed)).parquet(paths);
    }

    /** The manifest of {@code version}, absent for a version in the old layout (or none at all). */
    Optional<HistoryManifest> manifest(Feed feed, String version) {
        Path file = manifestFile(feed, version);
        return Files.isRegularFile(file) ? Optional.of(HistoryManifest.read(file)) : Optional.empty();
    }

    /** The feed's history folder. */
    Path folder(Feed feed) {
        return RunWorkspace.historyRoot(properties.homeDirectory()).resolve(feed.prefix());
    }

    Path manifestFile(Feed feed, String version) {
        return folder(feed).resolve(VERSIONS).resolve(version);
    }

    /** Where run {@code version} writes the partitions it rewrites. */
    Path parts(Feed feed, String version) {
        return folder(feed).resolve(PARTS).resolve(version);
    }

    /** A partition's directory as a manifest names it. */
    static String partDirectory(String version, String partition) {
        return PARTS + "/" + version + "/" + HistoryPartitions.COLUMN + "=" + partition;
    }

    /** The whole-feed directory of a version in the layout before partitioning. */
    Path legacy(Feed feed, String version) {
        return folder(feed).resolve(version);
    }

    static final String VERSIONS = "versions";
    static final String PARTS = "parts";

    private static Dataset<Row> empty(SparkSession spark, Feed feed) {
        return spark.createDataFrame(List.of(), FeedColumns.of(feed));
    }
}
