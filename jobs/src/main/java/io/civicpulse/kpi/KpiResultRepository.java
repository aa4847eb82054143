package io.civicpulse.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.civicpulse.jdbc.CodeOrder;
import io.civicpulse.jdbc.IndexHint;
import io.civicpulse.jdbc.PostgresCopy;

/** Reads the published KPI results; the dashboard and {@code export} see exactly what a run committed. */
@Repository
public class KpiResultRepository {

    /** The {@code kpi_result} columns in {@link KpiRow}'s order, for queries read with {@link #ROW}. */
    public static final String COLUMNS = """
            kpi, grain, period_start, department, service, channel, district, kpi_value, numerator, denominator,
            sample_size, target, meets_target, score, suppressed""";

    private final JdbcClient jdbc;
    private final JdbcTemplate streamingJdbc;
    private final TransactionTemplate readOnly;
    private final CodeOrder order;
    private final String bySlice;
    private final Optional<PostgresCopy> copy;

    public KpiResultRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = JdbcClient.create(dataSource);
        this.streamingJdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result set only inside a transaction with a fetch size.
        this.streamingJdbc.setFetchSize(10_000);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.order = CodeOrder.of(dataSource);
        this.bySlice = IndexHint.table(dataSource, "kpi_result", "kpi_result_by_slice");
        // PostgreSQL takes a publication's rows as one COPY stream; H2 in batched inserts.
        this.copy = PostgresCopy.of(dataSource);
    }

    /**
     * The newest {@code count} periods of a grain that have results, newest first. Every period that has a row has
     * the city's: reading the city's slice seeks {@code kpi_result_by_slice} instead of scanning the whole grain.
     */
    public List<LocalDate> latestPeriods(Grain grain, int count) {
        return jdbc.sql("SELECT DISTINCT period_start FROM " + bySlice + " WHERE grain = ? AND department = ?"
                        + " AND service = ? AND channel = ? AND district = ? ORDER BY period_start DESC"
                        + " FETCH FIRST " + count + " ROWS ONLY")
                .params(grain.name(), SliceKey.CITY.department(), SliceKey.CITY.service(), SliceKey.CITY.channel(),
                        SliceKey.CITY.district())
                .query((rs, i) -> rs.getObject(1, LocalDate.class))
                .list();
    }

    /** Every KPI of one slice in one period. */
    public List<KpiRow> findPeriod(Grain grain, LocalDate periodStart, SliceKey slice) {
        return findTrend(grain, slice, EnumSet.allOf(Kpi.class), periodStart, periodStart);
    }

    /**
     * The given KPIs of one slice for the periods starting in [firstPeriod, lastPeriod], oldest first, by KPI code
     * within a period.
     */
    public List<KpiRow> findTrend(Grain grain, SliceKey slice, Collection<Kpi> kpis, LocalDate firstPeriod,
            LocalDate lastPeriod) {
        if (kpis.isEmpty()) {
            return List.of();
        }
        // The slice's every KPI, filtered here: with no condition on kpi, kpi_result_by_slice answers with one seek
        // (grain, slice, period range); H2 is told to use it (IndexHint). With kpi IN (...), H2 looks the list up on
        // the primary key's first column instead and reads every slice of those KPIs in the range.
        Set<Kpi> wanted = EnumSet.copyOf(kpis);
        List<KpiRow> rows = new ArrayList<>(jdbc.sql("SELECT " + COLUMNS + " FROM " + bySlice + " WHERE grain = ?"
                        + " AND department = ? AND service = ? AND channel = ? AND district = ?"
                        + " AND period_start BETWEEN ? AND ?")
                .params(grain.name(), slice.department(), slice.service(), slice.channel(), slice.district(),
                        firstPeriod, lastPeriod)
                .query(ROW)
                .list());
        rows.removeIf(row -> !wanted.contains(row.kpi()));
        rows.sort(Comparator.comparing(KpiRow::periodStart).thenComparing(row -> row.kpi().name()));
        return rows;
    }

    /** The departments that have results, in name order. */
    public List<String> departments() {
        return jdbc.sql("SELECT department FROM kpi_result WHERE department <> '*' GROUP BY department ORDER BY "
                        + order.by("department"))
                .query(String.class)
                .list();
    }

    /**
     * Streams rows in the export contract's order: the seven key columns compared as strings, byte by byte.
     * With a grain, only that grain; with dates, only periods that contain a local date in [from, to].
     */
    public void forEachInExportOrder(Optional<Grain> grain, Optional<LocalDate> from, Optional<LocalDate> to,
            Consumer<KpiRow> consumer) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM kpi_result WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        grain.ifPresent(g -> {
            sql.append(" AND grain = ?");
            params.add(g.name());
        });
        if (from.isPresent() || to.isPresent()) {
            // A period contains a date of [from, to] exactly when it starts between the starts of the
            // periods that contain from and to.
            List<String> perGrain = new ArrayList<>();
            for (Grain g : grain.map(List::of).orElse(List.of(Grain.values()))) {
                StringBuilder condition = new StringBuilder("(grain = ?");
                params.add(g.name());
                from.ifPresent(f -> {
                    condition.append(" AND period_start >= ?");
                    params.add(g.periodStart(f));
                });
                to.ifPresent(t -> {
                    condition.append(" AND period_start <= ?");
                    params.add(g.periodStart(t));
                });
                perGrain.add(condition.append(')').toString());
            }
            sql.append(" AND (").append(String.join(" OR ", perGrain)).append(')');
        }
        sql.append(" ORDER BY ").append(order.by("kpi")).append(", ").append(order.by("grain"))
                .append(", period_start, ").append(order.by("department")).append(", ").append(order.by("service"))
                .append(", ").append(order.by("channel")).append(", ").append(order.by("district"));
        RowCallbackHandler handler = rs -> consumer.accept(ROW.mapRow(rs, 0));
        readOnly.executeWithoutResult(status -> streamingJdbc.query(sql.toString(), handler, params.toArray()));
    }

    /**
     * Replaces the results of every period the publication covers with {@code rows} and records the
     * publication, in the caller's transaction: readers see either all of the old results or all of the new.
     *
     * @return the publication's id, for what else the run publishes in the same transaction, and the rows written
     */
    public Published publish(NewPublication publication, Iterator<KpiRow> rows) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO kpi_publication (job_execution_id, published_at, from_date, to_date, input_dir,"
                        + " history_version, kpi_rows) VALUES (?, ?, ?, ?, ?, ?, 0)")
                .params(publication.jobExecutionId(), OffsetDateTime.now(ZoneOffset.UTC), publication.from(),
                        publication.to(), publication.inputDir(), publication.historyVersion())
                .update(key, "id");
        long publicationId = key.getKeyAs(Number.class).longValue();
        for (Grain grain : Grain.values()) {
            jdbc.sql("DELETE FROM kpi_result WHERE grain = ? AND period_start BETWEEN ? AND ?")
                    .params(grain.name(), grain.periodStart(publication.from()), grain.periodStart(publication.to()))
                    .update();
        }
        Iterator<Object[]> values = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                KpiRow row = rows.next();
                return new Object[] { row.kpi().name(), row.grain().name(), row.periodStart(), row.department(),
                        row.service(), row.channel(), row.district(), row.value(), row.numerator(),
                        row.denominator(), row.sampleSize(), row.target(), row.meetsTarget(), row.score(),
                        row.suppressed(), publicationId };
            }
        };
        long written;
        if (copy.isPresent()) {
            written = copy.get().copy("kpi_result", INSERT_COLUMNS, values);
        } else {
            written = 0;
            List<Object[]> batch = new ArrayList<>(BATCH_SIZE);
            while (values.hasNext()) {
                batch.add(values.next());
                if (batch.size() == BATCH_SIZE) {
                    written += insert(batch);
                }
            }
            written += insert(batch);
        }
        jdbc.sql("UPDATE kpi_publication SET kpi_rows = ? WHERE id = ?").params(written, publicationId).update();
        return new Published(publicationId, written);
    }

    private long insert(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        streamingJdbc.batchUpdate("INSERT INTO kpi_result (" + COLUMNS + ", publication_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch, INSERT_TYPES);
        long size = batch.size();
        batch.clear();
        return size;
    }

    /**
     * The order in which {@link #publish} writes rows fastest: that of the period index (V12), the KPI last. H2
     * adds each row to three indexes, and rows in one index's order touch few pages of it: 2.6 million rows took
     * 50 s in this order, 131 s in the primary key's (the KPI first) and 670 s shuffled, commit included.
     */
    public static final List<String> PUBLISH_ORDER = List.of("grain", "period_start", "department", "service",
            "channel", "district", "kpi");

    private static final int BATCH_SIZE = 5_000;
    private static final List<String> INSERT_COLUMNS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(COLUMNS.split(",")).map(String::strip), java.util.stream.Stream.of("publication_id"))
            .toList();
    private static final int[] INSERT_TYPES = { Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DOUBLE, Types.BIGINT, Types.BIGINT, Types.BIGINT,
            Types.DOUBLE, Types.BOOLEAN, Types.DOUBLE, Types.BOOLEAN, Types.BIGINT };

    /** What a run is about to publish. */
    public record NewPublication(long jobExecutionId, LocalDate from, LocalDate to, String inputDir,
            String historyVersion) {
    }

    /** What {@link #publish} wrote: the new {@code kpi_publication} row's id and the number of KPI rows. */
    public record Published(long publicationId, long kpiRows) {
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM kpi_result").query(Long.class).single();
    }

    public Optional<Publication> latestPublication() {
        return jdbc.sql("""
                SELECT id, job_execution_id, published_at, from_date, to_date, input_dir, history_version, kpi_rows
                FROM kpi_publication ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                .query((rs, i) -> new Publication(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getLong(8)))
                .optional();
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    public static final RowMapper<KpiRow> ROW = KpiResultRepository::mapRow;

    private static KpiRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new KpiRow(Kpi.valueOf(rs.getString(1)), Grain.valueOf(rs.getString(2)),
                rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), nullable(rs, 8, Double.class), nullable(rs, 9, Long.class),
                nullable(rs, 10, Long.class), rs.getLong(11), nullable(rs, 12, Double.class),
                nullable(rs, 13, Boolean.class), nullable(rs, 14, Double.class), rs.getBoolean(15));
    }

    private static <T> T nullable(ResultSet rs, int column, Class<T> type) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (type == Double.class) {
            return type.cast(((Number) value).doubleValue());
        }
        if (type == Long.class) {
            return type.cast(((Number) value).longValue());
        }
        return type.cast(value);
    }
}
