package io.civicpulse.feeds;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import io.civicpulse.kpi.Feed;

/**
 * Parses and validates one feed file inside a Spark task, streaming, so a file of any size is read once and
 * never held in memory. Each record becomes a row of {@link FeedColumns#parsed(Feed)}: either the typed values,
 * or a rejection naming the column and the reason; the record's first line number is kept either way, which
 * Spark's own CSV reader cannot tell.
 */
final class CsvFeedParser implements FlatMapFunction<FeedFile, Row> {

    static final Set<String> CHANNELS = Set.of("PHONE", "WEB", "MOBILE_APP", "EMAIL", "CHAT", "SOCIAL", "WALK_IN",
            "MAIL", "OTHER");
    static final Set<String> STATUSES = Set.of("OPEN", "CLOSED");
    static final Set<String> OUTCOMES = Set.of("RESOLVED", "NOT_RESOLVED", "REFERRED", "DUPLICATE", "CANCELLED");
    static final String UNKNOWN = "UNKNOWN";

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .get();

    private final Feed feed;
    private final ZoneId zone;

    CsvFeedParser(Feed feed, ZoneId zone) {
        this.feed = feed;
        this.zone = zone;
    }

    @Override
    public Iterator<Row> call(FeedFile file) throws IOException {
        Reader reader = new InputStreamReader(file.open(), StandardCharsets.UTF_8);
        CSVParser parser;
        try {
            parser = FORMAT.parse(reader);
        } catch (IOException | UncheckedIOException e) {
            reader.close();
            throw new IngestException(file.name() + ": cannot be read as CSV: " + e.getMessage(), e);
        }
        Map<String, Integer> header = headerIndex(parser);
        Iterator<CSVRecord> records = parser.iterator();
        int id = FeedColumns.of(feed).fieldIndex(feed.idColumn());
        return new Iterator<>() {
            private long nextLine = parser.getCurrentLineNumber() + 1;
            private String previousId;

            @Override
            public boolean hasNext() {
                try {
                    if (records.hasNext()) {
                        return true;
                    }
                    parser.close();
                    return false;
                } catch (IOException | UncheckedIOException e) {
                    throw new IngestException(file.name() + " line " + nextLine + ": cannot be read as CSV: "
                            + rootMessage(e), e);
                }
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long line = nextLine;
                CSVRecord record = records.next();
                nextLine = parser.getCurrentLineNumber() + 1;
                Object[] row = parse(new Cells(record, header), file, line);
                if (row[row.length - 2] == null) {
                    String rowId = (String) row[id];
                    row[row.length - 1] = previousId == null || rowId.compareTo(previousId) > 0;
                    previousId = rowId;
                }
                return RowFactory.create(row);
            }
        };
    }

    /** Header names, trimmed and lower-cased, to their position; the first of duplicate names wins. */
    static Map<String, Integer> headerIndex(CSVParser parser) {
        Map<String, Integer> index = new HashMap<>();
        var names = parser.getHeaderNames();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        return index;
    }

    private Object[] parse(Cells cells, FeedFile file, long line) {
        try {
            Object[] values = switch (feed) {
                case CONTACTS -> contact(cells);
                case CASES -> caseRow(cells);
                case SURVEYS -> survey(cells);
            };
            return withProvenance(values, file, line, null);
        } catch (Rejection rejection) {
            return withProvenance(new Object[FeedColumns.of(feed).size()], file, line, rejection);
        }
    }

    /** The feed's values followed by {@link FeedColumns#parsed(Feed)}'s provenance columns, in their order. */
    private static Object[] withProvenance(Object[] values, FeedFile file, long line, Rejection rejection) {
        Object[] row = Arrays.copyOf(values, values.length + PROVENANCE_COLUMNS);
        row[values.length] = file.index();
        row[values.length + 1] = line;
        if (rejection != null) {
            row[values.length + 2] = rejection.column;
            row[values.length + 3] = rejection.getMessage();
        }
        return row;
    }

    /** File index, line, reject column, reject reason, id ascending. */
    private static final int PROVENANCE_COLUMNS = 5;

    private Object[] contact(Cells c) {
        Instant startedAt = c.requiredTimestamp("started_at", zone);
        Long wait = c.nonNegativeLong("wait_seconds");
        return new Object[] {
                c.required("contact_id"),
                c.requiredCode("department"),
                c.requiredCode("channel", CHANNELS),
                startedAt,
                localDate(startedAt),
                wait,
                c.nonNegativeLong("handle_seconds"),
                c.bool("abandoned", false),
                c.orUnknown("district"),
                c.optional("case_id") };
    }

    private Object[] caseRow(Cells c) {
        Instant openedAt = c.requiredTimestamp("opened_at", zone);
        Instant closedAt = c.timestamp("closed_at", zone);
        Instant dueAt = c.timestamp("due_at", zone);
        String status = c.requiredCode("status", STATUSES);
        if (closedAt != null && closedAt.isBefore(openedAt)) {
            throw new Rejection("closed_at", "closed_at is before opened_at");
        }
        if (status.equals("CLOSED") && closedAt == null) {
            throw new Rejection("closed_at", "status CLOSED requires closed_at");
        }
        if (status.equals("OPEN") && closedAt != null) {
            throw new Rejection("closed_at", "status OPEN requires closed_at to be empty");
        }
        String outcome = c.code("outcome", OUTCOMES);
        if (status.equals("CLOSED") && outcome == null) {
            outcome = "RESOLVED";
        }
        Long reopened = c.nonNegativeLong("reopened_count");
        return new Object[] {
                c.required("case_id"),
                c.requiredCode("department"),
                c.required("service"),
                c.requiredCode("channel", CHANNELS),
                c.orUnknown("district"),
                openedAt,
                localDate(openedAt),
                closedAt,
                closedAt == null ? null : localDate(closedAt),
                dueAt,
                status,
                status.equals("CLOSED") ? outcome : null,
                reopened == null ? 0 : Math.toIntExact(Math.min(reopened, Integer.MAX_VALUE)),
                c.bool("first_contact_resolution", null) };
    }

    private Object[] survey(Cells c) {
        Instant submittedAt = c.requiredTimestamp("submitted_at", zone);
        Integer csat = c.intInRange("csat", 1, 5);
        Integer nps = c.intInRange("nps", 0, 10);
        Integer ces = c.intInRange("ces", 1, 7);
        if (csat == null && nps == null && ces == null) {
            throw new Rejection("csat", "none of csat, nps, ces is given");
        }
        String language = c.optional("language");
        return new Object[] {
                c.required("response_id"),
                c.requiredCode("department"),
                c.requiredCode("channel", CHANNELS),
                submittedAt,
                localDate(submittedAt),
                c.orUnknown("service"),
                c.orUnknown("district"),
                c.optional("case_id"),
                csat,
                nps,
                ces,
                CommentMasker.mask(c.optional("comment")),
                language == null ? null : language.toLowerCase(Locale.ROOT) };
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** A rule of feeds.md that a record breaks; the record goes to the reject report. */
    static final class Rejection extends RuntimeException {
        final String column;

        Rejection(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }
    }

    /** One record's cells by column name, trimmed, empty meaning missing. */
    private record Cells(CSVRecord record, Map<String, Integer> header) {

        String optional(String column) {
            Integer i = header.get(column);
            if (i == null || i >= record.size()) {
                return null;
            }
            String value = record.get(i);
            return value == null || value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = optional(column);
            if (value == null) {
                throw new Rejection(column, "missing required value");
            }
            return value;
        }

        String requiredCode(String column) {
            return required(column).toUpperCase(Locale.ROOT);
        }

        String requiredCode(String column, Set<String> allowed) {
            String code = requiredCode(column);
            return checkCode(column, code, allowed);
        }

        String code(String column, Set<String> allowed) {
            String value = optional(column);
            return value == null ? null : checkCode(column, value.toUpperCase(Locale.ROOT), allowed);
        }

        private static String checkCode(String column, String code, Set<String> allowed) {
            if (!allowed.contains(code)) {
                throw new Rejection(column, "unknown " + column + " '" + code + "'");
            }
            return code;
        }

        String orUnknown(String column) {
            String value = optional(column);
            return value == null ? UNKNOWN : value;
        }

        Instant timestamp(String column, ZoneId zone) {
            String value = optional(column);
            if (value == null) {
                return null;
            }
            Instant instant = FeedTimestamps.parse(value, zone);
            if (instant == null) {
                throw new Rejection(column, "unparseable timestamp '" + value + "'");
            }
            return instant;
        }

        Instant requiredTimestamp(String column, ZoneId zone) {
            required(column);
            return timestamp(column, zone);
        }

        Long nonNegativeLong(String column) {
            String value = optional(column);
            if (value == null) {
                return null;
            }
            try {
                long parsed = Long.parseLong(value);
                if (parsed >= 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new Rejection(column, column + " must be an integer >= 0, was '" + value + "'");
        }

        Integer intInRange(String column, int min, int max) {
            String value = optional(column);
            if (value == null) {
                return null;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new Rejection(column, column + " must be an integer from " + min + " to " + max + ", was '"
                    + value + "'");
        }

        Boolean bool(String column, Boolean missing) {
            String value = optional(column);
            if (value == null) {
                return missing;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "y", "yes", "1" -> Boolean.TRUE;
                case "false", "n", "no", "0" -> Boolean.FALSE;
                default -> throw new Rejection(column, column + " must be a boolean (true/false, y/n, yes/no, 1/0),"
                        + " was '" + value + "'");
            };
        }
    }
}
