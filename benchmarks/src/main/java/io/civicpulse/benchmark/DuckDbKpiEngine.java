package io.civicpulse.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.io.IOException;

/**
 * The KPIs computed by DuckDB, embedded through its JDBC driver, straight from the CSV files: {@code read_csv}
 * with explicit column types (no type sniffing) into an in-memory database, then {@code kpis.sql}.
 */
final class DuckDbKpiEngine extends SqlKpiEngine {

    /** The type of each loaded column in raw-feeds.sql: integers typed on load, everything else text. */
    private static final Map<String, String> TYPES = Map.of("wait_seconds", "BIGINT", "handle_seconds", "BIGINT",
            "reopened_count", "INTEGER", "csat", "INTEGER", "nps", "INTEGER", "ces", "INTEGER");

    DuckDbKpiEngine() {
        super(SqlDialect.DUCKDB);
    }

    @Override
    String name() {
        return "DuckDB";
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    @Override
    void prepare(Connection connection, ZoneId zone) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = '" + zone.getId().replace("'", "''") + "'");
        }
    }

    @Override
    void load(Connection connection, FeedFiles feeds) throws SQLException, IOException {
        readAll(connection, "contacts_raw", feeds.contacts(), FeedFiles.CONTACT_COLUMNS);
        readAll(connection, "cases_raw", feeds.cases(), FeedFiles.CASE_COLUMNS);
        readAll(connection, "surveys_raw", feeds.surveys(), FeedFiles.SURVEY_COLUMNS);
    }

    private static void readAll(Connection connection, String table, List<Path> files, List<String> known)
            throws SQLException, IOException {
        int sequence = 0;
        for (Path file : files) {
            sequence++;
            List<String> columns = FeedFiles.header(file, known);
            List<String> types = new ArrayList<>();
            for (String column : columns) {
                types.add("'" + column + "': '" + TYPES.getOrDefault(column, "VARCHAR") + "'");
            }
            String path = file.toAbsolutePath().toString().replace("'", "''");
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO " + table + " (file_seq, " + String.join(", ", columns) + ")"
                        + " SELECT " + sequence + ", " + String.join(", ", columns)
                        + " FROM read_csv('" + path + "', header = true, auto_detect = false, delim = ',',"
                        + " quote = '\"', escape = '\"', columns = {" + String.join(", ", types) + "})");
            }
        }
    }
}
