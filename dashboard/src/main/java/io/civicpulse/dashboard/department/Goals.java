package io.civicpulse.dashboard.department;

/**
 * How a slice stands against its goals in one period: how many of its KPIs have a target there and how many of those
 * miss it. The experience score is left out: it sums up the others, and counting it would count each miss twice.
 */
public record Goals(int measured, int missed) {

    public static final Goals NONE = new Goals(0, 0);

    public boolean anyMissed() {
        return missed > 0;
    }
}
