package io.civicpulse.kpi;

import java.time.LocalDate;

/**
 * One published KPI result, the export contract's columns. Nullable numbers are empty where not applicable
 * or suppressed.
 */
public record KpiRow(Kpi kpi, Grain grain, LocalDate periodStart, String department, String service,
        String channel, String district, Double value, Long numerator, Long denominator, long sampleSize,
        Double target, Boolean meetsTarget, Double score, boolean suppressed) {

    public SliceKey sliceKey() {
        return new SliceKey(department, service, channel, district);
    }
}
