package io.civicpulse.run;

/** Progress of a running run, for the command line and the dashboard. */
@FunctionalInterface
public interface RunProgressListener {

    RunProgressListener NONE = message -> {
    };

    /** A short human-readable line, such as "ingest: contacts 540,112 rows read, 0 rejected". */
    void progress(String message);
}
