package io.civicpulse.run;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.kpi.Feed;
import io.civicpulse.spark.SparkSessionProvider;

/**
 * Writes a new history version: the published history with this run's rows added, the latest version of each id
 * winning. Only the partitions the run's rows go to or leave are rewritten, into the run's own directories; the new
 * version's manifest names them and shares every other partition with the version in force, which is not touched.
 * Publish switches to the new version.
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
            Dataset<Row> staged = HistoryPartitions.withPartition(feed,
                    session.read().parquet(run.workspace().staged(feed).toString()));
            Optional<HistoryManifest> manifest = current.flatMap(v -> history.manifest(feed, v));
            Dataset<Row> published = HistoryPartitions.withPartition(feed, history.readAll(session, feed, current));
            // Where every published id lives: only its partition's columns are read, which Parquet keeps cheap.
            Set<String> touched = partitions(HistoryPartitions.touched(feed,
                    published.select(col(feed.idColumn()), col(HistoryPartitions.COLUMN)), staged));
            Dataset<Row> rewritten;
            if (manifest.isPresent()) {
                rewritten = HistoryPartitions.withPartition(feed,
                        history.read(session, feed, manifest.get().directories(touched::contains)));
            } else {
                // A version in the old layout (or none): convert it, every partition written once.
                touched.addAll(partitions(published.select(HistoryPartitions.COLUMN).distinct()));
                rewritten = published;
            }
            Path parts = history.parts(feed, next);
            // One task per partition (repartition by it), so each partition is one file: rewriting compacts it.
            HistoryPartitions.rewrite(feed, rewritten, staged)
                    .repartition(col(HistoryPartitions.COLUMN))
                    .write().mode(SaveMode.Overwrite).partitionBy(HistoryPartitions.COLUMN).parquet(parts.toString());
            Set<String> written = written(parts);
            HistoryManifest version = manifest.orElse(HistoryManifest.EMPTY)
                    .rewritten(touched, written, partition -> HistoryStore.partDirectory(next, partition));
            version.write(history.manifestFile(feed, next));
            progress.report(RunProgress.Kind.HISTORY_MERGED, feed, next, written.size(),
                    version.partitions().size());
        }
    }

    private static Set<String> partitions(Dataset<Row> partitions) {
        Set<String> names = new TreeSet<>();
        for (Row row : partitions.collectAsList()) {
            names.add(row.getString(0));
        }
        return names;
    }

    /** The partitions a write produced: one {@code part=P} directory for each that has rows. */
    private static Set<String> written(Path parts) {
        String prefix = HistoryPartitions.COLUMN + "=";
        if (!Files.isDirectory(parts)) {
            return Set.of();
        }
        try (Stream<Path> listing = Files.list(parts)) {
            return new TreeSet<>(listing.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(prefix))
                    .map(name -> name.substring(prefix.length()))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
