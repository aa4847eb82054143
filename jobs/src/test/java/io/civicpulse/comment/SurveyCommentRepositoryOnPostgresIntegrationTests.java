package io.civicpulse.comment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.civicpulse.cli.CivicPulseJobsApplication;

/**
 * The contract on PostgreSQL, in a schema of its own that is created afresh. Needs the server the command-line
 * PostgreSQL tests use (127.0.0.1:5432, database {@code test}, or {@code CIVICPULSE_TEST_POSTGRES_URL}); it fails,
 * never skips, when the server is missing.
 */
@SpringBootTest(classes = CivicPulseJobsApplication.class)
class SurveyCommentRepositoryOnPostgresIntegrationTests extends SurveyCommentRepositoryContract {

    static final String SCHEMA = "civicpulse_comments_it";
    static final String SERVER = System.getenv().getOrDefault("CIVICPULSE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("CIVICPULSE_TEST_POSTGRES_USER", "postgres");

    @TempDir
    static Path home;

    /** Registration runs before the application context starts, so the schema is fresh for Flyway. */
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        registry.add("civicpulse.home", () -> home.toString());
        registry.add("spring.datasource.url", () -> SERVER + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
