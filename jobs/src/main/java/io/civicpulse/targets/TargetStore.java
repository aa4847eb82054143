package io.civicpulse.targets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.kpi.Better;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiParameters;

/**
 * The experience goals as an audited history of changes ({@code kpi_target}, docs/decisions/0007). Rows are only ever
 * added: a change of value or weight, a new target and the end of one are each a row saying who, when, why, from
 * which date, and what it replaced. The configured targets ({@code civicpulse.kpi.targets}) seed the history once,
 * when it is empty.
 */
@Repository
public class TargetStore {

    /** Who the seeded targets are attributed to, and why they are there. */
    public static final String CONFIGURATION = "configuration";
    public static final String FROM_CONFIGURATION = "from configuration";

    /** The channel codes of feeds.md: a target for any other channel would never match a row. */
    public static final List<String> CHANNELS = List.of("PHONE", "WEB", "MOBILE_APP", "EMAIL", "CHAT", "SOCIAL",
            "WALK_IN", "MAIL", "OTHER");

    static final int MAX_REASON = 1000;

    private static final Logger log = LoggerFactory.getLogger(TargetStore.class);

    private static final String COLUMNS = """
            id, kpi, department, channel, target_value, weight, effective_from, ended, old_value, old_weight, reason,
            changed_by, changed_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CivicPulseProperties properties;

    public TargetStore(DataSource dataSource, PlatformTransactionManager transactionManager,
            CivicPulseProperties properties) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /**
     * Copies the configured targets into the history, effective from the beginning of time, if it has never been
     * seeded and is empty; later changes of the configuration are not copied (the history is what is in force).
     * Of two configured targets with the same key the first is kept, as the configuration itself applied them.
     *
     * @return whether it seeded
     * @throws IllegalArgumentException if the configured targets are invalid, naming the property
     */
    public boolean seedFromConfiguration() {
        List<KpiParameters.Target> configured = KpiParameters.configuredTargets(properties);
        if (jdbc.sql("SELECT COUNT(*) FROM kpi_target_seed").query(Long.class).single() > 0) {
            // The usual case: seeded long ago. Asked first so that every run and visit does not try an insert that
            // the database refuses (and logs).
            return false;
        }
        Boolean seeded = transactions.execute(status -> {
            try {
                jdbc.sql("INSERT INTO kpi_target_seed (id, seeded_at) VALUES (1, ?)").param(now()).update();
            } catch (DuplicateKeyException alreadySeeded) {
                status.setRollbackOnly();
                return false;
            }
            if (jdbc.sql("SELECT COUNT(*) FROM kpi_target").query(Long.class).single() > 0) {
                return false;
            }
            Set<TargetKey> keys = new HashSet<>();
            for (KpiParameters.Target t : configured) {
                TargetKey key = new TargetKey(t.kpi(), t.department(), t.channel());
                if (keys.add(key)) {
                    insert(key, t.value(), t.weight(), TargetChange.BEGINNING_OF_TIME, false, null, null,
                            FROM_CONFIGURATION, CONFIGURATION);
                }
            }
            return true;
        });
        if (Boolean.TRUE.equals(seeded)) {
            log.info("Copied {} configured targets into the target history", configured.size());
        }
        return Boolean.TRUE.equals(seeded);
    }

    /** Every change ever made, by key and then in the order they take over. */
    public List<TargetChange> changes() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_target").query(TargetStore::change).list().stream()
                .sorted(Comparator.comparing(TargetChange::key).thenComparing(TargetTimeline.TAKE_OVER))
                .toList();
    }

    /** The changes of one key, in the order they take over. */
    public List<TargetChange> changes(TargetKey key) {
        return changes().stream().filter(change -> change.key().equals(key)).toList();
    }

    /** The targets the nightly run computes with, period by period ({@link TargetTimeline#inForce}). */
    public List<KpiParameters.Target> inForce() {
        return TargetTimeline.inForce(changes());
    }

    /**
     * Sets {@code key}'s target to {@code value} with {@code weight} for the periods that start on or after
     * {@code effectiveFrom}, until its next change. A key without a target gets one.
     *
     * @throws InvalidTargetChange with nothing saved, when a value is out of the KPI's range, the weight is not
     *                             more than 0, the KPI cannot have a target, the channel is unknown, or the date or
     *                             reason is missing
     */
    public TargetChange set(TargetKey key, double value, double weight, LocalDate effectiveFrom, String reason,
            String changedBy) {
        check(key, effectiveFrom, reason, changedBy);
        KpiParameters.targetProblem(key.kpi(), value, weight).ifPresent(problem -> {
            throw new InvalidTargetChange(problem.field(), key.describe() + ": " + problem.message());
        });
        return record(key, value, weight, effectiveFrom, false, reason.strip(), changedBy);
    }

    /**
     * Ends {@code key}'s target for the periods that start on or after {@code effectiveFrom}: they fall back to the
     * next less specific target in force, or have none.
     *
     * @throws InvalidTargetChange with nothing saved, when the key has no target in force on that date or the date
     *                             or reason is missing
     */
    public TargetChange end(TargetKey key, LocalDate effectiveFrom, String reason, String changedBy) {
        check(key, effectiveFrom, reason, changedBy);
        return transactions.execute(status -> {
            if (TargetTimeline.inForceOn(key, changes(key), effectiveFrom).isEmpty()) {
                throw new InvalidTargetChange("effectiveFrom", key.describe() + " has no target in force on "
                        + effectiveFrom + ", so there is none to end");
            }
            return record(key, null, null, effectiveFrom, true, reason.strip(), changedBy);
        });
    }

    private void check(TargetKey key, LocalDate effectiveFrom, String reason, String changedBy) {
        if (key.kpi().better() == Better.NEITHER || key.kpi() == Kpi.EXPERIENCE_SCORE) {
            throw new InvalidTargetChange("kpi", key.kpi() + " has no better direction, so it cannot have a target");
        }
        if (key.channel() != null && !CHANNELS.contains(key.channel())) {
            throw new InvalidTargetChange("channel", "unknown channel '" + key.channel() + "'; channels are "
                    + String.join(", ", CHANNELS));
        }
        if (key.department() != null && key.department().length() > 64) {
            throw new InvalidTargetChange("department", "a department code has at most 64 characters");
        }
        if (effectiveFrom == null) {
            throw new InvalidTargetChange("effectiveFrom", "a change needs the date it takes effect");
        }
        if (effectiveFrom.isBefore(TargetChange.BEGINNING_OF_TIME)) {
            throw new InvalidTargetChange("effectiveFrom", "a change cannot take effect before "
                    + TargetChange.BEGINNING_OF_TIME);
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidTargetChange("reason", "a change needs a reason");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidTargetChange("reason", "a reason has at most " + MAX_REASON + " characters");
        }
        if (changedBy == null || changedBy.isBlank()) {
            throw new InvalidTargetChange("changedBy", "a change needs the name of who makes it");
        }
    }

    /** Inserts the change with what it replaces: the key's value and weight in force on its date before it. */
    private TargetChange record(TargetKey key, Double value, Double weight, LocalDate effectiveFrom, boolean ended,
            String reason, String changedBy) {
        return transactions.execute(status -> {
            Optional<TargetChange> replaced = TargetTimeline.inForceOn(key, changes(key), effectiveFrom);
            long id = insert(key, value, weight, effectiveFrom, ended, replaced.map(TargetChange::value).orElse(null),
                    replaced.map(TargetChange::weight).orElse(null), reason, changedBy);
            return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_target WHERE id = ?").param(id)
                    .query(TargetStore::change).single();
        });
    }

    private long insert(TargetKey key, Double value, Double weight, LocalDate effectiveFrom, boolean ended,
            Double oldValue, Double oldWeight, String reason, String changedBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO kpi_target (kpi, department, channel, target_value, weight, effective_from, ended,
                    old_value, old_weight, reason, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key.kpi().name(), key.department(), key.channel(), value, weight, effectiveFrom, ended,
                        oldValue, oldWeight, reason, changedBy, now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static TargetChange change(ResultSet rs, int row) throws SQLException {
        return new TargetChange(rs.getLong("id"),
                new TargetKey(Kpi.valueOf(rs.getString("kpi")), rs.getString("department"), rs.getString("channel")),
                (Double) rs.getObject("target_value", Double.class), (Double) rs.getObject("weight", Double.class),
                rs.getObject("effective_from", LocalDate.class), rs.getBoolean("ended"),
                (Double) rs.getObject("old_value", Double.class), (Double) rs.getObject("old_weight", Double.class),
                rs.getString("reason"), rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }
}
