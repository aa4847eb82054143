package io.civicpulse.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the tests run against: the one .ci/run starts on 127.0.0.1:5432 (database {@code test},
 * user {@code postgres}), or {@code CIVICPULSE_TEST_POSTGRES_URL} and {@code CIVICPULSE_TEST_POSTGRES_USER}. Each
 * test class works in a schema of its own, created afresh, so classes and reruns never see each other's rows.
 * Tests fail, never skip, when the server is missing: PostgreSQL is the production database.
 */
public final class TestPostgres {

    public static final String SERVER = System.getenv().getOrDefault("CIVICPULSE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("CIVICPULSE_TEST_POSTGRES_USER", "postgres");

    private TestPostgres() {
    }

    /** Drops {@code schema} with everything in it, creates it empty, and returns the JDBC URL that uses it. */
    public static String freshSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        return url(schema);
    }

    public static String url(String schema) {
        return SERVER + "?currentSchema=" + schema;
    }
}
