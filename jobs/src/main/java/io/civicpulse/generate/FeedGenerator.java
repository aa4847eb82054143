package io.civicpulse.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes synthetic contacts, cases and surveys feeds (feeds.md) for a sample city: one file per feed and calendar
 * month, plus {@code generation.properties} recording how they were made. Rows are streamed to disk a day at a time;
 * the same settings always give byte-identical files.
 */
public final class FeedGenerator {

    /** Written next to the feeds; the dashboard reads {@code from} and {@code to} from it. */
    public static final String PROPERTIES_FILE = "generation.properties";

    private static final int BUFFER = 1 << 16;

    private final GeneratorSettings settings;

    public FeedGenerator(GeneratorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The sample city's departments and their services, in a fixed order. */
    public static List<Department> catalogue() {
        return SampleCity.DEPARTMENTS.stream().map(SampleCity.DepartmentModel::department).toList();
    }

    /** The sample city's district codes, {@code CD01}..{@code CD12}. */
    public static List<String> districts() {
        return SampleCity.DISTRICTS.stream().map(SampleCity.DistrictModel::code).toList();
    }

    /** Writes the feeds into outputDir (created if missing) and returns counts; reports progress per month written. */
    public GenerationSummary generate(Path outputDir, Consumer<String> progress) throws IOException {
        Objects.requireNonNull(outputDir, "outputDir");
        Consumer<String> report = progress == null ? message -> { } : progress;
        Files.createDirectories(outputDir);
        CitySimulation city = new CitySimulation(settings);
        List<Path> files = new ArrayList<>();
        long contacts = 0;
        long cases = 0;
        long surveys = 0;
        MonthFiles month = null;
        try {
            for (LocalDate day = settings.from(); !day.isAfter(settings.to()); day = day.plusDays(1)) {
                YearMonth yearMonth = YearMonth.from(day);
                if (month == null || !month.month.equals(yearMonth)) {
                    if (month != null) {
                        month.close();
                        report.accept(month.summary());
                    }
                    month = new MonthFiles(outputDir, yearMonth, settings.compress(), files);
                }
                FeedRows.Day rows = city.simulate(day);
                month.contacts.write(rows.contacts());
                month.cases.write(rows.cases());
                month.surveys.write(rows.surveys());
                contacts += rows.contacts().size();
                cases += rows.cases().size();
                surveys += rows.surveys().size();
            }
            month.close();
            report.accept(month.summary());
            month = null;
        } finally {
            if (month != null) {
                month.closeQuietly();
            }
        }
        Path properties = outputDir.resolve(PROPERTIES_FILE);
        writeProperties(properties, contacts, cases, surveys);
        files.add(properties);
        return new GenerationSummary(contacts, cases, surveys, files);
    }

    /**
     * Written by hand rather than with {@code Properties.store}, which adds the current time and would make two
     * runs with the same seed differ.
     */
    private void writeProperties(Path file, long contacts, long cases, long surveys) throws IOException {
        String text = """
                # Synthetic CivicPulse feeds written by the generate command; same settings give the same files.
                from=%s
                to=%s
                scale=%s
                seed=%d
                time-zone=%s
                compress=%s
                contacts=%d
                cases=%d
                surveys=%d
                """.formatted(settings.from(), settings.to(),
                BigDecimal.valueOf(settings.scale()).stripTrailingZeros().toPlainString(), settings.seed(),
                settings.zone().getId(), settings.compress(), contacts, cases, surveys);
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
    }

    /** The three files of one calendar month, open while its days are written. */
    private static final class MonthFiles {
        final YearMonth month;
        final FeedFile contacts;
        final FeedFile cases;
        final FeedFile surveys;

        MonthFiles(Path directory, YearMonth month, boolean compress, List<Path> files) throws IOException {
            this.month = month;
            this.contacts = new FeedFile(directory, "contacts", month, compress, FeedRows.CONTACT_HEADER, files);
            FeedFile casesFile = null;
            FeedFile surveysFile = null;
            try {
                casesFile = new FeedFile(directory, "cases", month, compress, FeedRows.CASE_HEADER, files);
                surveysFile = new FeedFile(directory, "surveys", month, compress, FeedRows.SURVEY_HEADER, files);
            } catch (IOException | RuntimeException e) {
                contacts.closeQuietly();
                if (casesFile != null) {
                    casesFile.closeQuietly();
                }
                throw e;
            }
            this.cases = casesFile;
            this.surveys = surveysFile;
        }

        void close() throws IOException {
            try (FeedFile c = contacts; FeedFile k = cases; FeedFile s = surveys) {
                // try-with-resources closes all three and keeps the first failure
            }
        }

        void closeQuietly() {
            contacts.closeQuietly();
            cases.closeQuietly();
            surveys.closeQuietly();
        }

        String summary() {
            return String.format(Locale.ROOT, "%s: %,d contacts, %,d cases, %,d survey responses", month,
                    contacts.rows, cases.rows, surveys.rows);
        }
    }

    /**
     * One feed file. Records are printed into a plain {@link StringBuilder} and handed to the writer in large
     * chunks: Commons CSV appends cell by cell, and every append on a {@code Writer} takes its lock.
     */
    private static final class FeedFile implements AutoCloseable {
        private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

        private final Writer writer;
        private final StringBuilder pending = new StringBuilder(2 * BUFFER);
        private final CSVPrinter printer;
        long rows;

        FeedFile(Path directory, String feed, YearMonth month, boolean compress, String[] header, List<Path> files)
                throws IOException {
            Path file = directory.resolve(feed + "-" + month + (compress ? ".csv.gz" : ".csv"));
            OutputStream out = Files.newOutputStream(file);
            try {
                if (compress) {
                    out = new GZIPOutputStream(out, BUFFER);
                }
                writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
                printer = new CSVPrinter(pending, FORMAT);
                printer.printRecord((Object[]) header);
            } catch (IOException | RuntimeException e) {
                out.close();
                throw e;
            }
            files.add(file);
        }

        void write(List<String[]> records) throws IOException {
            for (String[] record : records) {
                printer.printRecord((Object[]) record);
                if (pending.length() >= BUFFER) {
                    drain();
                }
            }
            rows += records.size();
        }

        private void drain() throws IOException {
            writer.append(pending);
            pending.setLength(0);
        }

        @Override
        public void close() throws IOException {
            try (Writer closing = writer) {
                drain();
            }
        }

        void closeQuietly() {
            try {
                writer.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one reported
            }
        }
    }
}
