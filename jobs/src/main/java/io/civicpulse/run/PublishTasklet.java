package io.civicpulse.run;

import java.time.LocalDate;
import java.util.Iterator;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.KpiRow;
import io.civicpulse.spark.SparkSessionProvider;

/**
 * Publishes the computed KPIs. Runs inside the step's transaction, which Spring Batch commits together with the
 * step's completion: the recomputed periods, the publication record and the switch of history version become
 * visible at once, or not at all. Aggregated KPI rows, not row-level data, stream to the driver, one partition at
 * a time, into batched inserts.
 */
@Component
class PublishTasklet extends RunStep {

    private final KpiResultRepository results;

    PublishTasklet(SparkSessionProvider spark, CivicPulseProperties properties, KpiResultRepository results,
            RunProgressHub progress) {
        super(spark, properties, progress);
        this.results = results;
    }

    @Override
    void execute(NightlyRunJobConfiguration.RunContext run, SparkSession session, StepContribution contribution) {
        Iterator<Row> rows = session.read().parquet(run.workspace().kpis().toString()).toLocalIterator();
        long written = results.publish(new KpiResultRepository.NewPublication(run.execution().getId(), run.from(),
                run.to(), run.input().toString(), run.workspace().historyVersion()), new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return rows.hasNext();
                    }

                    @Override
                    public KpiRow next() {
                        return toKpiRow(rows.next());
                    }
                });
        contribution.incrementWriteCount(written);
        progress.report(RunProgress.Kind.PUBLISH_DONE, written);
    }

    static KpiRow toKpiRow(Row row) {
        return new KpiRow(Kpi.valueOf(row.getAs("kpi")), Grain.valueOf(row.getAs("grain")),
                row.<LocalDate>getAs("period_start"), row.getAs("department"), row.getAs("service"),
                row.getAs("channel"), row.getAs("district"), row.getAs("value"), row.getAs("numerator"),
                row.getAs("denominator"), row.<Long>getAs("sample_size"), row.getAs("target"),
                row.getAs("meets_target"), row.getAs("score"), row.<Boolean>getAs("suppressed"));
    }
}
