package io.civicpulse.dashboard.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;

import io.civicpulse.dashboard.i18n.Translations;
import io.civicpulse.kpi.Grain;

/** Names reporting periods and moments the way people say them: "Week of 3 Aug 2026", "Q3 2026". */
public final class PeriodFormat {

    private final Locale locale;
    private final Translations t;
    private final DateTimeFormatter day;
    private final DateTimeFormatter dayWithWeekday;
    private final DateTimeFormatter dayMonth;
    private final DateTimeFormatter monthYear;
    private final DateTimeFormatter shortMonthYear;
    private final DateTimeFormatter time;

    private PeriodFormat(Locale locale) {
        this.locale = Objects.requireNonNull(locale);
        this.t = Translations.of(locale);
        this.day = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
        this.dayWithWeekday = DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale);
        this.dayMonth = DateTimeFormatter.ofPattern("d MMM", locale);
        this.monthYear = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        this.shortMonthYear = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    }

    public static PeriodFormat of(Locale locale) {
        return new PeriodFormat(locale);
    }

    /** The period starting at {@code start}: "Mon 3 Aug 2026", "Week of 3 Aug 2026", "August 2026", "Q3 2026". */
    public String label(Grain grain, LocalDate start) {
        return switch (grain) {
            case DAY -> dayWithWeekday.format(start);
            case WEEK -> t.get("period.week", day.format(start));
            case MONTH -> monthYear.format(start);
            case QUARTER -> quarter(start);
        };
    }

    /** The period as the end of a sentence: "on Mon 3 Aug 2026", "in the week of 3 Aug 2026", "in Q3 2026". */
    public String during(Grain grain, LocalDate start) {
        return switch (grain) {
            case DAY -> t.get("period.during.day", label(grain, start));
            case WEEK -> t.get("period.during.week", day.format(start));
            case MONTH, QUARTER -> t.get("period.during.other", label(grain, start));
        };
    }

    /** A label short enough for a chart axis: "3 Aug", "Aug 2026", "Q3 2026". */
    public String shortLabel(Grain grain, LocalDate start) {
        return switch (grain) {
            case DAY, WEEK -> dayMonth.format(start);
            case MONTH -> shortMonthYear.format(start);
            case QUARTER -> quarter(start);
        };
    }

    /** The plural noun of a grain, for sentences such as "the last 12 weeks". */
    public String periods(Grain grain) {
        return t.get("grain." + grain.name() + ".plural");
    }

    /** "Tue 18 Aug 2026". */
    public String date(LocalDate date) {
        return dayWithWeekday.format(date);
    }

    /** "Tue 18 Aug 2026, 2:15 AM EDT": a moment as the city's clocks showed it. */
    public String dateTime(Instant instant, ZoneId zone) {
        var local = instant.atZone(zone);
        return dayWithWeekday.format(local) + ", " + time.format(local) + " "
                + DateTimeFormatter.ofPattern("zzz", locale).format(local);
    }

    /** The singular noun of a grain: "month". */
    public String period(Grain grain) {
        return t.get("grain." + grain.name() + ".singular");
    }

    /** The grain as a choice in a selector: "Month". */
    public String grain(Grain grain) {
        return t.get("grain." + grain.name());
    }

    private String quarter(LocalDate start) {
        return t.get("period.quarter", start.get(IsoFields.QUARTER_OF_YEAR), Integer.toString(start.getYear()));
    }
}
