package io.civicpulse.feeds;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import io.civicpulse.kpi.Feed;

/**
 * Feeds of an input folder that were not recorded by the city but derived from another feed (the importer derives
 * one contact per request from an open-data export), named in {@value #FILE} with how they were derived. The run
 * says so next to the feed's counts, so nobody reads derived contacts as a contact centre's own data.
 */
public final class DerivedFeeds {

    /** Matches no feed's prefix, so the ingest leaves it alone. */
    public static final String FILE = "derived-feeds.csv";

    private DerivedFeeds() {
    }

    public static void write(Path folder, Map<Feed, String> derivations) throws IOException {
        try (Writer writer = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader("feed", "derived_from").setRecordSeparator('\n').get())) {
            for (Map.Entry<Feed, String> derivation : derivations.entrySet()) {
                printer.printRecord(derivation.getKey().prefix(), derivation.getValue());
            }
        }
    }

    /** The derived feeds of an input folder and how each was derived; none when the folder has no {@value #FILE}. */
    public static Map<Feed, String> read(Path folder) {
        Map<Feed, String> derivations = new EnumMap<>(Feed.class);
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return derivations;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                derivations.put(Feed.valueOf(record.get("feed").toUpperCase(Locale.ROOT)), record.get("derived_from"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IngestException(file + ": " + e.getMessage(), e);
        }
        return derivations;
    }
}
