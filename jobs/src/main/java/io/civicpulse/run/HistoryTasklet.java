package io.civicpulse.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.kpi.Feed;
import io.civicpulse.spark.SparkSessionProvider;

/**
 * Writes a new history version: the published history with this run's rows added, the latest version of each
 * id winning. The version in force is not touched; publish switches to the new one.
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
            Dataset<Row> published = history.read(session, feed, current).withColumn("_newer", lit(0));
            Dataset<Row> staged = session.read().parquet(run.workspace().staged(feed).toString())
                    .withColumn("_newer", lit(1));
            Dataset<Row> merged = merge(feed, published, staged);
            merged.write().mode(SaveMode.Overwrite).parquet(history.path(feed, next).toString());
            progress.report(RunProgress.Kind.HISTORY_MERGED, feed, next);
        }
    }

    /** Rows of {@code staged} replace rows of {@code published} with the same id. */
    static Dataset<Row> merge(Feed feed, Dataset<Row> published, Dataset<Row> staged) {
        return published.unionByName(staged)
                .withColumn("_rank", row_number().over(Window.partitionBy(feed.idColumn())
                        .orderBy(col("_newer").desc())))
                .filter(col("_rank").equalTo(1))
                .drop("_rank", "_newer");
    }
}
