package io.civicpulse.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cleanup keeps the current and previous history versions and every partition directory they name. */
class HistoryCleanupTests {

    @Test
    void removesOlderVersionsAndThePartitionsOnlyTheyNamed(@TempDir Path folder) throws IOException {
        // given a feed's history in the old layout (run-1), then three partitioned versions
        Files.createDirectories(folder.resolve("run-1"));
        version(folder, "run-2", Map.of("2026-03-01", "parts/run-2/part=2026-03-01", "open", "parts/run-2/part=open"));
        version(folder, "run-3", Map.of("2026-03-01", "parts/run-2/part=2026-03-01", "open", "parts/run-3/part=open",
                "2026-03-02", "parts/run-3/part=2026-03-02"));
        version(folder, "run-4", Map.of("2026-03-01", "parts/run-2/part=2026-03-01", "open", "parts/run-4/part=open",
                "2026-03-02", "parts/run-3/part=2026-03-02"));
        // and partitions a later, unfinished run is writing
        Files.createDirectories(folder.resolve("parts/run-5/part=open"));

        // when run 4 cleans up
        CleanupTasklet.pruneHistory(folder, "run-4");

        // then versions 3 and 4 remain with every directory they name; run 2's open partition, which only version 2
        // named, and the old layout's version are gone; the unfinished run's partitions stay
        assertThat(folder.resolve("run-1")).doesNotExist();
        assertThat(folder.resolve("versions/run-2")).doesNotExist();
        assertThat(folder.resolve("versions/run-3")).exists();
        assertThat(folder.resolve("parts/run-2/part=open")).doesNotExist();
        for (String kept : new String[] { "parts/run-2/part=2026-03-01", "parts/run-3/part=open",
                "parts/run-3/part=2026-03-02", "parts/run-4/part=open", "parts/run-5/part=open" }) {
            assertThat(folder.resolve(kept)).as(kept).isDirectory();
        }
    }

    private static void version(Path folder, String version, Map<String, String> partitions) throws IOException {
        new HistoryManifest(new TreeMap<>(partitions)).write(folder.resolve("versions").resolve(version));
        for (String directory : partitions.values()) {
            Files.createDirectories(folder.resolve(directory));
        }
    }
}
