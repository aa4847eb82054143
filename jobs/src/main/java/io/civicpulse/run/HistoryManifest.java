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
 * folder, and the smallest and largest id in each partition where known. A version shares the directories of the
 * partitions it did not change with the version before it, so a run writes only the partitions it touched and a
 * manifest of a few kilobytes.
 * <p>
 * The id ranges let a run find the partitions that may hold an id it replaces without reading every published id:
 * ids usually grow with time, so a night's new ids fall in no older partition's range. A partition without a range
 * (written before ranges were kept) may hold any id.
 */
record HistoryManifest(SortedMap<String, String> partitions, SortedMap<String, IdRange> idRanges) {

    static final HistoryManifest EMPTY = new HistoryManifest(new TreeMap<>());

    HistoryManifest {
        partitions = new TreeMap<>(partitions);
        idRanges = new TreeMap<>(idRanges);
        idRanges.keySet().retainAll(partitions.keySet());
    }

    HistoryManifest(SortedMap<String, String> partitions) {
        this(partitions, new TreeMap<>());
    }

    /** The smallest and largest id of a partition, as Spark compares strings (by their UTF-8 bytes). */
    record IdRange(String min, String max) {
    }

    /**
     * This version with {@code touched} partitions replaced: those in {@code written} by their new directory, the
     * others (left without rows) dropped.
     */
    HistoryManifest rewritten(Collection<String> touched, Collection<String> written,
            Function<String, String> directory) {
        SortedMap<String, String> next = new TreeMap<>(partitions);
        SortedMap<String, IdRange> ranges = new TreeMap<>(idRanges);
        touched.forEach(next::remove);
        touched.forEach(ranges::remove);
        written.forEach(partition -> next.put(partition, directory.apply(partition)));
        return new HistoryManifest(next, ranges);
    }

    /** This version with the id ranges of some of its partitions set. */
    HistoryManifest withIdRanges(Map<String, IdRange> ranges) {
        SortedMap<String, IdRange> next = new TreeMap<>(idRanges);
        next.putAll(ranges);
        return new HistoryManifest(partitions, next);
    }

    /** The partitions whose ids are unknown: any id may be in them. */
    List<String> withoutIdRange() {
        return partitions.keySet().stream().filter(partition -> !idRanges.containsKey(partition)).toList();
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

    /**
     * Reads a manifest: one line per partition, {@code partition TAB directory}, followed by {@code TAB min TAB max}
     * where the id range is known (ids escaped: backslash, tab, line feed and carriage return as {@code \\},
     * {@code \t}, {@code \n}, {@code \r}).
     */
    static HistoryManifest read(Path file) {
        SortedMap<String, String> partitions = new TreeMap<>();
        SortedMap<String, IdRange> ranges = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                if (fields.length >= 2 && !fields[0].isEmpty()) {
                    partitions.put(fields[0], fields[1]);
                    if (fields.length == 4) {
                        ranges.put(fields[0], new IdRange(unescape(fields[2]), unescape(fields[3])));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HistoryManifest(partitions, ranges);
    }

    /** Writes to a temporary file first and moves it in place, so a killed run never leaves half a manifest. */
    void write(Path file) {
        StringBuilder text = new StringBuilder();
        partitions.forEach((partition, directory) -> {
            text.append(partition).append('\t').append(directory);
            IdRange range = idRanges.get(partition);
            if (range != null) {
                text.append('\t').append(escape(range.min())).append('\t').append(escape(range.max()));
            }
            text.append('\n');
        });
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String id) {
        StringBuilder escaped = new StringBuilder(id.length());
        for (char c : id.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String unescape(String field) {
        StringBuilder id = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                id.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                id.append(c);
            }
        }
        return id.toString();
    }
}
