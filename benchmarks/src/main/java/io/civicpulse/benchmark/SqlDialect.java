package io.civicpulse.benchmark;

import java.util.Map;

/**
 * What differs between PostgreSQL and DuckDB in the KPI script: the placeholders of {@code kpis.sql} and
 * {@code raw-feeds.sql}. Everything else is one SQL text, so both engines compute the same thing by construction.
 */
enum SqlDialect {

    /** Unlogged tables, as an analyst loading a throw-away copy would; an identity column keeps the COPY order. */
    POSTGRES(Map.of(
            "table", "UNLOGGED TABLE",
            "load_order_column", "load_order BIGINT GENERATED ALWAYS AS IDENTITY,",
            "load_order", "load_order",
            "byte_order", " COLLATE \"C\""),
            "CAST(EXTRACT(EPOCH FROM %s) AS DOUBLE PRECISION)"),

    /** rowid follows insertion order, which DuckDB keeps for CSV scans (preserve_insertion_order). */
    DUCKDB(Map.of(
            "table", "TABLE",
            "load_order_column", "",
            "load_order", "rowid",
            "byte_order", ""),
            "CAST(EPOCH_US(%s) AS DOUBLE PRECISION) / 1000000");

    private final Map<String, String> placeholders;
    private final String epochSeconds;

    SqlDialect(Map<String, String> placeholders, String epochSeconds) {
        this.placeholders = placeholders;
        this.epochSeconds = epochSeconds;
    }

    Map<String, String> placeholders() {
        return placeholders;
    }

    /** Seconds since 1970 of an instant expression, as a double. */
    String epochSeconds(String instant) {
        return epochSeconds.formatted(instant);
    }
}
