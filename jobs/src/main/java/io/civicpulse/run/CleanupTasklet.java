package io.civicpulse.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.kpi.Feed;
import io.civicpulse.spark.SparkSessionProvider;

/**
 * Removes the run's work folder and history versions older than the previous one.
 * The previous version stays so that a publication can be traced back one run. Nothing here affects what was
 * published, so a failure to delete is logged, not fatal.
 */
@Component
class CleanupTasklet extends RunStep {

    private static final Logger log = LoggerFactory.getLogger(CleanupTasklet.class);


    CleanupTasklet(SparkSessionProvider spark, CivicPulseProperties properties, RunProgressHub progress) {
        super(spark, properties, progress);
    }

    @Override
    void execute(NightlyRunJobConfiguration.RunContext run, SparkSession session, StepContribution contribution) {
        RunWorkspace workspace = run.workspace();
        try {
            RunWorkspace.deleteRecursively(workspace.workFolder());
            for (Feed feed : Feed.values()) {
                pruneHistory(workspace.history(feed, workspace.historyVersion()).getParent(),
                        workspace.historyVersion());
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove the work files of run {}: {}", workspace.jobInstanceId(), e.getMessage());
        }
        progress.report(RunProgress.Kind.CLEANUP_DONE);
    }

    /** Deletes all versions but the current and the one before it (versions sort by run number). */
    private static void pruneHistory(Path feedHistory, String current) {
        List<Path> versions;
        try (Stream<Path> listing = Files.list(feedHistory)) {
            versions = listing.filter(Files::isDirectory)
                    .sorted((a, b) -> Long.compare(runNumber(a), runNumber(b)))
                    .toList();
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", feedHistory, e.getMessage());
            return;
        }
        int currentIndex = versions.indexOf(feedHistory.resolve(current));
        for (int i = 0; i < currentIndex - 1; i++) {
            RunWorkspace.deleteRecursively(versions.get(i));
        }
    }

    private static long runNumber(Path version) {
        String name = version.getFileName().toString();
        return name.startsWith("run-") ? Long.parseLong(name.substring(4)) : -1;
    }
}
