package io.civicpulse.run;

/** Progress of a running run, for the command line and the dashboard. */
@FunctionalInterface
public interface RunProgressListener {

    RunProgressListener NONE = progress -> {
    };

    /** A step's progress; {@link RunProgress#message()} words it in English. */
    void progress(RunProgress progress);
}
