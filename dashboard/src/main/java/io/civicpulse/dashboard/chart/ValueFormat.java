package io.civicpulse.dashboard.chart;

/**
 * How a chart prints values in tooltips and axis labels. ECharts formatters are JavaScript functions, which cannot
 * travel as JSON, so the custom element builds an {@code Intl.NumberFormat} from this description instead.
 *
 * @param percent values are fractions shown as percentages (0.853 is "85.3%")
 * @param suffix  text after the number, such as {@code " h"}
 * @param signed  always show the sign, as NPS does ("+32")
 */
public record ValueFormat(boolean percent, int minFractionDigits, int maxFractionDigits, String suffix,
        boolean signed) {

    public ValueFormat {
        suffix = suffix == null ? "" : suffix;
        if (minFractionDigits < 0 || maxFractionDigits < minFractionDigits) {
            throw new IllegalArgumentException("fraction digits " + minFractionDigits + ".." + maxFractionDigits);
        }
    }

    public static ValueFormat integer() {
        return new ValueFormat(false, 0, 0, "", false);
    }

    public static ValueFormat decimal(int minFractionDigits, int maxFractionDigits, String suffix) {
        return new ValueFormat(false, minFractionDigits, maxFractionDigits, suffix, false);
    }

    public static ValueFormat percent(int fractionDigits) {
        return new ValueFormat(true, 0, fractionDigits, "", false);
    }

    public ValueFormat withSign() {
        return new ValueFormat(percent, minFractionDigits, maxFractionDigits, suffix, true);
    }
}
