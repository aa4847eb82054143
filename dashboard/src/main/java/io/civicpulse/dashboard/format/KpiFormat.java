package io.civicpulse.dashboard.format;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;

import io.civicpulse.dashboard.chart.ValueFormat;
import io.civicpulse.dashboard.i18n.Translations;
import io.civicpulse.kpi.Better;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiRow;

/**
 * How KPIs read to a person: names, one-line explanations and values with their units, in a locale's number
 * conventions and language (texts from the translation files). Every view formats through here, so a KPI reads the
 * same everywhere. The style switches are exhaustive, so a new KPI does not compile until it has a presentation; its
 * name and description keys are checked by the translation tests.
 */
public final class KpiFormat {

    private enum Style {
        COUNT, PERCENT, HOURS, SECONDS, OUT_OF_5, OUT_OF_7, NPS
    }

    private final Locale locale;
    private final Translations t;

    private KpiFormat(Locale locale) {
        this.locale = Objects.requireNonNull(locale);
        this.t = Translations.of(locale);
    }

    public static KpiFormat of(Locale locale) {
        return new KpiFormat(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** Keys {@code kpi.NAME.name}; a translations test checks that every KPI has them in every language. */
    public String name(Kpi kpi) {
        return t.get("kpi." + kpi.name() + ".name");
    }

    public String description(Kpi kpi) {
        return t.get("kpi." + kpi.name() + ".description");
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
            return t.get("value.notAvailable");
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
            case HOURS -> t.get("value.hours", number(value, 1 + extra, 1 + extra, false, false));
            case SECONDS -> t.get("value.seconds",
                    number(value, extra == 0 ? 0 : extra, extra == 0 ? 1 : extra, false, false));
            case OUT_OF_5 -> t.get("value.outOf5", number(value, 2 + extra, 2 + extra, false, false));
            case OUT_OF_7 -> t.get("value.outOf7", number(value, 2 + extra, 2 + extra, false, false));
            case NPS -> t.get("value.points",
                    number(value, extra == 0 ? 0 : extra, extra == 0 ? 1 : extra, false, true));
        };
    }

    /** Suppressed rows never show a number, not even zero: a small group could identify residents. */
    public String suppressed(int minCellSize) {
        return t.get("value.suppressed", count(minCellSize));
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
        String noun = switch (kpi) {
            case CONTACTS, CHANNEL_SHARE, DIGITAL_SHARE -> "contact";
            case WAIT_MEDIAN_SECONDS, WAIT_P90_SECONDS -> "answeredContact";
            case SERVICE_LEVEL, ABANDON_RATE -> "queuedContact";
            case CASES_OPENED, FCR_RATE -> "newCase";
            case CASES_CLOSED, CLOSE_MEDIAN_HOURS, CLOSE_P90_HOURS, RESOLUTION_RATE, REOPEN_RATE -> "closedCase";
            case ON_TIME_RATE -> "closedCaseDue";
            case BACKLOG_OPEN, BACKLOG_OVERDUE -> "openCase";
            case SURVEY_RESPONSES, CSAT_MEAN, CSAT_SATISFIED, NPS, CES_MEAN -> "surveyResponse";
            case EXPERIENCE_SCORE -> "kpiScore";
        };
        return t.get("value.basedOn", count(sampleSize),
                t.get("noun." + noun + (sampleSize == 1 ? ".one" : ".other")));
    }

    /** "Target ≥ 90.0%" for higher-is-better KPIs, "Target ≤ 48.0 h" for lower-is-better ones. */
    public String target(Kpi kpi, double target) {
        return t.get("target." + kpi.better().name(), value(kpi, target));
    }

    /** "Higher is better", for people new to a KPI; empty when neither direction is better. */
    public String direction(Kpi kpi) {
        return kpi.better() == Better.NEITHER ? "" : t.get("direction." + kpi.better().name());
    }

    /** Any text of the translation files in this format's language, for views that format KPIs and words together. */
    public String text(String key, Object... arguments) {
        return t.get(key, arguments);
    }

    /** A channel's name where the translation files know it ("Phone"), else its code as published. */
    public String channel(String code) {
        return t.has("channel." + code) ? t.get("channel." + code) : code;
    }

    /** A plain number with one decimal: "12.5". */
    public String decimal(double value) {
        return number(value, 1, 1, false, false);
    }

    /** A difference with its sign and one decimal: "+3.5", "−12.0", "0". */
    public String signed(double value) {
        return number(value, 1, 1, false, true);
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
