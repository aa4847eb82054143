package io.civicpulse.opendata;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.civicpulse.feeds.IngestException;

/**
 * A 311 CSV export. The header is matched to the mapping's fields by {@link CaseMapping#headerKey}, so
 * {@code Created Date}, {@code CREATED_DATE} and {@code createddate} are one field; columns the mapping does not
 * name (and empty trailing ones) are ignored, and a short row's missing cells are missing values. Each request
 * keeps its first line number, which quoted newlines make differ from its record number.
 */
final class CsvSourceReader implements SourceReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final String file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    /** logical field → column index */
    private final Map<String, Integer> columns = new HashMap<>();
    private long nextLine;

    CsvSourceReader(Path path, CaseMapping mapping) throws IOException {
        this.file = path.getFileName().toString();
        Reader reader = SourceReader.text(path);
        this.parser = FORMAT.parse(reader);
        this.records = parser.iterator();
        if (!records.hasNext()) {
            parser.close();
            throw new IngestException(file + ": the file is empty, it has no header row");
        }
        Map<String, Integer> headerIndex = new HashMap<>();
        CSVRecord header = records.next();
        for (int i = 0; i < header.size(); i++) {
            headerIndex.putIfAbsent(CaseMapping.headerKey(header.get(i)), i);
        }
        for (Map.Entry<String, List<String>> field : mapping.fields().entrySet()) {
            field.getValue().stream().map(CaseMapping::headerKey).filter(headerIndex::containsKey).findFirst()
                    .ifPresent(key -> columns.put(field.getKey(), headerIndex.get(key)));
        }
        for (String required : mapping.requiredFields()) {
            if (!columns.containsKey(required)) {
                parser.close();
                throw new IngestException(file + ": no column '" + required + "' (nor any other spelling of it: "
                        + String.join(", ", mapping.fields().get(required)) + ")");
            }
        }
        this.nextLine = parser.getCurrentLineNumber() + 1;
    }

    @Override
    public SourceRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            long line = nextLine;
            nextLine = parser.getCurrentLineNumber() + 1;
            Map<String, String> values = new HashMap<>();
            columns.forEach((field, index) -> {
                if (index < record.size()) {
                    values.put(field, record.get(index));
                }
            });
            return new SourceRow(file, line, values);
        } catch (UncheckedIOException e) {
            throw new IngestException(file + " line " + nextLine + ": not readable as CSV ("
                    + e.getCause().getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
