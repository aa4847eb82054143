package io.civicpulse.alert;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.civicpulse.cli.CivicPulseJobsApplication;

/** The contract on the embedded default, H2. */
@SpringBootTest(classes = CivicPulseJobsApplication.class)
class AlertStoreIntegrationTests extends AlertStoreContract {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("civicpulse.home", () -> home.toString());
    }
}
