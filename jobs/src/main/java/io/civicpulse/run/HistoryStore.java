package io.civicpulse.run;

import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The ingested history: every feed's rows in their latest version, as Parquet under
 * {@code civicpulse.home/history}. The version in force is the one the latest publication names.
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

    Dataset<Row> read(SparkSession spark, Feed feed, Optional<String> version) {
        Optional<Path> path = version.map(v -> path(feed, v)).filter(Files::isDirectory);
        return path.map(p -> spark.read().schema(FeedColumns.of(feed)).parquet(p.toString()))
                .orElseGet(() -> spark.createDataFrame(List.of(), FeedColumns.of(feed)));
    }

    Path path(Feed feed, String version) {
        return RunWorkspace.historyRoot(properties.homeDirectory()).resolve(feed.prefix()).resolve(version);
    }
}
