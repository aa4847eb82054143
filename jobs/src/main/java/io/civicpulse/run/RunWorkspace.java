package io.civicpulse.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.civicpulse.kpi.Feed;

/**
 * Where a run keeps its files under {@code civicpulse.home}. A run's intermediate files are keyed by its job
 * instance, so a restarted run finds what the failed attempt already finished. The ingested history is kept in
 * versions; the published version is named in the database together with the results it produced.
 */
record RunWorkspace(Path home, long jobInstanceId) {

    Path workFolder() {
        return home.resolve("work").resolve("run-" + jobInstanceId);
    }

    Path parsed(Feed feed) {
        return workFolder().resolve("parsed").resolve(feed.prefix());
    }

    /** The ids more than one valid row of the feed's input carries: what ingest ranks to keep the latest. */
    Path duplicatedIds(Feed feed) {
        return workFolder().resolve("duplicated-ids").resolve(feed.prefix());
    }

    Path staged(Feed feed) {
        return workFolder().resolve("staged").resolve(feed.prefix());
    }

    Path kpis() {
        return workFolder().resolve("kpis");
    }

    /** The masked survey comments of the run's window, handed from compute to publish like the KPI rows. */
    Path comments() {
        return workFolder().resolve("comments");
    }

    /** The data-quality counts of the run's periods, handed from compute to publish like the KPI rows. */
    Path quality() {
        return workFolder().resolve("quality");
    }

    /** The history version this run writes. */
    String historyVersion() {
        return "run-" + jobInstanceId;
    }

    static Path historyRoot(Path home) {
        return home.resolve("history");
    }

    /** The run's reject report, kept for the {@code rejects} command and the dashboard. */
    Path rejectReport() {
        return rejectReport(home, jobInstanceId);
    }

    static Path rejectReport(Path home, long jobInstanceId) {
        return home.resolve("reports").resolve("run-" + jobInstanceId).resolve("rejects.csv");
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
