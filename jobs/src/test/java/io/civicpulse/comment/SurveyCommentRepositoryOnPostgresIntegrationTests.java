package io.civicpulse.comment;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.civicpulse.cli.CivicPulseJobsApplication;
import io.civicpulse.support.TestPostgres;

/**
 * The contract on PostgreSQL, in a schema of its own that is created afresh. Needs the server the command-line
 * PostgreSQL tests use (127.0.0.1:5432, database {@code test}, or {@code CIVICPULSE_TEST_POSTGRES_URL}); it fails,
 * never skips, when the server is missing.
 */
@SpringBootTest(classes = CivicPulseJobsApplication.class)
class SurveyCommentRepositoryOnPostgresIntegrationTests extends SurveyCommentRepositoryContract {

    static final String SCHEMA = TestPostgres.schema("civicpulse_comments_it");

    @TempDir
    static Path home;

    /** Registration runs before the application context starts, so the schema is fresh for Flyway. */
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        String url = TestPostgres.freshSchema(SCHEMA);
        registry.add("civicpulse.home", () -> home.toString());
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
