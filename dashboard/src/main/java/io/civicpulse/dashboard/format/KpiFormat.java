package io.civicpulse.dashboard.format;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;

import io.civicpulse.dashboard.chart.ValueFormat;
import io.civicpulse.kpi.Better;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiRow;

/**
 * How KPIs read to a person: names, one-line explanations and values with their units, in a locale's number
 * conventions. Every view formats through here, so a KPI reads the same everywhere. The switches are exhaustive: a
 * new KPI does not compile until it has a presentation.
 */
public final class KpiFormat {

    private enum Style {
        COUNT, PERCENT, HOURS, SECONDS, OUT_OF_5, OUT_OF_7, NPS
    }

    private final Locale locale;

    private KpiFormat(Locale locale) {
        this.locale = Objects.requireNonNull(locale);
    }

    public static KpiFormat of(Locale locale) {
        return new KpiFormat(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String name(Kpi kpi) {
        return switch (kpi) {
            case CONTACTS -> "Contacts";
            case CHANNEL_SHARE -> "Channel share";
            case DIGITAL_SHARE -> "Digital share";
            case WAIT_MEDIAN_SECONDS -> "Median wait";
            case WAIT_P90_SECONDS -> "Wait, 90th percentile";
            case SERVICE_LEVEL -> "Service level";
            case ABANDON_RATE -> "Abandoned contacts";
            case CASES_OPENED -> "Cases opened";
            case CASES_CLOSED -> "Cases closed";
            case CLOSE_MEDIAN_HOURS -> "Median time to close";
            case CLOSE_P90_HOURS -> "Time to close, 90th percentile";
            case ON_TIME_RATE -> "Closed on time";
            case RESOLUTION_RATE -> "Resolved";
            case REOPEN_RATE -> "Reopened";
            case FCR_RATE -> "First-contact resolution";
            case BACKLOG_OPEN -> "Open backlog";
            case BACKLOG_OVERDUE -> "Overdue backlog";
            case SURVEY_RESPONSES -> "Survey responses";
            case CSAT_MEAN -> "Satisfaction (CSAT)";
            case CSAT_SATISFIED -> "Satisfied residents";
            case NPS -> "Net Promoter Score";
            case CES_MEAN -> "Ease of service (CES)";
            case EXPERIENCE_SCORE -> "Experience score";
        };
    }

    public String description(Kpi kpi) {
        return switch (kpi) {
            case CONTACTS -> "Calls, chats, emails, visits and app requests";
            case CHANNEL_SHARE -> "Share of contacts that came through this channel";
            case DIGITAL_SHARE -> "Contacts by web, app, email, chat or social media";
            case WAIT_MEDIAN_SECONDS -> "Half of answered contacts waited less than this";
            case WAIT_P90_SECONDS -> "Nine in ten answered contacts waited less than this";
            case SERVICE_LEVEL -> "Queued contacts answered within the channel's threshold";
            case ABANDON_RATE -> "Queued contacts who hung up or left before an answer";
            case CASES_OPENED -> "Service requests opened";
            case CASES_CLOSED -> "Service requests closed";
            case CLOSE_MEDIAN_HOURS -> "Half of closed cases took less than this";
            case CLOSE_P90_HOURS -> "Nine in ten closed cases took less than this";
            case ON_TIME_RATE -> "Closed cases that met their due time";
            case RESOLUTION_RATE -> "Closed cases that were resolved";
            case REOPEN_RATE -> "Closed cases that had to be reopened";
            case FCR_RATE -> "New cases resolved at the first contact";
            case BACKLOG_OPEN -> "Cases still open at the end of the period";
            case BACKLOG_OVERDUE -> "Open cases past their due time";
            case SURVEY_RESPONSES -> "Answers to the resident survey";
            case CSAT_MEAN -> "Average satisfaction rating, from 1 to 5";
            case CSAT_SATISFIED -> "Residents who rated 4 or 5 out of 5";
            case NPS -> "Promoters minus detractors, from −100 to +100";
            case CES_MEAN -> "Average ease-of-service rating, from 1 to 7";
            case EXPERIENCE_SCORE -> "KPIs against their targets, weighted; 100% is on target";
        };
    }

    private static Style style(Kpi kpi) {
        return switch (kpi) {
            case CONTACTS, CASES_OPENED, CASES_CLOSED, BACKLOG_OPEN, BACKLOG_OVERDUE, SURVEY_RESPONSES -> Style.COUNT;
            case CHANNEL_SHARE, DIGITAL_SHARE, SERVICE_LEVEL, ABANDON_RATE, ON_TIME_RATE, RESOLUTION_RATE,
                    REOPEN_RATE, FCR_RATE, CSAT_SATISFIED, EXPERIENCE_SCORE -> Style.PERCENT;
            case WAIT_MEDIAN_SECONDS, WAIT_P90_SECONDS -> Style.SECONDS;
            case CLOSE_MEDIAN_HOURS, CLOSE_P90_HOURS -> Style.HOURS;
            case CSAT_MEAN -> Style.OUT_OF_5;
            case CES_MEAN -> Style.OUT_OF_7;
            case NPS -> Style.NPS;
        };
    }

    /** The value with its unit: "1,234", "85.3%", "36.5 h", "42 s", "4.12 / 5", "+31.6 points". */
    public String value(Kpi kpi, double value) {
        return value(kpi, value, 0);
    }

    /**
     * What a card shows as the value: the number, or why there is none. Next to a target, a value that rounds to
     * the target's text while missing it (99.96% against 100.0%) gets the digits that show the difference.
     */
    public String value(KpiRow row, int minCellSize) {
        if (row.suppressed()) {
            return suppressed(minCellSize);
        }
        if (row.value() == null) {
            return "not available";
        }
        if (row.target() == null || row.value().equals(row.target())) {
            return value(row.kpi(), row.value());
        }
        int extra = 0;
        while (extra < 3 && value(row.kpi(), row.value(), extra).equals(value(row.kpi(), row.target(), extra))) {
            extra++;
        }
        return value(row.kpi(), row.value(), extra);
    }

    /** {@link #value(Kpi, double)} with {@code extra} more fraction digits than usual. */
    private String value(Kpi kpi, double value, int extra) {
        return switch (style(kpi)) {
            case COUNT -> extra == 0 ? count(Math.round(value)) : number(value, extra, extra, false, false);
            case PERCENT -> number(value, 1 + extra, 1 + extra, true, false);
            case HOURS -> number(value, 1 + extra, 1 + extra, false, false) + " h";
            case SECONDS -> number(value, extra == 0 ? 0 : extra, extra == 0 ? 1 : extra, false, false) + " s";
            case OUT_OF_5 -> number(value, 2 + extra, 2 + extra, false, false) + " / 5";
            case OUT_OF_7 -> number(value, 2 + extra, 2 + extra, false, false) + " / 7";
            case NPS -> number(value, extra == 0 ? 0 : extra, extra == 0 ? 1 : extra, false, true) + " points";
        };
    }

    /** Suppressed rows never show a number, not even zero: a small group could identify residents. */
    public String suppressed(int minCellSize) {
        return "suppressed (fewer than " + minCellSize + ")";
    }

    /** How the chart of a KPI prints values; the chart's axis carries no unit text where the card title says it. */
    public ValueFormat chartFormat(Kpi kpi) {
        return switch (style(kpi)) {
            case COUNT -> ValueFormat.integer();
            case PERCENT -> ValueFormat.percent(1);
            case HOURS -> ValueFormat.decimal(0, 1, " h");
            case SECONDS -> ValueFormat.decimal(0, 1, " s");
            case OUT_OF_5, OUT_OF_7 -> ValueFormat.decimal(0, 2, "");
            case NPS -> ValueFormat.decimal(0, 1, "").withSign();
        };
    }

    /** "Based on 1,234 closed cases": the size of the set the value was computed from. */
    public String sampleSize(Kpi kpi, long sampleSize) {
        String[] noun = switch (kpi) {
            case CONTACTS, CHANNEL_SHARE, DIGITAL_SHARE -> new String[] {"contact", "contacts"};
            case WAIT_MEDIAN_SECONDS, WAIT_P90_SECONDS -> new String[] {"answered contact", "answered contacts"};
            case SERVICE_LEVEL, ABANDON_RATE -> new String[] {"queued contact", "queued contacts"};
            case CASES_OPENED, FCR_RATE -> new String[] {"new case", "new cases"};
            case CASES_CLOSED, CLOSE_MEDIAN_HOURS, CLOSE_P90_HOURS, RESOLUTION_RATE, REOPEN_RATE ->
                    new String[] {"closed case", "closed cases"};
            case ON_TIME_RATE -> new String[] {"closed case with a due time", "closed cases with a due time"};
            case BACKLOG_OPEN, BACKLOG_OVERDUE -> new String[] {"open case", "open cases"};
            case SURVEY_RESPONSES, CSAT_MEAN, CSAT_SATISFIED, NPS, CES_MEAN ->
                    new String[] {"survey response", "survey responses"};
            case EXPERIENCE_SCORE -> new String[] {"KPI score", "KPI scores"};
        };
        return "Based on " + count(sampleSize) + " " + (sampleSize == 1 ? noun[0] : noun[1]);
    }

    /** "Target ≥ 90.0%" for higher-is-better KPIs, "Target ≤ 48.0 h" for lower-is-better ones. */
    public String target(Kpi kpi, double target) {
        String comparison = switch (kpi.better()) {
            case HIGHER -> "≥ ";
            case LOWER -> "≤ ";
            case NEITHER -> "";
        };
        return "Target " + comparison + value(kpi, target);
    }

    /** "Higher is better", for people new to a KPI; empty when neither direction is better. */
    public String direction(Kpi kpi) {
        return kpi.better() == Better.HIGHER ? "Higher is better"
                : kpi.better() == Better.LOWER ? "Lower is better" : "";
    }

    public String count(long count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    private String number(double value, int minFractionDigits, int maxFractionDigits, boolean percent,
            boolean signed) {
        NumberFormat format = percent ? NumberFormat.getPercentInstance(locale) : NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(minFractionDigits);
        format.setMaximumFractionDigits(maxFractionDigits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        if (signed && format instanceof DecimalFormat decimal) {
            decimal.setPositivePrefix("+");
            // A value that rounds to zero has no sign ("0", not "+0" or "-0").
            if (Math.abs(value) < 0.5 * Math.pow(10, -maxFractionDigits)) {
                value = 0;
                decimal.setPositivePrefix("");
            }
        }
        return format.format(value);
    }
}
