package io.civicpulse.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands the steps' progress to whoever started the run, and to the database for every other process's dashboard;
 * runs are serialised, so one listener and one running execution at a time.
 */
@Component
class RunProgressHub {

    private static final Logger log = LoggerFactory.getLogger(RunProgressHub.class);

    private final RunProgressStore store;
    private volatile RunProgressListener listener = RunProgressListener.NONE;
    /** The execution whose steps are running in this process; 0 before the first step. */
    private volatile long execution;

    RunProgressHub(RunProgressStore store) {
        this.store = store;
    }

    void attach(RunProgressListener listener) {
        this.listener = listener;
    }

    void detach() {
        this.listener = RunProgressListener.NONE;
        this.execution = 0;
    }

    /** Called as each step starts: later reports belong to this execution. */
    void running(long jobExecutionId) {
        this.execution = jobExecutionId;
    }

    void report(RunProgress.Kind kind, Object... arguments) {
        RunProgress progress = RunProgress.of(kind, arguments);
        log.info(progress.message());
        listener.progress(progress);
        long current = execution;
        if (current > 0) {
            try {
                store.save(current, progress);
            } catch (RuntimeException e) {
                // Live progress is a courtesy to the dashboard; it never fails the run.
                log.warn("Progress of run {} could not be stored: {}", current, e.toString());
            }
        }
    }
}
