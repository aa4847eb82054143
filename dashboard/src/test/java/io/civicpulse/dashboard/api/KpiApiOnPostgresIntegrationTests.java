package io.civicpulse.dashboard.api;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.civicpulse.dashboard.TemporaryHome;

/**
 * The KPI API on PostgreSQL, the production database: 127.0.0.1:5432, database {@code test}, user {@code postgres}
 * (or {@code CIVICPULSE_TEST_POSTGRES_URL} and {@code CIVICPULSE_TEST_POSTGRES_USER}, as the jobs module's
 * {@code TestPostgres}, which the dashboard's tests cannot reach), in a schema of its own created afresh. Fails,
 * never skips, without the server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "civicpulse.security.bootstrap-admin-password=integration-Pass-1")
class KpiApiOnPostgresIntegrationTests extends KpiApiContract {

    private static final String SERVER = System.getenv().getOrDefault("CIVICPULSE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("CIVICPULSE_TEST_POSTGRES_USER", "postgres");
    private static final String SCHEMA = "dashboard_kpi_api" + "_" + ProcessHandle.current().pid();

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        TemporaryHome.register(registry, () -> home);
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        registry.add("spring.datasource.url", () -> SERVER + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
