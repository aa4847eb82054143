package io.civicpulse.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;

/** The stored notifications ({@code alert_notification}) and who has read which ({@code alert_read}). */
@Repository
public class AlertStore {

    private static final String COLUMNS = """
            id, kind, department, kpi, grain, period_start, kpi_value, target, previous_value, job_execution_id,
            detail, occurred_at, created_at""";
    private static final int MAX_DETAIL = 2000;

    private final JdbcClient jdbc;

    public AlertStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Stores that a KPI newly missed its goal, unless that KPI, grain, period and department was told already (a
     * period recomputed by a later run is not news again).
     *
     * @return the stored notification, or empty when it was told already
     */
    Optional<Notification> kpiMissed(MissedTarget missed, long jobExecutionId, Instant occurredAt) {
        if (jdbc.sql("""
                SELECT COUNT(*) FROM alert_notification
                WHERE kind = ? AND department = ? AND kpi = ? AND grain = ? AND period_start = ?""")
                .params(AlertKind.KPI_MISSED.name(), missed.department(), missed.kpi().name(), missed.grain().name(),
                        missed.periodStart())
                .query(Long.class).single() > 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(insert(AlertKind.KPI_MISSED, missed.department(), missed.kpi(), missed.grain(),
                    missed.periodStart(), missed.value(), missed.target(), missed.previousValue(), jobExecutionId,
                    null, occurredAt));
        } catch (DuplicateKeyException toldConcurrently) {
            return Optional.empty();
        }
    }

    Notification runFailed(Long jobExecutionId, String reason, Instant occurredAt) {
        return insert(AlertKind.RUN_FAILED, Notification.CITY, null, null, null, null, null, null, jobExecutionId,
                reason, occurredAt);
    }

    Notification runMissed(String schedule, String reason, Instant expectedAt) {
        return insert(AlertKind.RUN_MISSED, Notification.CITY, null, null, null, null, null, null, null,
                schedule + ": " + reason, expectedAt);
    }

    private Notification insert(AlertKind kind, String department, Kpi kpi, Grain grain, LocalDate period,
            Double value, Double target, Double previous, Long jobExecutionId, String detail, Instant occurredAt) {
        String shortDetail = detail == null || detail.length() <= MAX_DETAIL ? detail
                : detail.substring(0, MAX_DETAIL - 1) + "…";
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alert_notification (kind, department, kpi, grain, period_start, kpi_value, target,
                    previous_value, job_execution_id, detail, occurred_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), department, kpi == null ? null : kpi.name(), grain == null ? null : grain.name(),
                        period, value, target, previous, jobExecutionId, shortDetail,
                        occurredAt == null ? null : OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_notification WHERE id = ?").param(id)
                .query(AlertStore::notification).single();
    }

    /** The newest notifications first, at most {@code limit}. */
    public List<Notification> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_notification ORDER BY created_at DESC, id DESC"
                + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY").query(AlertStore::notification).list();
    }

    /** How many notifications {@code username} has not read. */
    public long unreadCount(String username) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM alert_notification n
                WHERE NOT EXISTS (SELECT 1 FROM alert_read r WHERE r.notification_id = n.id AND r.username = ?)""")
                .param(username).query(Long.class).single();
    }

    /**
     * How many notifications {@code username} has not read, by department ({@code *} for the city and runs), so a
     * reader limited to some departments counts only theirs.
     */
    public java.util.Map<String, Long> unreadByDepartment(String username) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT n.department, COUNT(*) FROM alert_notification n
                WHERE NOT EXISTS (SELECT 1 FROM alert_read r WHERE r.notification_id = n.id AND r.username = ?)
                GROUP BY n.department""")
                .param(username)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** The ids of the notifications {@code username} has read. */
    public java.util.Set<Long> readBy(String username) {
        return new java.util.HashSet<>(jdbc.sql("SELECT notification_id FROM alert_read WHERE username = ?")
                .param(username).query(Long.class).list());
    }

    public void markRead(String username, long notificationId) {
        jdbc.sql("""
                INSERT INTO alert_read (notification_id, username, read_at)
                SELECT n.id, ?, ? FROM alert_notification n
                WHERE n.id = ? AND NOT EXISTS (SELECT 1 FROM alert_read r WHERE r.notification_id = n.id
                    AND r.username = ?)""")
                .params(username, OffsetDateTime.now(ZoneOffset.UTC), notificationId, username).update();
    }

    public void markAllRead(String username) {
        jdbc.sql("""
                INSERT INTO alert_read (notification_id, username, read_at)
                SELECT n.id, ?, ? FROM alert_notification n
                WHERE NOT EXISTS (SELECT 1 FROM alert_read r WHERE r.notification_id = n.id AND r.username = ?)""")
                .params(username, OffsetDateTime.now(ZoneOffset.UTC), username).update();
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        String kpi = rs.getString("kpi");
        String grain = rs.getString("grain");
        OffsetDateTime occurred = rs.getObject("occurred_at", OffsetDateTime.class);
        return new Notification(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")), rs.getString("department"),
                kpi == null ? null : Kpi.valueOf(kpi), grain == null ? null : Grain.valueOf(grain),
                rs.getObject("period_start", LocalDate.class), rs.getObject("kpi_value", Double.class),
                rs.getObject("target", Double.class), rs.getObject("previous_value", Double.class),
                rs.getObject("job_execution_id", Long.class), rs.getString("detail"),
                occurred == null ? null : occurred.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
