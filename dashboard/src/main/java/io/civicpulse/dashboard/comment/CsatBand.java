package io.civicpulse.dashboard.comment;

/**
 * The CSAT scores a reader narrows comments to, in the groups kpis.md reads them in: 4–5 is satisfied (as
 * CSAT_SATISFIED counts it), 1–2 dissatisfied, 3 neither. Translation keys {@code comments.band.NAME}.
 */
public enum CsatBand {
    ALL(null, null), DISSATISFIED(1, 2), NEUTRAL(3, 3), SATISFIED(4, 5);

    private final Integer min;
    private final Integer max;

    CsatBand(Integer min, Integer max) {
        this.min = min;
        this.max = max;
    }

    /** The lowest score in the band; {@code null} for every comment, with or without a CSAT answer. */
    public Integer min() {
        return min;
    }

    public Integer max() {
        return max;
    }

    public String translationKey() {
        return "comments.band." + name();
    }
}
