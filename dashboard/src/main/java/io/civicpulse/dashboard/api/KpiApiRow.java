package io.civicpulse.dashboard.api;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.civicpulse.kpi.KpiRow;

/**
 * One row as JSON: the export contract's columns under the same names, numbers as numbers, {@code null} where the
 * CSV has an empty field (not applicable, or suppressed).
 */
record KpiApiRow(String kpi, String grain, @JsonProperty("period_start") LocalDate periodStart, String department,
        String service, String channel, String district, Double value, Long numerator, Long denominator,
        @JsonProperty("sample_size") long sampleSize, Double target,
        @JsonProperty("meets_target") Boolean meetsTarget, Double score, boolean suppressed) {

    static KpiApiRow of(KpiRow row) {
        return new KpiApiRow(row.kpi().name(), row.grain().name(), row.periodStart(), row.department(), row.service(),
                row.channel(), row.district(), row.value(), row.numerator(), row.denominator(), row.sampleSize(),
                row.target(), row.meetsTarget(), row.score(), row.suppressed());
    }
}
