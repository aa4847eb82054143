package io.civicpulse.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Generates feeds into a folder and reads them back the way feeds.md describes them, independently of ingest. */
record GeneratedFeeds(Path directory, GeneratorSettings settings, GenerationSummary summary, List<String> progress) {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)(Z|[+-]\\d{2}:\\d{2})?");

    static GeneratedFeeds generate(Path directory, LocalDate from, LocalDate to, double scale, long seed,
            boolean compress) throws IOException {
        GeneratorSettings settings = new GeneratorSettings(from, to, scale, seed, NEW_YORK, compress);
        List<String> progress = new ArrayList<>();
        GenerationSummary summary = new FeedGenerator(settings).generate(directory, progress::add);
        return new GeneratedFeeds(directory, settings, summary, progress);
    }

    /** A feed's files in name order, as the nightly run reads them. */
    List<Path> files(String feed) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(feed + "-")).sorted().toList();
        }
    }

    /** Every row of the feed, in file order; each row knows its file. */
    List<Row> rows(String feed) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path file : files(feed)) {
            rows.addAll(read(file).rows());
        }
        return rows;
    }

    static Table read(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(reader)) {
            Map<String, Integer> columns = Map.copyOf(parser.getHeaderMap());
            String name = file.getFileName().toString();
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                String[] values = record.values();
                for (int i = 0; i < values.length; i++) {
                    values[i] = values[i].trim();
                }
                rows.add(new Row(name, record.getRecordNumber(), columns, values));
            }
            return new Table(parser.getHeaderNames(), rows);
        }
    }

    /** A timestamp as feeds.md defines it, or an exception naming what is wrong. */
    static Instant instant(String text, ZoneId zone) {
        Matcher matcher = TIMESTAMP.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a contract timestamp: '" + text + "'");
        }
        String iso = matcher.group(1) + "T" + matcher.group(2);
        if (matcher.group(3) != null) {
            return OffsetDateTime.parse(iso + matcher.group(3)).toInstant();
        }
        return ZonedDateTime.ofLocal(LocalDateTime.parse(iso), zone, null).toInstant();
    }

    static boolean hasOffset(String text) {
        Matcher matcher = TIMESTAMP.matcher(text);
        return matcher.matches() && matcher.group(3) != null;
    }

    record Table(List<String> header, List<Row> rows) {
    }

    /** One record; the column index is shared by all records of a file, which keeps a month of rows small. */
    record Row(String file, long number, Map<String, Integer> columns, String[] values) {

        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= values.length) {
                throw new IllegalArgumentException(file + " record " + number + " has no column " + column);
            }
            return values[index];
        }

        boolean has(String column) {
            return !get(column).isEmpty();
        }

        @Override
        public String toString() {
            return file + " record " + number + " " + String.join(",", values);
        }
    }
}
