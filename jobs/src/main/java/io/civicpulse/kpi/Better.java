package io.civicpulse.kpi;

/** Which direction of a KPI is good; decides {@code meets_target} and the score. */
public enum Better {
    HIGHER, LOWER, NEITHER
}
