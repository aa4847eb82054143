package io.civicpulse.run;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code civicpulse.runs.*}: where runs started from the dashboard (now, or on a schedule) may read their input.
 *
 * @param inputRoot the only folder (with its subfolders) a dashboard user may name as a run's input, so that a
 *        browser cannot make the server read any path it can see; relative folders are resolved against it. Unset,
 *        it is {@code <civicpulse.home>/inbox}. The command line is not limited: its user is at the server already.
 */
@ConfigurationProperties("civicpulse.runs")
public record RunsProperties(Path inputRoot) {
}
