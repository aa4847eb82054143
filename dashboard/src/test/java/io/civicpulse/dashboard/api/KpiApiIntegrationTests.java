package io.civicpulse.dashboard.api;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.civicpulse.dashboard.TemporaryHome;

/** The KPI API on the embedded database. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "civicpulse.security.bootstrap-admin-password=integration-Pass-1")
class KpiApiIntegrationTests extends KpiApiContract {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }
}
