package io.civicpulse.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.civicpulse.kpi.Grain;

/** The published data-quality counts: written by a run's publish step, read by the dashboard. */
@Repository
public class DataQualityRepository {

    private static final int BATCH_SIZE = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public DataQualityRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
    }

    /** One rule's count for a department (or the city, {@code *}) in one period. */
    public record QualityRow(Grain grain, LocalDate periodStart, String department, QualityRule rule, long flagged,
            long cases) {

        /** The flagged share of the cases opened; {@code null} without cases. */
        public Double share() {
            return cases == 0 ? null : (double) flagged / cases;
        }
    }

    /**
     * Replaces the periods of every grain that contain a date in [from, to] with {@code rows}; to be called inside
     * the transaction that publishes the KPI results of the same periods.
     *
     * @return the rows written
     */
    public long publish(long publicationId, LocalDate from, LocalDate to, Iterator<QualityRow> rows) {
        for (Grain grain : Grain.values()) {
            jdbc.sql("DELETE FROM data_quality WHERE grain = ? AND period_start BETWEEN ? AND ?")
                    .params(grain.name(), grain.periodStart(from), grain.periodStart(to))
                    .update();
        }
        long written = 0;
        List<Object[]> pending = new ArrayList<>(BATCH_SIZE);
        while (rows.hasNext()) {
            QualityRow row = rows.next();
            pending.add(new Object[] { row.grain().name(), row.periodStart(), row.department(), row.rule().name(),
                    row.flagged(), row.cases(), publicationId });
            if (pending.size() == BATCH_SIZE) {
                written += insert(pending);
            }
        }
        return written + insert(pending);
    }

    private long insert(List<Object[]> pending) {
        if (pending.isEmpty()) {
            return 0;
        }
        batch.batchUpdate("INSERT INTO data_quality (grain, period_start, department, rule, flagged, cases,"
                + " publication_id) VALUES (?, ?, ?, ?, ?, ?, ?)", pending);
        int size = pending.size();
        pending.clear();
        return size;
    }

    /** The rules' counts of the given departments ({@code *} for the city) in one period, rule order. */
    public List<QualityRow> find(Grain grain, LocalDate periodStart, Collection<String> departments) {
        if (departments.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(grain.name(), periodStart));
        params.addAll(departments);
        return jdbc.sql("SELECT grain, period_start, department, rule, flagged, cases FROM data_quality"
                        + " WHERE grain = ? AND period_start = ? AND department IN ("
                        + "?,".repeat(departments.size() - 1) + "?)")
                .params(params)
                .query((rs, i) -> new QualityRow(Grain.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getString(3), QualityRule.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6)))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(QualityRow::department).thenComparing(QualityRow::rule))
                .toList();
    }
}
