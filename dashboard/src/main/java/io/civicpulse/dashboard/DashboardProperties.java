package io.civicpulse.dashboard;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dashboard-only settings under {@code civicpulse.dashboard}.
 *
 * @param sampleData folder of feed files (plus the generator's {@code generation.properties}) that is loaded once
 *                   when the dashboard starts on an empty database, so a first start shows real-looking results
 */
@ConfigurationProperties("civicpulse.dashboard")
public record DashboardProperties(@DefaultValue("./datasets/sample") Path sampleData) {
}
