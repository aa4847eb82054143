package io.civicpulse.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits generated feeds into the extracts a city would deliver on two nights: the rows as they stood before a cut
 * (cases closed after it still open), then the rows after it and the cases that changed.
 */
final class NightlyExtracts {

    private NightlyExtracts() {
    }

    /** Writes {@code <feed>-1.csv} into {@code first} and {@code <feed>-2.csv} into {@code second}. */
    static void split(Path generated, Instant cut, ZoneId city, Path first, Path second) throws IOException {
        for (String feed : List.of("contacts", "surveys")) {
            String column = feed.equals("contacts") ? "started_at" : "submitted_at";
            write(generated, feed, first.resolve(feed + "-1.csv"), r -> before(r.get(column), cut, city), r -> r);
            write(generated, feed, second.resolve(feed + "-2.csv"), r -> !before(r.get(column), cut, city), r -> r);
        }
        write(generated, "cases", first.resolve("cases-1.csv"), r -> before(r.get("opened_at"), cut, city),
                r -> closedBy(r, cut, city) ? r : asOpen(r));
        write(generated, "cases", second.resolve("cases-2.csv"), r -> !before(r.get("opened_at"), cut, city)
                || !r.get("closed_at").isEmpty() && !before(r.get("closed_at"), cut, city), r -> r);
    }

    private static boolean closedBy(Map<String, String> row, Instant instant, ZoneId city) {
        return !row.get("closed_at").isEmpty() && before(row.get("closed_at"), instant, city);
    }

    private static Map<String, String> asOpen(Map<String, String> row) {
        Map<String, String> open = new LinkedHashMap<>(row);
        open.put("status", "OPEN");
        open.put("closed_at", "");
        open.put("outcome", "");
        return open;
    }

    private static boolean before(String timestamp, Instant instant, ZoneId city) {
        String t = timestamp.replace(' ', 'T');
        Instant at = t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$") ? OffsetDateTime.parse(t).toInstant()
                : LocalDateTime.parse(t).atZone(city).toInstant();
        return at.isBefore(instant);
    }

    /** Writes the rows of the generated feed that {@code keep} selects, as {@code transform} makes them. */
    private static void write(Path generated, String feed, Path target, Predicate<Map<String, String>> keep,
            UnaryOperator<Map<String, String>> transform) throws IOException {
        List<Path> files;
        try (var listing = Files.list(generated)) {
            files = listing.filter(p -> p.getFileName().toString().startsWith(feed)).sorted().toList();
        }
        List<String> header = null;
        List<Map<String, String>> rows = new ArrayList<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file)) {
                var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
                header = parser.getHeaderNames();
                for (CSVRecord record : parser) {
                    Map<String, String> row = record.toMap();
                    Map<String, String> ordered = new LinkedHashMap<>();
                    header.forEach(name -> ordered.put(name, row.get(name)));
                    if (keep.test(ordered)) {
                        rows.add(transform.apply(ordered));
                    }
                }
            }
        }
        try (Writer writer = Files.newBufferedWriter(target);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get())) {
            for (Map<String, String> row : rows) {
                printer.printRecord(row.values());
            }
        }
    }
}
