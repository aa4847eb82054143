package io.civicpulse.kpi;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.civicpulse.CivicPulseProperties;

/**
 * What a KPI computation needs besides the data: which periods to compute (every period of every grain that
 * contains a local date in [from, to]), the configured thresholds, service levels and targets, and the
 * small-cell size.
 */
public record KpiParameters(LocalDate from, LocalDate to, ZoneId zone, Map<String, Integer> answerThresholds,
        List<ServiceLevel> serviceLevels, List<Target> targets, int minCellSize) {

    public record ServiceLevel(String department, String service, Duration closeWithin) {
    }

    public record Target(Kpi kpi, double value, String department, String channel, double weight) {
    }

    public KpiParameters {
        answerThresholds = Map.copyOf(answerThresholds);
        serviceLevels = List.copyOf(serviceLevels);
        targets = List.copyOf(targets);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    public static KpiParameters of(CivicPulseProperties properties, LocalDate from, LocalDate to) {
        CivicPulseProperties.KpiSettings kpi = properties.kpi();
        return new KpiParameters(from, to, properties.city().timeZone(), kpi.answerThresholds(),
                kpi.serviceLevels().stream()
                        .map(s -> new ServiceLevel(s.department().trim().toUpperCase(), s.service().trim(),
                                s.closeWithin()))
                        .toList(),
                kpi.targets().stream()
                        .map(t -> new Target(Kpi.valueOf(t.kpi().trim().toUpperCase()), t.value(),
                                upperOrNull(t.department()), upperOrNull(t.channel()), t.weight()))
                        .toList(),
                properties.privacy().minCellSize());
    }

    /** The first period start of {@code grain} that this computation covers. */
    public LocalDate firstPeriod(Grain grain) {
        return grain.periodStart(from);
    }

    /** The last period start of {@code grain} that this computation covers. */
    public LocalDate lastPeriod(Grain grain) {
        return grain.periodStart(to);
    }

    private static String upperOrNull(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase();
    }
}
