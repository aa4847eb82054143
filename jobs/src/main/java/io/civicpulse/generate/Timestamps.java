package io.civicpulse.generate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.random.RandomGenerator;

/**
 * Writes instants the way real exports do: mostly local wall-clock time without offset, a few with the zone's
 * offset, a few with a space instead of {@code T}. A local time that is ambiguous (in a daylight-saving overlap)
 * always gets its offset, because the contract would otherwise read it as the earlier of the two instants.
 */
final class Timestamps {

    static final int LOCAL = 0;
    static final int LOCAL_WITH_SPACE = 1;
    static final int WITH_OFFSET = 2;

    private static final double OFFSET_SHARE = 0.03;
    private static final double SPACE_SHARE = 0.01;

    private final ZoneRules rules;

    Timestamps(ZoneId zone) {
        this.rules = zone.getRules();
    }

    static int style(RandomGenerator random) {
        double u = random.nextDouble();
        return u < OFFSET_SHARE ? WITH_OFFSET : u < OFFSET_SHARE + SPACE_SHARE ? LOCAL_WITH_SPACE : LOCAL;
    }

    String format(long epochSecond, int style) {
        ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(epochSecond));
        LocalDateTime local = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
        if (style != WITH_OFFSET && rules.getTransition(local) != null) {
            style = WITH_OFFSET;
        }
        if (style == WITH_OFFSET && offset.getTotalSeconds() % 60 != 0 && rules.getTransition(local) == null) {
            // historic local-mean-time offsets have seconds, which ±hh:mm cannot carry; the local form is exact
            style = LOCAL;
        }
        StringBuilder text = new StringBuilder(25);
        pad(text, local.getYear(), 4).append('-');
        pad(text, local.getMonthValue(), 2).append('-');
        pad(text, local.getDayOfMonth(), 2).append(style == LOCAL_WITH_SPACE ? ' ' : 'T');
        pad(text, local.getHour(), 2).append(':');
        pad(text, local.getMinute(), 2).append(':');
        pad(text, local.getSecond(), 2);
        if (style == WITH_OFFSET) {
            int seconds = offset.getTotalSeconds();
            if (seconds == 0) {
                text.append('Z');
            } else {
                int minutes = Math.abs(seconds) / 60;
                text.append(seconds < 0 ? '-' : '+');
                pad(text, minutes / 60, 2).append(':');
                pad(text, minutes % 60, 2);
            }
        }
        return text.toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
