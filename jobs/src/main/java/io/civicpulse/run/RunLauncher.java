package io.civicpulse.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Starts nightly runs in the background, for the dashboard: a run takes minutes and must never hold a web request's
 * thread. One thread, since runs are serialised anyway (a second request waits for the lock, or is refused by
 * {@link NightlyRuns} when another process holds it).
 */
@Service
public class RunLauncher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final NightlyRuns runs;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("civicpulse-run").daemon(true).factory());

    RunLauncher(NightlyRuns runs) {
        this.runs = runs;
    }

    /** Starts the run and returns at once; the future completes with how it ended. */
    public CompletableFuture<RunOutcome> start(RunRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            RunOutcome outcome = runs.run(request, RunProgressListener.NONE);
            log.info("Run {} ({}) ended: {}", outcome.jobExecutionId(), request.trigger(),
                    outcome.succeeded() ? "published" : outcome.failure());
            return outcome;
        }, executor);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
