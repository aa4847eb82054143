package io.civicpulse.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;

import io.civicpulse.support.PublishedComments;

/**
 * The same contract on PostgreSQL, the production database: every migration, the Spring Batch repository and
 * the publication run there. Needs the server of .ci/run on 127.0.0.1:5432 (database {@code test}); it fails,
 * never skips, when the server is missing. {@code CIVICPULSE_TEST_POSTGRES_URL} points it elsewhere.
 */
class RunAndExportOnPostgresIntegrationTests extends RunAndExportContract {

    static final String SCHEMA = "civicpulse_it";
    static final String SERVER = System.getenv().getOrDefault("CIVICPULSE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("CIVICPULSE_TEST_POSTGRES_USER", "postgres");

    @BeforeAll
    void freshSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    @Override
    List<String> databaseOptions() {
        return List.of("--spring.datasource.url=" + SERVER + "?currentSchema=" + SCHEMA,
                "--spring.datasource.username=" + USER, "--spring.datasource.password=");
    }

    @Override
    List<String> publishedComments() {
        return PublishedComments.read(SERVER + "?currentSchema=" + SCHEMA, USER, "");
    }
}
