package io.civicpulse.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * Removes the run's work folder, history versions older than the previous one, and the partition directories that
 * no version kept still names. The previous version stays so that a publication can be traced back one run. Nothing
 * here affects what was published, so a failure to delete is logged, not fatal.
 */
@Component
class CleanupTasklet extends RunStep {

    private static final Logger log = LoggerFactory.getLogger(CleanupTasklet.class);

    private final HistoryStore history;

    CleanupTasklet(SparkSessionProvider spark, CivicPulseProperties properties, RunProgressHub progress,
            HistoryStore history) {
        super(spark, properties, progress);
        this.history = history;
    }

    @Override
    void execute(NightlyRunJobConfiguration.RunContext run, SparkSession session, StepContribution contribution) {
        RunWorkspace workspace = run.workspace();
        try {
            RunWorkspace.deleteRecursively(workspace.workFolder());
            for (Feed feed : Feed.values()) {
                pruneHistory(history.folder(feed), workspace.historyVersion());
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove the work files of run {}: {}", workspace.jobInstanceId(), e.getMessage());
        }
        progress.report(RunProgress.Kind.CLEANUP_DONE);
    }

    /**
     * Deletes the versions before the one preceding {@code current} (versions sort by run number; versions of later,
     * unfinished runs stay for their restart), then the partition directories of earlier runs that no remaining
     * version names.
     */
    static void pruneHistory(Path folder, String current) {
        long currentRun = runNumber(current);
        // Manifests, and whole-feed directories of the layout before partitioning, by run number.
        TreeMap<Long, Path> versions = new TreeMap<>();
        list(folder.resolve(HistoryStore.VERSIONS)).stream().filter(Files::isRegularFile)
                .forEach(manifest -> versions.put(runNumber(manifest), manifest));
        list(folder).stream().filter(Files::isDirectory)
                .forEach(legacy -> versions.putIfAbsent(runNumber(legacy), legacy));
        versions.remove(-1L);
        Long previous = versions.lowerKey(currentRun);
        long keepFrom = previous == null ? currentRun : previous;
        Set<String> named = new HashSet<>();
        for (Map.Entry<Long, Path> version : versions.entrySet()) {
            if (version.getKey() < keepFrom) {
                RunWorkspace.deleteRecursively(version.getValue());
            } else if (Files.isRegularFile(version.getValue())) {
                named.addAll(HistoryManifest.read(version.getValue()).directories(partition -> true));
            }
        }
        for (Path parts : list(folder.resolve(HistoryStore.PARTS))) {
            if (runNumber(parts) < 0 || runNumber(parts) >= currentRun) {
                continue;
            }
            List<Path> partitions = list(parts).stream().filter(Files::isDirectory).toList();
            List<Path> unnamed = partitions.stream().filter(partition -> !named.contains(HistoryStore.PARTS + "/"
                    + parts.getFileName() + "/" + partition.getFileName())).toList();
            if (unnamed.size() == partitions.size()) {
                RunWorkspace.deleteRecursively(parts);
            } else {
                unnamed.forEach(RunWorkspace::deleteRecursively);
            }
        }
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.toList();
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    private static long runNumber(Path version) {
        return runNumber(version.getFileName().toString());
    }

    private static long runNumber(String name) {
        return name.matches("run-\\d+") ? Long.parseLong(name.substring(4)) : -1;
    }
}
