package io.civicpulse.dashboard.sample;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.civicpulse.dashboard.i18n.Translations;
import io.civicpulse.dashboard.run.RunProgressText;
import io.civicpulse.run.RunProgress;

/**
 * Where the first-start sample load stands, for every open browser: the loader writes it from its own thread, views
 * poll it. Kept in memory only: after a restart the results are either published or the load starts again.
 */
@Component
public class SampleDataStatus {

    static final String STARTING = "sample.starting";
    static final String LOADED = "sample.loaded";
    // A failure's reason comes from the engine (a file, a line, a column) and is shown as it is.
    static final String REASON = "sample.reason";

    public enum Phase {
        /** Nothing to load: results existed already, or there is no sample folder. */
        IDLE,
        LOADING,
        LOADED,
        FAILED
    }

    /**
     * The latest progress line, the outcome, or the reason for the failure, as a translation key and its
     * arguments, so every browser reads it in its own language.
     */
    public record Snapshot(Phase phase, String key, List<Object> arguments, Instant at) {

        public Snapshot {
            arguments = List.copyOf(arguments);
        }

        public boolean loading() {
            return phase == Phase.LOADING;
        }

        public String text(Locale locale) {
            return key.isEmpty() ? "" : RunProgressText.text(key, arguments, locale);
        }

        /** In English, for the log. */
        public String message() {
            return text(Translations.ENGLISH);
        }
    }

    private volatile Snapshot current = new Snapshot(Phase.IDLE, "", List.of(), Instant.now());

    public Snapshot current() {
        return current;
    }

    void starting() {
        current = new Snapshot(Phase.LOADING, STARTING, List.of(), Instant.now());
    }

    void progress(RunProgress progress) {
        current = new Snapshot(Phase.LOADING, progress.kind().key(), progress.arguments(), Instant.now());
    }

    void loaded(long kpiRows, long seconds) {
        current = new Snapshot(Phase.LOADED, LOADED, List.of(kpiRows, seconds), Instant.now());
    }

    void failed(String reason) {
        current = new Snapshot(Phase.FAILED, REASON, List.of(reason), Instant.now());
    }
}
