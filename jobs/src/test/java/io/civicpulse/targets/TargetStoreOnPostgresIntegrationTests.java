package io.civicpulse.targets;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.civicpulse.cli.CivicPulseJobsApplication;
import io.civicpulse.support.TestPostgres;

/** The contract on PostgreSQL, in a schema of its own; fails, never skips, without the server. */
@SpringBootTest(classes = CivicPulseJobsApplication.class, properties = {
        "civicpulse.kpi.targets[0].kpi=ON_TIME_RATE", "civicpulse.kpi.targets[0].value=0.8",
        "civicpulse.kpi.targets[0].weight=2",
        "civicpulse.kpi.targets[1].kpi=CSAT_MEAN", "civicpulse.kpi.targets[1].value=4",
        "civicpulse.kpi.targets[1].department=san",
        "civicpulse.kpi.targets[2].kpi=ON_TIME_RATE", "civicpulse.kpi.targets[2].value=0.1" })
class TargetStoreOnPostgresIntegrationTests extends TargetStoreContract {

    static final String SCHEMA = TestPostgres.schema("civicpulse_targets_it");

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        String url = TestPostgres.freshSchema(SCHEMA);
        registry.add("civicpulse.home", () -> home.toString());
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
