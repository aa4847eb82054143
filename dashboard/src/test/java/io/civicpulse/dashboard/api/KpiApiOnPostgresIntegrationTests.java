package io.civicpulse.dashboard.api;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.support.TestPostgres;

/**
 * The KPI API on PostgreSQL, the production database: 127.0.0.1:5432, database {@code test}, user {@code postgres}
 * (or {@code CIVICPULSE_TEST_POSTGRES_URL} and {@code CIVICPULSE_TEST_POSTGRES_USER}, as the jobs module's
 * {@code TestPostgres}, which the dashboard's tests cannot reach), in a schema of its own created afresh. Fails,
 * never skips, without the server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "civicpulse.security.bootstrap-admin-password=integration-Pass-1")
class KpiApiOnPostgresIntegrationTests extends KpiApiContract {

    private static final String SCHEMA = TestPostgres.schema("dashboard_kpi_api");

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        TemporaryHome.register(registry, () -> home);
        String url = TestPostgres.freshSchema(SCHEMA);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
