package io.civicpulse.cli;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;

import io.civicpulse.support.PublishedComments;
import io.civicpulse.support.TestPostgres;

/**
 * The same contract on PostgreSQL, the production database: every migration, the Spring Batch repository and
 * the publication run there. Needs the server of .ci/run on 127.0.0.1:5432 (database {@code test}); it fails,
 * never skips, when the server is missing. {@code CIVICPULSE_TEST_POSTGRES_URL} points it elsewhere.
 */
class RunAndExportOnPostgresIntegrationTests extends RunAndExportContract {

    static final String SCHEMA = TestPostgres.schema("civicpulse_it");

    @BeforeAll
    void freshSchema() throws SQLException {
        TestPostgres.freshSchema(SCHEMA);
    }

    @Override
    List<String> databaseOptions() {
        return List.of("--spring.datasource.url=" + TestPostgres.url(SCHEMA),
                "--spring.datasource.username=" + TestPostgres.USER, "--spring.datasource.password=");
    }

    @Override
    List<String> publishedComments() {
        return PublishedComments.read(TestPostgres.url(SCHEMA), TestPostgres.USER, "");
    }
}
