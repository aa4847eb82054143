package io.civicpulse.comment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import java.time.Instant;
import java.time.LocalDate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Picks the comments a run publishes out of the surveys of its history version (rows in the feed's typed form,
 * comments masked at ingest): those submitted on a local date in the run's window whose comment is not blank.
 */
public final class PublishableComments {

    private PublishableComments() {
    }

    /** The window's comments with the columns {@link #toComment(Row)} reads. */
    public static Dataset<Row> select(Dataset<Row> surveys, LocalDate from, LocalDate to) {
        return surveys
                .where(col("submitted_date").between(lit(from), lit(to))
                        .and(col("comment").isNotNull())
                        .and(length(trim(col("comment"))).gt(0)))
                .select(col("response_id"), col("submitted_at"), col("submitted_date"), col("department"),
                        col("service"), col("channel"), col("district"), col("csat"), col("nps"), col("ces"),
                        col("language"), col("comment"));
    }

    /** One row of {@link #select}; Spark's java.time API is on, so timestamps and dates arrive as such. */
    public static SurveyComment toComment(Row row) {
        return new SurveyComment(row.getAs("response_id"), row.<Instant>getAs("submitted_at"),
                row.<LocalDate>getAs("submitted_date"), row.getAs("department"), row.getAs("service"),
                row.getAs("channel"), row.getAs("district"), row.getAs("csat"), row.getAs("nps"), row.getAs("ces"),
                row.getAs("language"), row.getAs("comment"));
    }
}
