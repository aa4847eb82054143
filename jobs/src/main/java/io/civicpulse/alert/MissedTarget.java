package io.civicpulse.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;

/**
 * A KPI of a department (or of the city, department {@code *}) that newly misses its goal: in the latest period of
 * a grain it has {@code meets_target} false, and in the period right before it had {@code meets_target} true.
 * A KPI that missed in both periods is not news; one without a row, a goal or a value (suppressed) in either period
 * cannot be judged and is left out.
 */
public record MissedTarget(Kpi kpi, Grain grain, LocalDate periodStart, String department, double value,
        double target, double previousValue) {

    /** A department-level (or city-level) published row: only what the rule reads. */
    public record Judged(Kpi kpi, Grain grain, LocalDate periodStart, String department, Double value, Double target,
            Boolean meetsTarget) {
    }

    /**
     * The KPIs that newly miss their goal in {@code latest} (the latest period of {@code grain}), compared with the
     * rows of the period before it.
     */
    public static List<MissedTarget> newlyMissed(Grain grain, LocalDate latest, List<Judged> rows) {
        LocalDate previous = grain.previousPeriodStart(latest);
        Map<String, Judged> before = new HashMap<>();
        for (Judged row : rows) {
            if (row.grain() == grain && row.periodStart().equals(previous)) {
                before.put(row.kpi() + "\u0000" + row.department(), row);
            }
        }
        List<MissedTarget> missed = new ArrayList<>();
        for (Judged row : rows) {
            if (row.grain() != grain || !row.periodStart().equals(latest) || !Boolean.FALSE.equals(row.meetsTarget())
                    || row.value() == null || row.target() == null) {
                continue;
            }
            Judged earlier = before.get(row.kpi() + "\u0000" + row.department());
            if (earlier != null && Boolean.TRUE.equals(earlier.meetsTarget()) && earlier.value() != null) {
                missed.add(new MissedTarget(row.kpi(), grain, latest, row.department(), row.value(), row.target(),
                        earlier.value()));
            }
        }
        missed.sort(Comparator.comparing(MissedTarget::department).thenComparing(MissedTarget::kpi));
        return missed;
    }
}
