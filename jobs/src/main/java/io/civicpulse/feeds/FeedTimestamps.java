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
