package io.civicpulse.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.commons.io.input.BOMInputStream;

/**
 * One input file of a feed. {@code index} is its position among the run's files of that feed in name order:
 * later files replace earlier rows with the same id.
 */
public record FeedFile(String path, String name, int index) implements Serializable {

    static FeedFile of(Path path, int index) {
        return new FeedFile(path.toAbsolutePath().toString(), path.getFileName().toString(), index);
    }

    /** The file's bytes as UTF-8 text without a byte-order mark, decompressed when it ends in {@code .gz}. */
    InputStream open() throws IOException {
        InputStream in = Files.newInputStream(Path.of(path));
        if (name.endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return BOMInputStream.builder().setInputStream(in).get();
    }
}
