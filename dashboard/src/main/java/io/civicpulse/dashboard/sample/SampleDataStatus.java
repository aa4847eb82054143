package io.civicpulse.dashboard.sample;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Where the first-start sample load stands, for every open browser: the loader writes it from its own thread, views
 * poll it. Kept in memory only: after a restart the results are either published or the load starts again.
 */
@Component
public class SampleDataStatus {

    public enum Phase {
        /** Nothing to load: results existed already, or there is no sample folder. */
        IDLE,
        LOADING,
        LOADED,
        FAILED
    }

    /** @param message the latest progress line, the outcome, or the reason for the failure */
    public record Snapshot(Phase phase, String message, Instant at) {

        public boolean loading() {
            return phase == Phase.LOADING;
        }
    }

    private volatile Snapshot current = new Snapshot(Phase.IDLE, "", Instant.now());

    public Snapshot current() {
        return current;
    }

    void loading(String message) {
        current = new Snapshot(Phase.LOADING, message, Instant.now());
    }

    void loaded(String message) {
        current = new Snapshot(Phase.LOADED, message, Instant.now());
    }

    void failed(String reason) {
        current = new Snapshot(Phase.FAILED, reason, Instant.now());
    }
}
