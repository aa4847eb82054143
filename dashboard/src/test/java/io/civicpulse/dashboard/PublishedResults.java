package io.civicpulse.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.civicpulse.kpi.Kpi;

/** Writes results as a nightly run would publish them, for view tests against the temporary database. */
public final class PublishedResults {

    private final JdbcClient jdbc;

    public PublishedResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void clear() {
        jdbc.sql("DELETE FROM survey_comment").update();
        jdbc.sql("DELETE FROM kpi_result").update();
        jdbc.sql("DELETE FROM kpi_publication").update();
    }

    /** One row; {@code null} dimension values total the dimension ({@code *}). */
    public void row(Kpi kpi, String grain, LocalDate period, String department, String service, String channel,
            String district, Double value, long sampleSize, Double target, Boolean meetsTarget, boolean suppressed) {
        row(kpi, grain, period, department, service, channel, district, value, sampleSize, target, meetsTarget, null,
                suppressed);
    }

    /** A city row with a target and a score. */
    public void scored(Kpi kpi, String grain, LocalDate period, double value, double target, boolean meetsTarget,
            double score) {
        row(kpi, grain, period, null, null, null, null, value, 100, target, meetsTarget, score, false);
    }

    public void row(Kpi kpi, String grain, LocalDate period, String department, String service, String channel,
            String district, Double value, long sampleSize, Double target, Boolean meetsTarget, Double score,
            boolean suppressed) {
        jdbc.sql("""
                INSERT INTO kpi_result (kpi, grain, period_start, department, service, channel, district, kpi_value,
                    numerator, denominator, sample_size, target, meets_target, score, suppressed, publication_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, 1)""")
                .params(kpi.name(), grain, period, star(department), star(service), star(channel), star(district),
                        suppressed ? null : value, sampleSize, target, suppressed ? null : meetsTarget,
                        suppressed ? null : score, suppressed)
                .update();
    }

    public void publication(long run, OffsetDateTime publishedAt, LocalDate from, LocalDate to) {
        jdbc.sql("""
                INSERT INTO kpi_publication (job_execution_id, published_at, from_date, to_date, input_dir,
                    history_version, kpi_rows)
                VALUES (?, ?, ?, ?, '/srv/feeds', 'v1', 1)""")
                .params(run, publishedAt, from, to)
                .update();
    }

    /** A masked survey comment submitted at {@code submittedAt}, on its local date in the sample city's zone. */
    public void comment(String responseId, Instant submittedAt, String department, String service, String channel,
            String district, Integer csat, Integer nps, Integer ces, String language, String text) {
        jdbc.sql("""
                INSERT INTO survey_comment (response_id, submitted_at, submitted_date, department, service, channel,
                    district, csat, nps, ces, language, comment_text, publication_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                .params(responseId, OffsetDateTime.ofInstant(submittedAt, ZoneOffset.UTC),
                        submittedAt.atZone(ZoneId.of("America/New_York")).toLocalDate(), department, service, channel,
                        district, csat, nps, ces, language, text)
                .update();
    }

    /** A run of the nightly job as Spring Batch records it. */
    public void batchRun(long id, String status) {
        jdbc.sql("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0, 'nightlyRun', ?)")
                .params(id, "key" + id).update();
        jdbc.sql("""
                INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, STATUS)
                VALUES (?, 0, ?, CURRENT_TIMESTAMP, ?)""").params(id, id, status).update();
    }

    public void clearBatchRuns() {
        jdbc.sql("DELETE FROM BATCH_JOB_EXECUTION").update();
        jdbc.sql("DELETE FROM BATCH_JOB_INSTANCE").update();
    }

    private static String star(String value) {
        return value == null ? "*" : value;
    }
}
