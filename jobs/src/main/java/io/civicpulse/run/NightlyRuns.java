package io.civicpulse.run;

import org.springframework.stereotype.Service;

/** Starts nightly runs: the Spring Batch job that ingests the feeds and publishes the KPIs. */
@Service
public class NightlyRuns {

    /** Runs (or, after a failure with the same parameters, restarts) the nightly job and waits for it. */
    public RunOutcome run(RunRequest request, RunProgressListener listener) {
        throw new UnsupportedOperationException("being written");
    }
}
