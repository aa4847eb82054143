package io.civicpulse.run;

/**
 * Published as a Spring application event after every nightly run that was asked for, however it ended (refused,
 * failed or published), so features such as alerts and the run history react to runs without the runner knowing
 * them.
 */
public record RunFinished(RunRequest request, RunOutcome outcome) {
}
