package io.civicpulse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.civicpulse.kpi.KpiParameters;

class SqlParametersTests {

    @Test
    void theWidestCoveredPeriodBoundsTheCalendarAndTheBacklogIsMeasuredAfterTo() {
        // given a run from Wed 2026-04-01 (its week began in March) to Tue 2026-04-14
        KpiParameters p = EngineConfiguration.parameters(null, List.of(), LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 14));

        // when
        Map<String, String> values = SqlParameters.of(p);

        // then the calendar reaches back to the week's Monday and forward to the quarter's end
        assertThat(values).containsEntry("first_day", "2026-03-30").containsEntry("last_day", "2026-06-30")
                .containsEntry("as_of", "2026-04-15").containsEntry("min_cell_size", "10");
    }

    @Test
    void ofTwoTargetsForTheSameKpiDepartmentAndChannelTheFirstConfiguredApplies() {
        // given two city-wide CSAT_MEAN targets and a service level with an apostrophe
        KpiParameters p = EngineConfiguration.parameters(null, List.of(
                "--civicpulse.kpi.targets[0].kpi=CSAT_MEAN", "--civicpulse.kpi.targets[0].value=4",
                "--civicpulse.kpi.targets[1].kpi=CSAT_MEAN", "--civicpulse.kpi.targets[1].value=3",
                "--civicpulse.kpi.service-levels[0].department=DOT",
                "--civicpulse.kpi.service-levels[0].service=Driver's Permit",
                "--civicpulse.kpi.service-levels[0].close-within=P1DT12H"),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1));

        // when
        Map<String, String> values = SqlParameters.of(p);

        // then
        assertThat(values.get("targets")).contains("CAST(4 AS DOUBLE PRECISION)")
                .doesNotContain("CAST(3 AS DOUBLE PRECISION)");
        assertThat(values.get("service_levels")).contains("'Driver''s Permit'").contains("CAST(129600 AS");
    }

    @Test
    void anEmptyConfigurationTableHasItsColumnsButNoRows() {
        // when
        String table = SqlParameters.table(List.of("kpi TEXT", "value DOUBLE PRECISION"), List.of());

        // then
        assertThat(table).isEqualTo("SELECT CAST(NULL AS TEXT) AS kpi, CAST(NULL AS DOUBLE PRECISION) AS value"
                + " WHERE 1 = 0");
    }
}
