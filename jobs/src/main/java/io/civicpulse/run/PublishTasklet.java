package io.civicpulse.run;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.comment.PublishableComments;
import io.civicpulse.comment.SurveyCommentRepository;
import io.civicpulse.kpi.Feed;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiParameters;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.quality.DataQualityRepository;
import io.civicpulse.quality.QualityRule;
import io.civicpulse.kpi.KpiRow;
import io.civicpulse.spark.SparkSessionProvider;

/**
 * Publishes the computed KPIs and the window's survey comments. Runs inside the step's transaction, which Spring
 * Batch commits together with the step's completion: the recomputed periods, the window's comments, the publication
 * record and the switch of history version become visible at once, or not at all. Aggregated KPI rows and the
 * window's comments, not the whole history, stream to the driver, one partition at a time, into batched inserts.
 */
@Component
class PublishTasklet extends RunStep {

    private final KpiResultRepository results;
    private final SurveyCommentRepository comments;
    private final HistoryStore history;
    private final DataQualityRepository quality;

    PublishTasklet(SparkSessionProvider spark, CivicPulseProperties properties, KpiResultRepository results,
            SurveyCommentRepository comments, HistoryStore history, RunProgressHub progress,
            DataQualityRepository quality) {
        super(spark, properties, progress);
        this.quality = quality;
        this.results = results;
        this.comments = comments;
        this.history = history;
    }

    @Override
    void execute(NightlyRunJobConfiguration.RunContext run, SparkSession session, StepContribution contribution) {
        Iterator<Row> rows = session.read().parquet(run.workspace().kpis().toString())
                .orderBy(KpiResultRepository.PUBLISH_ORDER.stream().map(functions::col).toArray(Column[]::new))
                .toLocalIterator();
        KpiResultRepository.Published published = results.publish(new KpiResultRepository.NewPublication(
                run.execution().getId(), run.from(), run.to(), run.input().toString(),
                run.workspace().historyVersion()), map(rows, PublishTasklet::toKpiRow));
        progress.report(RunProgress.Kind.PUBLISH_DONE, published.kpiRows());
        if (!Files.isDirectory(run.workspace().comments())) {
            // A run whose compute step finished before this version picked comments: pick them now, from the same
            // history version, rather than replace the window's comments with none.
            ComputeTasklet.writeComments(run, history.read(session, Feed.SURVEYS,
                    Optional.of(run.workspace().historyVersion()), run.from()));
        }
        Iterator<Row> commentRows = session.read().parquet(run.workspace().comments().toString()).toLocalIterator();
        long commentsWritten = comments.publish(published.publicationId(), run.from(), run.to(),
                map(commentRows, PublishableComments::toComment));
        publishQuality(run, session, published.publicationId());
        // The write count is what the run's summary reports as KPI rows published.
        contribution.incrementWriteCount(published.kpiRows());
        progress.report(RunProgress.Kind.PUBLISH_COMMENTS, commentsWritten);
    }

    private void publishQuality(NightlyRunJobConfiguration.RunContext run, SparkSession session, long publicationId) {
        if (!Files.isDirectory(run.workspace().quality())) {
            // A run whose compute step finished before this version counted quality: count it now, from the same
            // history version, rather than replace the periods' counts with none.
            KpiParameters parameters = KpiParameters.of(properties, run.from(), run.to());
            ComputeTasklet.writeQuality(run, history.read(session, Feed.CASES,
                    Optional.of(run.workspace().historyVersion()), parameters.earliestPeriodStart()), parameters);
        }
        Iterator<Row> rows = session.read().parquet(run.workspace().quality().toString()).toLocalIterator();
        quality.publish(publicationId, run.from(), run.to(), map(rows, row -> new DataQualityRepository.QualityRow(
                Grain.valueOf(row.getAs("grain")), row.<LocalDate>getAs("period_start"), row.getAs("department"),
                QualityRule.valueOf(row.getAs("rule")), row.<Long>getAs("flagged"), row.<Long>getAs("cases"))));
    }

    private static <T> Iterator<T> map(Iterator<Row> rows, Function<Row, T> mapper) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public T next() {
                return mapper.apply(rows.next());
            }
        };
    }

    static KpiRow toKpiRow(Row row) {
        return new KpiRow(Kpi.valueOf(row.getAs("kpi")), Grain.valueOf(row.getAs("grain")),
                row.<LocalDate>getAs("period_start"), row.getAs("department"), row.getAs("service"),
                row.getAs("channel"), row.getAs("district"), row.getAs("value"), row.getAs("numerator"),
                row.getAs("denominator"), row.<Long>getAs("sample_size"), row.getAs("target"),
                row.getAs("meets_target"), row.getAs("score"), row.<Boolean>getAs("suppressed"));
    }
}
