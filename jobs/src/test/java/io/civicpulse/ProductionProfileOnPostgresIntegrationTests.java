package io.civicpulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zaxxer.hikari.HikariDataSource;

import io.civicpulse.cli.CivicPulseJobsApplication;
import io.civicpulse.support.TestPostgres;

/**
 * The documented production profile: with only the environment's CIVICPULSE_DB_* values it connects to PostgreSQL
 * with the pool size given, and Flyway brings an empty database up to date with every migration.
 */
@SpringBootTest(classes = CivicPulseJobsApplication.class)
@ActiveProfiles("production")
class ProductionProfileOnPostgresIntegrationTests {

    static final String SCHEMA = TestPostgres.schema("civicpulse_production_it");

    @TempDir
    static Path home;

    /** The same names the environment would carry; placeholders resolve from any property source. */
    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) throws SQLException {
        String url = TestPostgres.freshSchema(SCHEMA);
        registry.add("civicpulse.home", () -> home.toString());
        registry.add("CIVICPULSE_DB_URL", () -> url);
        registry.add("CIVICPULSE_DB_USER", () -> TestPostgres.USER);
        registry.add("CIVICPULSE_DB_PASSWORD", () -> "");
        registry.add("CIVICPULSE_DB_POOL_SIZE", () -> "4");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Test
    void theProfileConnectsToPostgresWithThePoolSizeFromTheEnvironment() {
        HikariDataSource pool = (HikariDataSource) dataSource;

        assertThat(pool.getJdbcUrl()).isEqualTo(TestPostgres.url(SCHEMA));
        assertThat(pool.getUsername()).isEqualTo(TestPostgres.USER);
        assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
        assertThat(JdbcClient.create(dataSource).sql("SELECT version()").query(String.class).single())
                .startsWith("PostgreSQL");
    }

    @Test
    void everyMigrationHasRunOnTheEmptyDatabase() throws IOException {
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        int migrations = resources.getResources("classpath*:db/migration/common/V*.sql").length
                + resources.getResources("classpath*:db/migration/postgresql/V*.sql").length;

        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).hasSize(migrations);
        assertThat(JdbcClient.create(dataSource).sql("""
                SELECT COUNT(*) FROM information_schema.tables
                WHERE table_schema = ? AND table_name IN ('kpi_result', 'survey_comment', 'batch_job_execution',
                    'alert_notification', 'kpi_target', 'users')""").param(SCHEMA).query(Integer.class).single())
                .isEqualTo(6);
    }
}
