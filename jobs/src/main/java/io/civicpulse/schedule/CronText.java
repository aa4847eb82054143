package io.civicpulse.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.quartz.CronExpression;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

/**
 * Quartz cron expressions ({@code sec min hour day-of-month month day-of-week [year]}) for people: whether one is
 * valid, what it says in words (cron-utils, in English or Spanish) and when it fires next in the city's time zone.
 * Quartz decides validity and fire times, since Quartz fires the triggers; cron-utils only words them.
 */
public final class CronText {

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(
            CronType.QUARTZ));

    private CronText() {
    }

    /**
     * @throws InvalidSchedule with {@link InvalidSchedule.Problem#INVALID_CRON} and Quartz's reason
     */
    static CronExpression parse(String cron, ZoneId zone) {
        CronExpression expression = parseAny(cron, zone);
        if (expression.getNextValidTimeAfter(new Date()) == null) {
            String text = expression.getCronExpression();
            throw new InvalidSchedule(InvalidSchedule.Problem.INVALID_CRON, text,
                    "the cron expression '" + text + "' never fires again");
        }
        return expression;
    }

    /** Also an expression whose last time has passed, such as the one a one-off schedule just fired at. */
    private static CronExpression parseAny(String cron, ZoneId zone) {
        String text = cron == null ? "" : cron.strip();
        try {
            CronExpression expression = new CronExpression(text);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return expression;
        } catch (ParseException e) {
            throw new InvalidSchedule(InvalidSchedule.Problem.INVALID_CRON, text, "'" + text
                    + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week): "
                    + e.getMessage());
        }
    }

    /** The expression in words, such as "at 02:30"; the expression itself when it cannot be worded. */
    public static String describe(String cron, Locale locale) {
        try {
            return CronDescriptor.instance(locale).describe(QUARTZ.parse(cron.strip()));
        } catch (RuntimeException e) {
            return cron;
        }
    }

    /**
     * The next {@code count} fire times after {@code after}, in {@code zone}.
     *
     * @throws InvalidSchedule when the expression is not valid
     */
    public static List<ZonedDateTime> next(String cron, ZoneId zone, Instant after, int count) {
        CronExpression expression = parse(cron, zone);
        List<ZonedDateTime> times = new ArrayList<>();
        Date time = Date.from(after);
        while (times.size() < count && (time = expression.getNextValidTimeAfter(time)) != null) {
            times.add(time.toInstant().atZone(zone));
        }
        return times;
    }

    /** The fire times strictly between two instants (both exclusive), at most {@code limit}. */
    static List<Instant> between(String cron, ZoneId zone, Instant after, Instant before, int limit) {
        CronExpression expression = parseAny(cron, zone);
        List<Instant> times = new ArrayList<>();
        Date time = Date.from(after);
        while (times.size() < limit && (time = expression.getNextValidTimeAfter(time)) != null
                && time.toInstant().isBefore(before)) {
            times.add(time.toInstant());
        }
        return times;
    }
}
