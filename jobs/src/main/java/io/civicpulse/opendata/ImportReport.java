package io.civicpulse.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.civicpulse.quality.QualityCount;

/**
 * What an import reports besides the canonical rows: every row it rejected (streamed to a file as it goes, file,
 * line, field and reason, like the run's reject report), every source value that became {@code OTHER} with its
 * count, and the data-quality rules of rejected rows per department and local date, which the run shows in the
 * dashboard.
 */
final class ImportReport implements AutoCloseable {

    static final String REJECTS = "import-rejects.csv";
    static final String WARNINGS = "import-warnings.csv";

    private final CSVPrinter rejects;
    private long rejected;
    /** field → source value → [reason, count]; sorted, so the report reads the same on every import. */
    private final Map<String, Map<String, Other>> others = new TreeMap<>();
    private final Map<QualityCount.Key, Long> quality = new TreeMap<>();

    private static final class Other {
        final String reason;
        long rows;

        Other(String reason) {
            this.reason = reason;
        }
    }

    ImportReport(Path rejectsFile) throws IOException {
        Writer writer = Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8);
        this.rejects = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader("file", "line", "field", "reason").setRecordSeparator('\n').get());
    }

    void rejected(String file, long line, RowRejected reason, ZoneId zone) {
        rejected++;
        try {
            rejects.printRecord(file, line, reason.field(), reason.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (reason.rule() != null) {
            CanonicalCase mapped = reason.mapped();
            quality.merge(new QualityCount.Key(mapped.department(), LocalDate.ofInstant(mapped.openedAt(), zone),
                    reason.rule()), 1L, Long::sum);
        }
    }

    void mappedToOther(String field, String sourceValue, String reason) {
        others.computeIfAbsent(field, f -> new TreeMap<>()).computeIfAbsent(sourceValue, v -> new Other(reason))
                .rows++;
    }

    long rejected() {
        return rejected;
    }

    /** Rows mapped to OTHER, per field, in field order. */
    Map<String, Long> otherCounts() {
        Map<String, Long> counts = new TreeMap<>();
        others.forEach((field, values) -> counts.put(field,
                values.values().stream().mapToLong(o -> o.rows).sum()));
        return counts;
    }

    List<QualityCount> qualityCounts() {
        List<QualityCount> counts = new ArrayList<>();
        quality.forEach((key, cases) -> counts.add(new QualityCount(key, cases)));
        return counts;
    }

    void writeWarnings(Path file) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader("field", "source_value", "mapped_to", "rows", "reason")
                        .setRecordSeparator('\n').get())) {
            for (var field : others.entrySet()) {
                for (var value : field.getValue().entrySet()) {
                    printer.printRecord(field.getKey(), value.getKey(), CanonicalCase.OTHER, value.getValue().rows,
                            value.getValue().reason);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        rejects.close();
    }
}
