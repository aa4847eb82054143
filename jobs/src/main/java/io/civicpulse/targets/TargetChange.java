package io.civicpulse.targets;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a target, as audited: from {@code effectiveFrom} on (for the periods that start on or after it) the
 * target is {@code value} with {@code weight}, or, when {@code ended}, there is none. {@code oldValue} and
 * {@code oldWeight} are what was in force on that date before the change ({@code null} when nothing was).
 */
public record TargetChange(long id, TargetKey key, Double value, Double weight, LocalDate effectiveFrom,
        boolean ended, Double oldValue, Double oldWeight, String reason, String changedBy, Instant changedAt) {

    /** The effective date of the targets seeded from configuration: they apply to every period. */
    public static final LocalDate BEGINNING_OF_TIME = LocalDate.of(1, 1, 1);

    public TargetChange {
        if (ended != (value == null)) {
            throw new IllegalArgumentException("a change either ends the target or gives it a value");
        }
    }

    public boolean fromTheBeginning() {
        return !effectiveFrom.isAfter(BEGINNING_OF_TIME);
    }
}
