package io.civicpulse.kpi;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * A target value in force for the periods whose first day is in [{@code from}, {@code until}); {@code null}
     * bounds are open (from the beginning of time, until further notice). kpis.md: a period uses the targets in
     * force on its first day.
     */
    public record Target(Kpi kpi, double value, String department, String channel, double weight, LocalDate from,
            LocalDate until) {

        /** A target for every period, as configured. */
        public Target(Kpi kpi, double value, String department, String channel, double weight) {
            this(kpi, value, department, channel, weight, null, null);
        }

        public Target {
            if (from != null && until != null && !until.isAfter(from)) {
                throw new IllegalArgumentException("a target in force from " + from + " until " + until
                        + " covers no period");
            }
        }

        /** Whether a period starting on {@code periodStart} uses this target. */
        public boolean appliesTo(LocalDate periodStart) {
            return (from == null || !periodStart.isBefore(from)) && (until == null || periodStart.isBefore(until));
        }
    }

    /** Why a target is refused: the field at fault and a sentence saying what is wrong. */
    public record TargetProblem(String field, String message) {
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
        return new KpiParameters(from, to, properties.city().timeZone(), kpi.answerThresholds(), serviceLevels,
                configuredTargets(properties), properties.privacy().minCellSize());
    }

    /**
     * The targets of {@code civicpulse.kpi.targets}, checked and normalised, each for every period: what seeds the
     * target store.
     *
     * @throws IllegalArgumentException naming the property, for a target kpis.md leaves undefined or out of range
     */
    public static List<Target> configuredTargets(CivicPulseProperties properties) {
        CivicPulseProperties.KpiSettings kpi = properties.kpi();
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
            targetProblem(code, t.value(), t.weight()).ifPresent(problem -> {
                throw new IllegalArgumentException(property + "." + problem.field() + ": " + problem.message());
            });
            targets.add(new Target(code, t.value(), upperOrNull(t.department()), upperOrNull(t.channel()),
                    t.weight()));
        }
        return targets;
    }

    /**
     * Why a target of {@code value} with {@code weight} cannot be given to {@code kpi}, if it cannot: the KPI has no
     * better direction (kpis.md defines meets_target and score only where higher or lower is better), the weight is
     * not more than 0 (a weight of 0 would leave the experience score's weighted mean undefined), or the value is
     * outside what the KPI can take ({@link Kpi#range()}).
     */
    public static Optional<TargetProblem> targetProblem(Kpi kpi, double value, double weight) {
        if (kpi.better() == Better.NEITHER || kpi == Kpi.EXPERIENCE_SCORE) {
            return Optional.of(new TargetProblem("kpi", kpi + " has no better direction, so it cannot"
                    + " have a target"));
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            return Optional.of(new TargetProblem("weight", "the weight must be more than 0, was "
                    + weight));
        }
        Kpi.Range range = kpi.range();
        if (Double.isNaN(value) || !range.contains(value)) {
            String bounds = range.bounded() ? "from " + plain(range.min()) + " to " + plain(range.max())
                    : plain(range.min()) + " or more";
            return Optional.of(new TargetProblem("value", kpi + " is " + bounds + " (" + kpi.unit()
                    + "), so a target of " + plain(value) + " is out of range"));
        }
        return Optional.empty();
    }

    private static String plain(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value)
                : String.valueOf(value);
    }

    /** These parameters with other targets: those of the target store, in force period by period. */
    public KpiParameters withTargets(List<Target> inForce) {
        return new KpiParameters(from, to, zone, answerThresholds, serviceLevels, inForce, minCellSize);
    }

    /** The first period start of {@code grain} that this computation covers. */
    public LocalDate firstPeriod(Grain grain) {
        return grain.periodStart(from);
    }

    /**
     * The first day of the earliest period this computation covers, over every grain: the quarter's start, or the
     * ISO week's when that week began in the quarter before. Nothing dated before it counts in a covered period.
     */
    public LocalDate earliestPeriodStart() {
        LocalDate earliest = from;
        for (Grain grain : Grain.values()) {
            LocalDate start = firstPeriod(grain);
            earliest = start.isBefore(earliest) ? start : earliest;
        }
        return earliest;
    }

    /** The last period start of {@code grain} that this computation covers. */
    public LocalDate lastPeriod(Grain grain) {
        return grain.periodStart(to);
    }

    private static String upperOrNull(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase();
    }
}
