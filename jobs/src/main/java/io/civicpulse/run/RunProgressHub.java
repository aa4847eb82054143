package io.civicpulse.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Hands the steps' progress to whoever started the run; runs are serialised, so one listener at a time. */
@Component
class RunProgressHub {

    private static final Logger log = LoggerFactory.getLogger(RunProgressHub.class);

    private volatile RunProgressListener listener = RunProgressListener.NONE;

    void attach(RunProgressListener listener) {
        this.listener = listener;
    }

    void detach() {
        this.listener = RunProgressListener.NONE;
    }

    void report(RunProgress.Kind kind, Object... arguments) {
        RunProgress progress = RunProgress.of(kind, arguments);
        log.info(progress.message());
        listener.progress(progress);
    }
}
