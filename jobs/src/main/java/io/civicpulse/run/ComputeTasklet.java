package io.civicpulse.run;

import java.util.Optional;
import java.util.EnumMap;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.comment.PublishableComments;
import io.civicpulse.kpi.Feed;
import io.civicpulse.kpi.KpiCalculations;
import io.civicpulse.kpi.KpiParameters;
import io.civicpulse.quality.DataQualityCalculations;
import io.civicpulse.quality.QualityCount;
import io.civicpulse.spark.SparkSessionProvider;
import io.civicpulse.targets.TargetStore;

/**
 * Computes every KPI of the periods the run covers from the run's new history version (only the partitions those
 * periods need), and picks the survey comments of the run's window from it: both go to the run's work folder, for
 * publish to write in one transaction.
 */
@Component
class ComputeTasklet extends RunStep {

    private final HistoryStore history;
    private final TargetStore targets;

    ComputeTasklet(SparkSessionProvider spark, CivicPulseProperties properties, HistoryStore history,
            RunProgressHub progress, TargetStore targets) {
        super(spark, properties, progress);
        this.history = history;
        this.targets = targets;
    }

    @Override
    void execute(NightlyRunJobConfiguration.RunContext run, SparkSession session, StepContribution contribution) {
        // The targets of the target history, each period with those in force on its first day (kpis.md); the
        // configured ones only seeded that history.
        KpiParameters parameters = KpiParameters.of(properties, run.from(), run.to()).withTargets(targets.inForce());
        Map<Feed, Dataset<Row>> feeds = new EnumMap<>(Feed.class);
        for (Feed feed : Feed.values()) {
            // Only the partitions the covered periods need: about a quarter for a nightly run, not the whole history.
            feeds.put(feed, history.read(session, feed, Optional.of(run.workspace().historyVersion()),
                    parameters.earliestPeriodStart()));
        }
        progress.report(RunProgress.Kind.COMPUTE_STARTED, run.from(), run.to());
        // Materialised once: the experience score is computed from these rows and published with them.
        String scored = run.workspace().workFolder().resolve("scored").toString();
        KpiCalculations.scored(feeds.get(Feed.CONTACTS), feeds.get(Feed.CASES), feeds.get(Feed.SURVEYS), parameters)
                .write().mode(SaveMode.Overwrite).parquet(scored);
        KpiCalculations.withExperienceScore(session.read().parquet(scored))
                .write().mode(SaveMode.Overwrite).parquet(run.workspace().kpis().toString());
        long rows = session.read().parquet(run.workspace().kpis().toString()).count();
        progress.report(RunProgress.Kind.COMPUTE_DONE, rows);
        writeQuality(run, feeds.get(Feed.CASES), parameters);
        long comments = writeComments(run, feeds.get(Feed.SURVEYS));
        progress.report(RunProgress.Kind.COMPUTE_COMMENTS, comments);
    }

    /**
     * Writes the data-quality counts of the run's periods: the rules over the history version's cases, plus the
     * importer's counts of rows it rejected, read from the input folder (none when it was not imported).
     */
    static void writeQuality(NightlyRunJobConfiguration.RunContext run, Dataset<Row> cases, KpiParameters parameters) {
        DataQualityCalculations.measure(cases, QualityCount.read(run.input()), parameters)
                .write().mode(SaveMode.Overwrite).parquet(run.workspace().quality().toString());
    }

    /**
     * Writes the masked comments submitted in the run's window, out of the history version (not only this
     * run's input): publish replaces the window's comments, so it needs every one of them.
     *
     * @return how many were written
     */
    static long writeComments(NightlyRunJobConfiguration.RunContext run, Dataset<Row> surveys) {
        String comments = run.workspace().comments().toString();
        PublishableComments.select(surveys, run.from(), run.to()).write().mode(SaveMode.Overwrite).parquet(comments);
        return surveys.sparkSession().read().parquet(comments).count();
    }
}
