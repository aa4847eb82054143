package io.civicpulse.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The KPIs as a city analyst computes them in PostgreSQL today: {@code COPY} the feed files into unlogged tables
 * of a fresh schema, then {@code kpis.sql}. The schema is dropped afterwards.
 */
final class PostgresKpiEngine extends SqlKpiEngine {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private int backendPid;
    private long serverTicks = -1;

    PostgresKpiEngine(String url, String user, String password, String schema) {
        super(SqlDialect.POSTGRES);
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    @Override
    String name() {
        return "PostgreSQL";
    }

    /**
     * CPU time of the server process that served this engine's connection (one per connection, so all of it is
     * ours), read from /proc when the server runs on this machine; null where it cannot be read.
     */
    java.time.Duration serverCpu() {
        return serverTicks < 0 ? null : ChildProcess.ticks(serverTicks);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    void prepare(Connection connection, ZoneId zone) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            statement.execute("SET TIME ZONE '" + zone.getId().replace("'", "''") + "'");
            // The one setting an analyst would raise for sort-heavy aggregates: the default 4 MB spills the exact
            // percentiles' sorts to disk.
            statement.execute("SET work_mem = '256MB'");
            try (var pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                pid.next();
                backendPid = pid.getInt(1);
            }
        }
    }

    @Override
    void load(Connection connection, FeedFiles feeds) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copyAll(connection, copy, "contacts_raw", feeds.contacts(), FeedFiles.CONTACT_COLUMNS);
        copyAll(connection, copy, "cases_raw", feeds.cases(), FeedFiles.CASE_COLUMNS);
        copyAll(connection, copy, "surveys_raw", feeds.surveys(), FeedFiles.SURVEY_COLUMNS);
    }

    private static void copyAll(Connection connection, CopyManager copy, String table, List<Path> files,
            List<String> known) throws SQLException, IOException {
        int sequence = 0;
        for (Path file : files) {
            sequence++;
            List<String> columns = FeedFiles.header(file, known);
            // COPY cannot set a constant, so the file's number goes in as the column's default.
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + table + " ALTER COLUMN file_seq SET DEFAULT " + sequence);
            }
            try (InputStream in = FeedFiles.open(file)) {
                copy.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv,"
                        + " HEADER true)", in);
            }
        }
    }

    @Override
    void beforeQuery(Connection connection) throws SQLException {
        // the driver reads a result in batches of the fetch size only inside a transaction
        connection.setAutoCommit(false);
    }

    @Override
    void cleanUp(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        serverTicks = ChildProcess.ownTicks(backendPid);
    }
}
