package io.civicpulse.quality;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * How many cases of a department, opened on a local date, broke a rule the canonical feed cannot carry (their rows
 * were rejected by the importer). The importer writes them to {@value #FILE} next to the feeds it writes; the run
 * reads them from its input folder, so they reach the dashboard with the rules it counts itself.
 */
public record QualityCount(Key key, long cases) {

    /** The file name in a feed folder. It matches no feed's prefix, so the run's ingest leaves it alone. */
    public static final String FILE = "import-quality.csv";

    public record Key(String department, LocalDate openedDate, QualityRule rule) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::department)
                .thenComparing(Key::openedDate).thenComparing(Key::rule);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader("department", "opened_date", "rule", "cases").setSkipHeaderRecord(true)
            .setRecordSeparator('\n').get();

    public static void write(Path file, List<QualityCount> counts) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader("department", "opened_date", "rule", "cases").setRecordSeparator('\n').get())) {
            for (QualityCount count : counts) {
                printer.printRecord(count.key().department(), count.key().openedDate(), count.key().rule(),
                        count.cases());
            }
        }
    }

    /** The counts in a feed folder's {@value #FILE}, none when there is none (the folder was not imported). */
    public static List<QualityCount> read(Path folder) {
        Path file = folder.resolve(FILE);
        List<QualityCount> counts = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return counts;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : FORMAT.parse(reader)) {
                counts.add(new QualityCount(new Key(record.get("department"),
                        LocalDate.parse(record.get("opened_date")), QualityRule.valueOf(record.get("rule"))),
                        Long.parseLong(record.get("cases"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + ": not a quality count file (" + e.getMessage() + ")", e);
        }
        return counts;
    }
}
