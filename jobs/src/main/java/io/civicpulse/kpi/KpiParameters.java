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

    /**
     * The configured thresholds, service levels and targets, checked: a configuration kpis.md leaves undefined
     * is refused with the property that holds it, rather than computed somehow.
     */
    public static KpiParameters of(CivicPulseProperties properties, LocalDate from, LocalDate to) {
        CivicPulseProperties.KpiSettings kpi = properties.kpi();
        List<ServiceLevel> serviceLevels = new java.util.ArrayList<>();
        java.util.Set<String> services = new java.util.HashSet<>();
        for (int i = 0; i < kpi.serviceLevels().size(); i++) {
            CivicPulseProperties.ServiceLevel s = kpi.serviceLevels().get(i);
            String property = "civicpulse.kpi.service-levels[" + i + "]";
            if (s.department() == null || s.service() == null || s.closeWithin() == null
                    || s.closeWithin().isNegative() || s.closeWithin().isZero()) {
                throw new IllegalArgumentException(property + " needs a department, a service and a positive"
                        + " close-within such as P5D or PT48H");
            }
            ServiceLevel level = new ServiceLevel(s.department().trim().toUpperCase(), s.service().trim(),
                    s.closeWithin());
            if (!services.add(level.department() + "\u0000" + level.service())) {
                throw new IllegalArgumentException(property + ": " + level.department() + " / " + level.service()
                        + " has a service level already");
            }
            serviceLevels.add(level);
        }
        List<Target> targets = new java.util.ArrayList<>();
        for (int i = 0; i < kpi.targets().size(); i++) {
            CivicPulseProperties.Target t = kpi.targets().get(i);
            String property = "civicpulse.kpi.targets[" + i + "]";
            Kpi code;
            try {
                code = Kpi.valueOf(t.kpi().trim().toUpperCase());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(property + ".kpi: unknown KPI '" + t.kpi() + "'");
            }
            if (code.better() == Better.NEITHER || code == Kpi.EXPERIENCE_SCORE) {
                // kpis.md defines meets_target and score only for KPIs where higher or lower is better.
                throw new IllegalArgumentException(property + ".kpi: " + code + " has no better direction, so it"
                        + " cannot have a target");
            }
            if (!(t.weight() > 0) || Double.isInfinite(t.weight())) {
                // A weight of 0 would make the experience score's weighted mean undefined.
                throw new IllegalArgumentException(property + ".weight must be more than 0, was " + t.weight());
            }
            targets.add(new Target(code, t.value(), upperOrNull(t.department()), upperOrNull(t.channel()),
                    t.weight()));
        }
        return new KpiParameters(from, to, properties.city().timeZone(), kpi.answerThresholds(), serviceLevels,
                targets, properties.privacy().minCellSize());
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
