package io.civicpulse.targets;

import java.util.Comparator;
import java.util.Objects;

import io.civicpulse.kpi.Kpi;

/**
 * What a target is for: a KPI, and optionally a department and/or a channel ({@code null} when not named). A target's
 * changes over time all share its key.
 */
public record TargetKey(Kpi kpi, String department, String channel) implements Comparable<TargetKey> {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<TargetKey> ORDER = Comparator.comparing(TargetKey::kpi)
            .thenComparing(TargetKey::department, NULLS_FIRST)
            .thenComparing(TargetKey::channel, NULLS_FIRST);

    /** Codes are upper-cased and trimmed as the feeds' are (feeds.md); a blank one names nothing. */
    public TargetKey {
        Objects.requireNonNull(kpi, "kpi");
        department = code(department);
        channel = code(channel);
    }

    private static String code(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** "ON_TIME_RATE", "ON_TIME_RATE for SAN", "ON_TIME_RATE for SAN / PHONE", "ON_TIME_RATE for channel PHONE". */
    public String describe() {
        if (department == null && channel == null) {
            return kpi.name();
        }
        if (department == null) {
            return kpi + " for channel " + channel;
        }
        return kpi + " for " + department + (channel == null ? "" : " / " + channel);
    }

    @Override
    public int compareTo(TargetKey other) {
        return ORDER.compare(this, other);
    }
}
