package io.civicpulse.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import scala.jdk.javaapi.CollectionConverters;

import io.civicpulse.kpi.KpiCalculations;
import io.civicpulse.kpi.KpiParameters;
import io.civicpulse.kpi.Slice;

/**
 * The data-quality rules as a pure {@code Dataset → Dataset} function over the ingested cases (typed as in
 * {@code FeedColumns.CASES}) and the importer's counts of rejected rows. Every case counts in the periods containing
 * its local opening date, for its department and the city ({@code *}), like CASES_OPENED: {@code cases} is that
 * count, {@code flagged} the cases breaking the rule. Rules whose rows the feed rejects come only from the importer's
 * counts, so they appear only where an import saw them.
 */
public final class DataQualityCalculations {

    public static final StructType RESULT = new StructType()
            .add("grain", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("department", DataTypes.StringType, false)
            .add("rule", DataTypes.StringType, false)
            .add("flagged", DataTypes.LongType, false)
            .add("cases", DataTypes.LongType, false);

    private static final List<String> KEY = List.of("grain", "period_start", "department");
    private static final long BULK_CLOSURE_MICROS = QualityRule.BULK_CLOSURE_SECONDS * 1_000_000;

    private DataQualityCalculations() {
    }

    public static Dataset<Row> measure(Dataset<Row> cases, List<QualityCount> imported, KpiParameters p) {
        Column elapsed = unix_micros(col("closed_at")).minus(unix_micros(col("opened_at")));
        Dataset<Row> flags = cases.select(col("department"), col("opened_date"),
                flag(col("closed_at").isNotNull().and(elapsed.leq(BULK_CLOSURE_MICROS)))
                        .as(QualityRule.CLOSED_WITHIN_10_MINUTES.name()),
                flag(col("district").equalTo("UNKNOWN")).as(QualityRule.MISSING_DISTRICT.name()),
                flag(col("due_at").isNotNull().and(col("due_at").lt(col("opened_at"))))
                        .as(QualityRule.DUE_BEFORE_OPENED.name()));
        Dataset<Row> totals = withCity(KpiCalculations.inPeriods(flags, "opened_date", p))
                .groupBy(key())
                .agg(count(lit(1)).as("cases"),
                        sum(QualityRule.CLOSED_WITHIN_10_MINUTES.name()).as(QualityRule.CLOSED_WITHIN_10_MINUTES.name()),
                        sum(QualityRule.MISSING_DISTRICT.name()).as(QualityRule.MISSING_DISTRICT.name()),
                        sum(QualityRule.DUE_BEFORE_OPENED.name()).as(QualityRule.DUE_BEFORE_OPENED.name()));
        Dataset<Row> measured = totals.select(col("grain"), col("period_start"), col("department"),
                explode(array(rule(QualityRule.CLOSED_WITHIN_10_MINUTES), rule(QualityRule.MISSING_DISTRICT),
                        rule(QualityRule.DUE_BEFORE_OPENED))).as("_rule"), col("cases"))
                .select(col("grain"), col("period_start"), col("department"), col("_rule.rule").as("rule"),
                        col("_rule.flagged").as("flagged"), col("cases"));

        List<Row> importedRows = imported.stream().filter(c -> c.key().rule().rejectedByFeed())
                .map(c -> RowFactory.create(c.key().department(), c.key().openedDate(), c.key().rule().name(),
                        c.cases()))
                .toList();
        Dataset<Row> importedCounts = cases.sparkSession().createDataFrame(importedRows, new StructType()
                .add("department", DataTypes.StringType, false)
                .add("opened_date", DataTypes.DateType, false)
                .add("rule", DataTypes.StringType, false)
                .add("flagged", DataTypes.LongType, false));
        Dataset<Row> rejected = withCity(KpiCalculations.inPeriods(importedCounts, "opened_date", p))
                .groupBy(col("grain"), col("period_start"), col("department"), col("rule"))
                .agg(sum("flagged").as("flagged"))
                .join(totals.select(col("grain"), col("period_start"), col("department"), col("cases")),
                        CollectionConverters.asScala(KEY).toSeq(), "left")
                .withColumn("cases", coalesce(col("cases"), lit(0L)));
        return measured.unionByName(rejected)
                .select(col("grain"), col("period_start"), col("department"), col("rule"),
                        col("flagged").cast(DataTypes.LongType).as("flagged"),
                        col("cases").cast(DataTypes.LongType).as("cases"));
    }

    private static Column flag(Column condition) {
        return when(condition, lit(1L)).otherwise(lit(0L));
    }

    private static Column rule(QualityRule rule) {
        return struct(lit(rule.name()).as("rule"), col(rule.name()).as("flagged"));
    }

    private static Column[] key() {
        return KEY.stream().map(c -> col(c)).toArray(Column[]::new);
    }

    /** Each record once for its department and once for the city. */
    private static Dataset<Row> withCity(Dataset<Row> records) {
        return records.withColumn("department", explode(array(col("department"), lit(Slice.ALL))));
    }
}
