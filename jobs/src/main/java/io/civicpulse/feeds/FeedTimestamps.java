package io.civicpulse.feeds;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.DateTimeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamp rules of feeds.md: {@code YYYY-MM-DD}, {@code T} or a space, {@code hh:mm:ss} with an optional
 * fraction, then optionally {@code Z} or {@code ±hh:mm}. Without an offset the time is local to the city; a
 * local time in a daylight-saving gap moves forward by the gap, one in an overlap takes the earlier offset,
 * which is exactly what {@link LocalDateTime#atZone(ZoneId)} does. Fractions finer than a microsecond are
 * truncated (feeds.md allows any fraction; Spark's timestamps hold microseconds).
 */
final class FeedTimestamps {

    private static final Pattern FORMAT = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|[+-]\\d{2}:\\d{2})?");

    private FeedTimestamps() {
    }

    /** The instant, or {@code null} when the text is not a timestamp of the contract. */
    static Instant parse(String text, ZoneId zone) {
        // Exports almost always write whole seconds without an offset ("2026-01-15T09:30:00"), or UTC with a Z:
        // read at fixed positions, as the pattern would (a profile of ingest showed the regex and
        // LocalDateTime.parse, run for every timestamp of 20 million contacts, taking most of the parser's time).
        int length = text.length();
        if ((length == 19 || length == 20 && text.charAt(19) == 'Z') && plainShape(text)) {
            try {
                LocalDateTime local = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                        number(text, 11, 13), number(text, 14, 16), number(text, 17, 19));
                return length == 19 ? local.atZone(zone).toInstant() : local.toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                return null;
            }
        }
        return parseByPattern(text, zone);
    }

    /** {@code YYYY-MM-DD}, {@code T} or a space, {@code hh:mm:ss}: digits and separators where the pattern has them. */
    private static boolean plainShape(String text) {
        for (int i = 0; i < 19; i++) {
            char c = text.charAt(i);
            boolean fits = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T' || c == ' ';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** Any form of the contract: the general path, and the reference the fixed-position one is tested against. */
    static Instant parseByPattern(String text, ZoneId zone) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(matcher.group(1) + "T" + matcher.group(2));
            String offset = matcher.group(3);
            Instant instant = offset == null ? local.atZone(zone).toInstant() : local.toInstant(ZoneOffset.of(offset));
            // Spark keeps instants to the microsecond; truncating here makes that explicit and the same everywhere.
            return instant.truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            // Well-formed but impossible, such as 2026-02-30 or an offset beyond ±18:00.
            return null;
        }
    }
}
