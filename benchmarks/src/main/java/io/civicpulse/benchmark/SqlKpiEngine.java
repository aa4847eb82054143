package io.civicpulse.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.civicpulse.kpi.KpiParameters;

/**
 * A SQL engine computing every KPI row of the export contract from the feed CSV files: load the files into raw
 * tables (the engine's own way), then run {@code kpis.sql} and write its result in the export format. The KPI
 * values are computed by the database; Java only moves files in and rows out.
 */
abstract class SqlKpiEngine {

    /** How long each part took and how many KPI rows came out. */
    record Timings(String engine, Duration load, Duration query, long rows) {

        Duration total() {
            return load.plus(query);
        }
    }

    private final SqlDialect dialect;

    SqlKpiEngine(SqlDialect dialect) {
        this.dialect = dialect;
    }

    abstract String name();

    abstract Connection connect() throws SQLException;

    /** Sets the session up: a private place for the tables, and the city's time zone for local times. */
    abstract void prepare(Connection connection, ZoneId zone) throws SQLException;

    /** Loads every file into the raw tables of raw-feeds.sql, files in name order, numbered by file_seq. */
    abstract void load(Connection connection, FeedFiles feeds) throws SQLException, IOException;

    /** Removes what {@link #prepare} created, if anything outlives the connection. */
    void cleanUp(Connection connection) throws SQLException {
    }

    /** Prepares a connection for a large result read in batches. */
    void beforeQuery(Connection connection) throws SQLException {
    }

    final Timings compute(Path input, KpiParameters parameters, Path output) throws SQLException, IOException {
        try (Connection connection = connect()) {
            try {
                prepare(connection, parameters.zone());
                long start = System.nanoTime();
                execute(connection, SqlScript.statements("raw-feeds.sql", dialect, Map.of()));
                load(connection, FeedFiles.in(input));
                long loaded = System.nanoTime();
                List<String> statements = SqlScript.statements("kpis.sql", dialect, SqlParameters.of(parameters));
                execute(connection, statements.subList(0, statements.size() - 1));
                beforeQuery(connection);
                long rows;
                try (Statement statement = connection.createStatement();
                        Writer out = Files.newBufferedWriter(output)) {
                    statement.setFetchSize(10_000);
                    try (ResultSet result = statement.executeQuery(statements.getLast())) {
                        rows = KpiExportWriter.write(result, out);
                    }
                }
                long queried = System.nanoTime();
                return new Timings(name(), Duration.ofNanos(loaded - start), Duration.ofNanos(queried - loaded), rows);
            } finally {
                cleanUp(connection);
            }
        }
    }

    static void execute(Connection connection, List<String> statements) throws SQLException {
        for (String sql : statements) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new SQLException(e.getMessage() + "\nin statement:\n" + sql, e.getSQLState(), e);
            }
        }
    }
}
