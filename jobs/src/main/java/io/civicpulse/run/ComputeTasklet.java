package io.civicpulse.run;

import java.util.EnumMap;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.kpi.Feed;
import io.civicpulse.kpi.KpiCalculations;
import io.civicpulse.kpi.KpiParameters;
import io.civicpulse.spark.SparkSessionProvider;

/** Computes every KPI of the periods the run covers from the run's new history version. */
@Component
class ComputeTasklet implements Tasklet {

    private final SparkSessionProvider spark;
    private final CivicPulseProperties properties;
    private final HistoryStore history;
    private final RunProgressHub progress;

    ComputeTasklet(SparkSessionProvider spark, CivicPulseProperties properties, HistoryStore history,
            RunProgressHub progress) {
        this.spark = spark;
        this.properties = properties;
        this.history = history;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        NightlyRunJobConfiguration.RunContext run = NightlyRunJobConfiguration.RunContext.of(chunkContext, properties);
        SparkSession session = spark.session();
        Map<Feed, Dataset<Row>> feeds = new EnumMap<>(Feed.class);
        for (Feed feed : Feed.values()) {
            feeds.put(feed, history.read(session, feed, java.util.Optional.of(run.workspace().historyVersion())));
        }
        progress.report("compute: KPIs for every period containing a date from " + run.from() + " to " + run.to());
        KpiParameters parameters = KpiParameters.of(properties, run.from(), run.to());
        // Materialised once: the experience score is computed from these rows and published with them.
        String scored = run.workspace().workFolder().resolve("scored").toString();
        KpiCalculations.scored(feeds.get(Feed.CONTACTS), feeds.get(Feed.CASES), feeds.get(Feed.SURVEYS), parameters)
                .write().mode(SaveMode.Overwrite).parquet(scored);
        KpiCalculations.withExperienceScore(session.read().parquet(scored))
                .write().mode(SaveMode.Overwrite).parquet(run.workspace().kpis().toString());
        long rows = session.read().parquet(run.workspace().kpis().toString()).count();
        progress.report("compute: " + IngestTasklet.number(rows) + " KPI rows computed");
        return RepeatStatus.FINISHED;
    }
}
