package io.civicpulse.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One history version of one feed: which directory holds each of its partitions, relative to the feed's history
 * folder. A version shares the directories of the partitions it did not change with the version before it, so a
 * run writes only the partitions it touched and a manifest of a few kilobytes.
 */
record HistoryManifest(SortedMap<String, String> partitions) {

    static final HistoryManifest EMPTY = new HistoryManifest(new TreeMap<>());

    HistoryManifest {
        partitions = new TreeMap<>(partitions);
    }

    /**
     * This version with {@code touched} partitions replaced: those in {@code written} by their new directory, the
     * others (left without rows) dropped.
     */
    HistoryManifest rewritten(Collection<String> touched, Collection<String> written,
            Function<String, String> directory) {
        SortedMap<String, String> next = new TreeMap<>(partitions);
        touched.forEach(next::remove);
        written.forEach(partition -> next.put(partition, directory.apply(partition)));
        return new HistoryManifest(next);
    }

    /** The directories of the partitions that KPIs of periods starting on or after {@code since} may need. */
    List<String> needed(LocalDate since) {
        return directories(partition -> HistoryPartitions.needed(partition, since));
    }

    /** The directories of the partitions {@code which} accepts. */
    List<String> directories(Predicate<String> which) {
        List<String> directories = new ArrayList<>();
        for (Map.Entry<String, String> entry : partitions.entrySet()) {
            if (which.test(entry.getKey())) {
                directories.add(entry.getValue());
            }
        }
        return directories;
    }

    static HistoryManifest read(Path file) {
        SortedMap<String, String> partitions = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    partitions.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HistoryManifest(partitions);
    }

    /** Writes to a temporary file first and moves it in place, so a killed run never leaves half a manifest. */
    void write(Path file) {
        StringBuilder text = new StringBuilder();
        partitions.forEach((partition, directory) -> text.append(partition).append('\t').append(directory)
                .append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
