package io.civicpulse.opendata;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * The date-time spellings 311 portals have published over the years, often several in one export:
 * {@code 03/01/2011 02:27:57 PM}, {@code 3/1/11 14:27}, {@code 2022-01-21 13:47:00}, {@code 2022-01-03 00:11:40.347},
 * ISO-8601 with an offset (Open311). A time without an offset is local to the source's city. A date alone is not a
 * timestamp: it is refused rather than read as midnight, which would invent a time.
 */
final class SourceTimestamps {

    private static final List<DateTimeFormatter> LOCAL = List.of(
            pattern("M/d/uuuu h:mm:ss a"),
            pattern("M/d/uuuu h:mm a"),
            pattern("M/d/uuuu H:mm:ss"),
            pattern("M/d/uuuu H:mm"),
            // Two-digit years: 311 data begins in 2003, so 20yy is the only sensible century.
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("M/d/")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 2000).appendPattern(" H:mm[:ss]")
                    .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("M/d/")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 2000).appendPattern(" h:mm[:ss] a")
                    .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT),
            new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd").appendLiteral(' ')
                    .append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter(Locale.US)
                    .withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private SourceTimestamps() {
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.US)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** The instant, or {@code null} when the text is no timestamp of a known spelling. */
    static Instant parse(String text, ZoneId zone) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
        } catch (DateTimeException e) {
            // not ISO with an offset: try the local spellings
        }
        for (DateTimeFormatter format : LOCAL) {
            try {
                return LocalDateTime.parse(value, format).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                // next spelling
            }
        }
        return null;
    }
}
