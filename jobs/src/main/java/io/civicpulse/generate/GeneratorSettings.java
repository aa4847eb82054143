package io.civicpulse.generate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What {@code generate} writes: local dates {@code from}..{@code to} (both inclusive) in {@code zone}, volume
 * {@code scale} (1 = a mid-size city), and {@code seed} (same settings, same bytes).
 */
public record GeneratorSettings(LocalDate from, LocalDate to, double scale, long seed, ZoneId zone, boolean compress) {

    public GeneratorSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, was " + scale);
        }
    }
}
