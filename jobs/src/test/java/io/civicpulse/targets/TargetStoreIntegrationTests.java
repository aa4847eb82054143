package io.civicpulse.targets;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.civicpulse.cli.CivicPulseJobsApplication;

/** The contract on the embedded default, H2. */
@SpringBootTest(classes = CivicPulseJobsApplication.class, properties = {
        "civicpulse.kpi.targets[0].kpi=ON_TIME_RATE", "civicpulse.kpi.targets[0].value=0.8",
        "civicpulse.kpi.targets[0].weight=2",
        "civicpulse.kpi.targets[1].kpi=CSAT_MEAN", "civicpulse.kpi.targets[1].value=4",
        "civicpulse.kpi.targets[1].department=san",
        "civicpulse.kpi.targets[2].kpi=ON_TIME_RATE", "civicpulse.kpi.targets[2].value=0.1" })
class TargetStoreIntegrationTests extends TargetStoreContract {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("civicpulse.home", () -> home.toString());
    }
}
