package io.civicpulse.kpi;

import static io.civicpulse.kpi.Better.HIGHER;
import static io.civicpulse.kpi.Better.LOWER;
import static io.civicpulse.kpi.Better.NEITHER;

/** The KPI catalogue of kpis.md. */
public enum Kpi {
    CONTACTS(Feed.CONTACTS, NEITHER, Kind.COUNT, "contacts"),
    CHANNEL_SHARE(Feed.CONTACTS, NEITHER, Kind.RATE, "share"),
    DIGITAL_SHARE(Feed.CONTACTS, HIGHER, Kind.RATE, "share"),
    WAIT_MEDIAN_SECONDS(Feed.CONTACTS, LOWER, Kind.MEASURE, "seconds"),
    WAIT_P90_SECONDS(Feed.CONTACTS, LOWER, Kind.MEASURE, "seconds"),
    SERVICE_LEVEL(Feed.CONTACTS, HIGHER, Kind.RATE, "share"),
    ABANDON_RATE(Feed.CONTACTS, LOWER, Kind.RATE, "share"),

    CASES_OPENED(Feed.CASES, NEITHER, Kind.COUNT, "cases"),
    CASES_CLOSED(Feed.CASES, NEITHER, Kind.COUNT, "cases"),
    CLOSE_MEDIAN_HOURS(Feed.CASES, LOWER, Kind.MEASURE, "hours"),
    CLOSE_P90_HOURS(Feed.CASES, LOWER, Kind.MEASURE, "hours"),
    ON_TIME_RATE(Feed.CASES, HIGHER, Kind.RATE, "share"),
    RESOLUTION_RATE(Feed.CASES, HIGHER, Kind.RATE, "share"),
    REOPEN_RATE(Feed.CASES, LOWER, Kind.RATE, "share"),
    FCR_RATE(Feed.CASES, HIGHER, Kind.RATE, "share"),
    BACKLOG_OPEN(Feed.CASES, LOWER, Kind.COUNT, "cases"),
    BACKLOG_OVERDUE(Feed.CASES, LOWER, Kind.COUNT, "cases"),

    SURVEY_RESPONSES(Feed.SURVEYS, NEITHER, Kind.COUNT, "responses"),
    CSAT_MEAN(Feed.SURVEYS, HIGHER, Kind.MEASURE, "points of 5"),
    CSAT_SATISFIED(Feed.SURVEYS, HIGHER, Kind.RATE, "share"),
    NPS(Feed.SURVEYS, HIGHER, Kind.MEASURE, "NPS points"),
    CES_MEAN(Feed.SURVEYS, HIGHER, Kind.MEASURE, "points of 7"),

    /** Weighted mean of the scores of a row's KPIs; has no feed of its own. */
    EXPERIENCE_SCORE(null, HIGHER, Kind.MEASURE, "score");

    /** How a value is formed, which decides its formatting and whether it has numerator and denominator. */
    public enum Kind {
        COUNT, RATE, MEASURE
    }

    private final Feed feed;
    private final Better better;
    private final Kind kind;
    private final String unit;

    Kpi(Feed feed, Better better, Kind kind, String unit) {
        this.feed = feed;
        this.better = better;
        this.kind = kind;
        this.unit = unit;
    }

    /** The feed the KPI is computed from; {@code null} for {@link #EXPERIENCE_SCORE}. */
    public Feed feed() {
        return feed;
    }

    public Better better() {
        return better;
    }

    public Kind kind() {
        return kind;
    }

    /** Unit a person reads next to the value, in English; the dashboard translates. */
    public String unit() {
        return unit;
    }

    public boolean isRate() {
        return kind == Kind.RATE;
    }

    public boolean isCount() {
        return kind == Kind.COUNT;
    }

    public boolean isSurvey() {
        return feed == Feed.SURVEYS;
    }

    /**
     * The values the KPI can take (kpis.md and the survey scales of feeds.md): rates 0 to 1, CSAT_MEAN 1 to 5,
     * CES_MEAN 1 to 7, NPS -100 to 100, times and counts 0 or more, the experience score 0 to 1.25. A target outside
     * it could never be met, or always would be, so targets are held to it.
     */
    public Range range() {
        return switch (this) {
            case CSAT_MEAN -> new Range(1, 5);
            case CES_MEAN -> new Range(1, 7);
            case NPS -> new Range(-100, 100);
            case EXPERIENCE_SCORE -> new Range(0, 1.25);
            default -> isRate() ? new Range(0, 1) : new Range(0, Double.POSITIVE_INFINITY);
        };
    }

    /** Closed interval [{@code min}, {@code max}]; {@code max} may be infinite. */
    public record Range(double min, double max) {

        public boolean contains(double value) {
            return value >= min && value <= max;
        }

        public boolean bounded() {
            return !Double.isInfinite(max);
        }
    }
}
