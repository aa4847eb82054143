package io.civicpulse.opendata;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.civicpulse.feeds.DerivedFeeds;
import io.civicpulse.feeds.IngestException;
import io.civicpulse.kpi.Feed;
import io.civicpulse.quality.QualityCount;

/**
 * {@code import}: translates one open-data export into the canonical feeds of feeds.md, streaming, so
 * {@code run --input=DIR} ingests them unchanged. Writes into DIR
 * <ul>
 * <li>{@code cases-<format>.csv}: one case per request that could be mapped;
 * <li>{@code contacts-<format>-derived.csv}: one contact per request that came in by a resident's channel, named
 * as derived in {@value DerivedFeeds#FILE};
 * <li>{@code import-rejects.csv} (file, line, field, reason), {@code import-warnings.csv} (every source value that
 * became OTHER, with its count and why) and {@value QualityCount#FILE} (rejected rows under a data-quality rule,
 * per department and local date, for the run to show).
 * </ul>
 * Every request is either a case or a rejected row. Feed files are written under a temporary name and moved into
 * place at the end, so a failed import never leaves half a feed for a run to read.
 */
public final class OpenDataImport {

    private static final String[] CASE_COLUMNS = { "case_id", "department", "service", "channel", "district",
            "opened_at", "closed_at", "due_at", "status", "outcome" };
    private static final String[] CONTACT_COLUMNS = { "contact_id", "department", "channel", "started_at",
            "district", "case_id" };
    private static final int PROGRESS_EVERY = 100_000;
    /** feeds.md's spelling: seconds always written (ISO_OFFSET_DATE_TIME drops :00), a fraction only when there is one. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .appendOffsetId().toFormatter(Locale.ROOT);

    private final SourceFormat format;
    private final ZoneId zone;

    /** @param zone the time zone of the export's local times (the source city's) */
    public OpenDataImport(SourceFormat format, ZoneId zone) {
        this.format = format;
        this.zone = zone;
    }

    public ImportSummary run(Path input, Path output, Consumer<String> progress) throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new IngestException(input + ": no such file");
        }
        Files.createDirectories(output);
        CaseMapping mapping = mapping();
        Path cases = output.resolve("cases-" + format.option() + ".csv");
        Path contacts = output.resolve("contacts-" + format.option() + "-derived.csv");
        Path rejects = output.resolve(ImportReport.REJECTS);
        List<Path> partials = List.of(partial(cases), partial(contacts), partial(rejects));
        long inputRows = 0;
        long caseRows = 0;
        long contactRows = 0;
        LocalDate first = null;
        LocalDate last = null;
        try (SourceReader reader = reader(input, mapping);
                ImportReport report = new ImportReport(partial(rejects));
                CSVPrinter caseOut = printer(partial(cases), CASE_COLUMNS);
                CSVPrinter contactOut = printer(partial(contacts), CONTACT_COLUMNS)) {
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                inputRows++;
                try {
                    CanonicalCase c = mapping.map(row, report);
                    caseOut.printRecord(c.caseId(), c.department(), c.service(), c.channel(), c.district(),
                            time(c.openedAt()), time(c.closedAt()), time(c.dueAt()), c.status(), c.outcome());
                    caseRows++;
                    LocalDate opened = LocalDate.ofInstant(c.openedAt(), zone);
                    LocalDate latest = c.closedAt() == null ? opened : LocalDate.ofInstant(c.closedAt(), zone);
                    first = first == null || opened.isBefore(first) ? opened : first;
                    last = last == null || latest.isAfter(last) ? latest : last;
                    if (c.residentContact()) {
                        contactOut.printRecord(c.caseId(), c.department(), c.channel(), time(c.openedAt()),
                                c.district(), c.caseId());
                        contactRows++;
                    }
                } catch (RowRejected e) {
                    report.rejected(row.file(), row.line(), e, zone);
                }
                if (inputRows % PROGRESS_EVERY == 0) {
                    progress.accept("%,d requests read".formatted(inputRows));
                }
            }
            report.close();
            report.writeWarnings(output.resolve(ImportReport.WARNINGS));
            QualityCount.write(output.resolve(QualityCount.FILE), report.qualityCounts());
            caseOut.close();
            contactOut.close();
            moveIntoPlace(partial(cases), cases);
            moveIntoPlace(partial(contacts), contacts);
            moveIntoPlace(partial(rejects), rejects);
            DerivedFeeds.write(output, Map.of(Feed.CONTACTS, "import --format=" + format.option() + " of "
                    + input.getFileName() + ": one contact per request that came in by a resident's channel,"
                    + " at its creation time, without wait or handle times"));
            if (first != null) {
                writeDateRange(output, input, first, last);
            }
            return new ImportSummary(input, output, inputRows, caseRows, contactRows, report.rejected(),
                    report.otherCounts(), report.qualityCounts());
        } finally {
            for (Path partial : partials) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /**
     * The dates the cases span, from the first opening to the last closure, in the file the dashboard's first-start
     * loader reads ({@code civicpulse.dashboard.sample-data}, written by {@code generate} for synthetic feeds): so
     * pointing the dashboard at DIR shows the import with no date to type.
     */
    private void writeDateRange(Path output, Path input, LocalDate first, LocalDate last) throws IOException {
        Files.writeString(output.resolve("generation.properties"), """
                # Written by import --format=%s of %s: the local dates its cases span (opened to last closed)
                from=%s
                to=%s
                time-zone=%s
                """.formatted(format.option(), input.getFileName(), first, last, zone.getId()), StandardCharsets.UTF_8);
    }

    private CaseMapping mapping() {
        return switch (format) {
            case NYC311 -> new Nyc311Mapping(zone);
            case LA311 -> new La311Mapping(zone);
            case BOSTON311 -> new Boston311Mapping(zone);
            case OPEN311 -> new Open311Mapping(zone);
        };
    }

    private SourceReader reader(Path input, CaseMapping mapping) throws IOException {
        if (format != SourceFormat.OPEN311) {
            return new CsvSourceReader(input, mapping);
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".xml")) {
            return new Open311XmlReader(input);
        }
        if (name.endsWith(".json")) {
            return new Open311JsonReader(input);
        }
        throw new IngestException(input.getFileName() + ": an Open311 GeoReport v2 export is .json or .xml");
    }

    private static Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    private static CSVPrinter printer(Path file, String[] columns) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(columns).setRecordSeparator('\n').get());
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** ISO-8601 with the source city's offset: the instant is exact whatever zone the run is configured with. */
    private String time(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant.atZone(zone));
    }
}
