package io.civicpulse.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code part=P} directories a partitioned Parquet write leaves, handled as whole folders: ingest's valid
 * partitions become the staged rows by a rename, and history adopts a staged partition that no published row shares
 * by linking its files into the new version (decision 14). Nothing here reads or writes a row.
 */
final class PartitionFolders {

    private static final String PREFIX = HistoryPartitions.COLUMN + "=";

    private PartitionFolders() {
    }

    /** The partitions that have a directory in {@code folder}, by name. */
    static Set<String> list(Path folder) {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (Stream<Path> listing = Files.list(folder)) {
            listing.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(PREFIX)).forEach(name -> names.add(name.substring(PREFIX.length())));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    static Path of(Path folder, String partition) {
        return folder.resolve(PREFIX + partition);
    }

    /** Moves every partition directory but {@link HistoryPartitions#REJECTED}'s from one folder to another. */
    static void moveValid(Path from, Path to) {
        try {
            Files.createDirectories(to);
            for (String partition : list(from)) {
                if (!partition.equals(HistoryPartitions.REJECTED)) {
                    Files.move(of(from, partition), of(to, partition));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the partitions of " + from + " to " + to, e);
        }
    }

    /**
     * Gives {@code to} the files of {@code from}: hard links where the file system has them (no byte is copied, and
     * {@code from} stays whole for a restarted step), copies where it has not.
     */
    static void link(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(file.getFileName());
                try {
                    Files.createLink(target, file);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link " + from + " to " + to, e);
        }
    }
}
