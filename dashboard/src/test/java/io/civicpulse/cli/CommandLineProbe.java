package io.civicpulse.cli;

import org.springframework.stereotype.Component;

/**
 * Stands for the batch command line's runner, which lives in this package in the jobs module: the dashboard's
 * component scan must never pick up anything here ({@code CityOverviewViewTests} checks it does not).
 */
@Component
public class CommandLineProbe {
}
