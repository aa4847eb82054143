package io.civicpulse.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The feed files of an input folder as feeds.md defines them: {@code contacts*.csv}, {@code cases*.csv},
 * {@code surveys*.csv} (optionally {@code .gz}), in name order, which is the order in which a later row replaces an
 * earlier one of the same id.
 */
record FeedFiles(List<Path> contacts, List<Path> cases, List<Path> surveys) {

    /** The loaded columns of each feed's raw table (raw-feeds.sql), in that table's order. */
    static final List<String> CONTACT_COLUMNS = List.of("contact_id", "department", "channel", "started_at",
            "wait_seconds", "handle_seconds", "abandoned", "district", "case_id");
    static final List<String> CASE_COLUMNS = List.of("case_id", "department", "service", "channel", "district",
            "opened_at", "closed_at", "due_at", "status", "outcome", "reopened_count", "first_contact_resolution");
    static final List<String> SURVEY_COLUMNS = List.of("response_id", "department", "channel", "submitted_at",
            "service", "district", "case_id", "csat", "nps", "ces", "comment", "language");

    static FeedFiles in(Path folder) throws IOException {
        return new FeedFiles(files(folder, "contacts"), files(folder, "cases"), files(folder, "surveys"));
    }

    private static List<Path> files(Path folder, String prefix) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && (name.endsWith(".csv") || name.endsWith(".csv.gz"));
            }).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }

    /** A feed file's bytes, decompressed, without a leading byte-order mark. */
    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        in = new java.io.BufferedInputStream(in, 1 << 16);
        in.mark(3);
        byte[] start = in.readNBytes(3);
        if (!Arrays.equals(start, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF })) {
            in.reset();
        }
        return in;
    }

    /**
     * The header's column names, trimmed and lower-cased (feeds.md matches names case-insensitively), checked
     * against the columns the raw table has: an unknown column is refused rather than silently mis-loaded.
     */
    static List<String> header(Path file, List<String> known) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line == null) {
                throw new IOException(file + " is empty");
            }
            List<String> columns = new ArrayList<>();
            for (String name : line.split(",", -1)) {
                String column = name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!known.contains(column)) {
                    throw new IOException(file + ": column '" + column + "' is not one the SQL engines load");
                }
                columns.add(column);
            }
            return columns;
        }
    }
}
