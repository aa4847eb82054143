package io.civicpulse.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests run against: the one .ci/run starts on 127.0.0.1:5432 (database {@code test},
 * user {@code postgres}), or {@code CIVICPULSE_TEST_POSTGRES_URL} and {@code CIVICPULSE_TEST_POSTGRES_USER}. Each
 * test class works in a schema of its own, created afresh, so classes and reruns never see each other's rows.
 * Tests fail, never skip, when the server is missing: PostgreSQL is the production database.
 * Schema names carry the process id ({@link #schema}), so two builds on one machine never drop each other's tables.
 */
public final class TestPostgres {

    public static final String SERVER = System.getenv().getOrDefault("CIVICPULSE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("CIVICPULSE_TEST_POSTGRES_USER", "postgres");

    private TestPostgres() {
    }

    /** A schema name of this test process: {@code name} followed by the process id. */
    public static String schema(String name) {
        return name + "_" + ProcessHandle.current().pid();
    }

    /** Drops {@code schema} with everything in it, creates it empty, and returns the JDBC URL that uses it. */
    public static String freshSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
                Statement statement = connection.createStatement()) {
            String base = schema.substring(0, schema.lastIndexOf('_') + 1);
            dropSchemasOfEndedProcesses(connection, base, Pattern.compile(Pattern.quote(base) + "(\\d+)"));
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        return url(schema);
    }

    /**
     * Schemas left by earlier test processes, so reruns do not pile them up: those starting with {@code prefix}
     * whose whole name matches {@code named}, its first group the process id, of a process that has ended.
     */
    static void dropSchemasOfEndedProcesses(Connection connection, String prefix, Pattern named)
            throws SQLException {
        List<String> ended = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, ?)")) {
            query.setString(1, prefix);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Matcher matcher = named.matcher(rows.getString(1));
                    if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
                        ended.add(rows.getString(1));
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : ended) {
                statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
    }

    public static String url(String schema) {
        return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
