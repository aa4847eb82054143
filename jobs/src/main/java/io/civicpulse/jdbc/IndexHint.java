package io.civicpulse.jdbc;

import javax.sql.DataSource;

/**
 * A table reference that tells H2 which index to read, for the few queries whose best index H2's planner misses; on
 * PostgreSQL, whose planner weighs real statistics, the plain table. The load test found one: a slice over a short
 * period range (the scoreboard's current and previous period) made H2 seek {@code kpi_result_by_period} by the
 * range alone and read every slice of those periods, up to half a second a query at New York scale, where
 * {@code kpi_result_by_slice} seeks the few rows of that slice.
 */
public final class IndexHint {

    private IndexHint() {
    }

    /** {@code table}, with H2's {@code USE INDEX (index)} when the data source is not PostgreSQL. */
    public static String table(DataSource dataSource, String table, String index) {
        return CodeOrder.isPostgres(dataSource) ? table : table + " USE INDEX (" + index + ")";
    }
}
