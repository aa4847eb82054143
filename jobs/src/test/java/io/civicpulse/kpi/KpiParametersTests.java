package io.civicpulse.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.civicpulse.CivicPulseProperties;

class KpiParametersTests {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void configuredTargetsAndServiceLevelsAreNormalised() {
        // given
        CivicPulseProperties properties = properties(
                List.of(new CivicPulseProperties.ServiceLevel(" san ", " Bulky Items ", Duration.ofDays(5))),
                List.of(new CivicPulseProperties.Target("on_time_rate", 0.9, "san", " ", 2)));

        // when
        KpiParameters parameters = KpiParameters.of(properties, DAY, DAY);

        // then
        assertThat(parameters.serviceLevels()).containsExactly(
                new KpiParameters.ServiceLevel("SAN", "Bulky Items", Duration.ofDays(5)));
        assertThat(parameters.targets()).containsExactly(new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.9, "SAN", null, 2));
        assertThat(parameters.answerThresholds()).containsEntry("PHONE", 30).containsEntry("WALK_IN", 900);
    }

    @Test
    void targetsKpisMdLeavesUndefinedAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> KpiParameters.of(properties(List.of(),
                List.of(new CivicPulseProperties.Target("CONTACTS", 100, null, null, 1))), DAY, DAY))
                .hasMessage("civicpulse.kpi.targets[0].kpi: CONTACTS has no better direction, so it cannot have a target");
        assertThatThrownBy(() -> KpiParameters.of(properties(List.of(),
                List.of(new CivicPulseProperties.Target("NPS", 20, null, null, 0))), DAY, DAY))
                .hasMessage("civicpulse.kpi.targets[0].weight: the weight must be more than 0, was 0.0");
        assertThatThrownBy(() -> KpiParameters.of(properties(List.of(),
                List.of(new CivicPulseProperties.Target("HAPPINESS", 1, null, null, 1))), DAY, DAY))
                .hasMessage("civicpulse.kpi.targets[0].kpi: unknown KPI 'HAPPINESS'");
    }

    @Test
    void targetsOutsideTheRangeOfTheirKpiAreRefusedSayingTheRange() {
        assertThatThrownBy(() -> KpiParameters.of(properties(List.of(),
                List.of(new CivicPulseProperties.Target("CSAT_MEAN", 6, null, null, 1))), DAY, DAY))
                .hasMessage("civicpulse.kpi.targets[0].value: CSAT_MEAN is from 1 to 5 (points of 5), so a target of"
                        + " 6 is out of range");
        assertThat(KpiParameters.targetProblem(Kpi.ON_TIME_RATE, 1.2, 1)).get()
                .extracting(KpiParameters.TargetProblem::message)
                .isEqualTo("ON_TIME_RATE is from 0 to 1 (share), so a target of 1.2 is out of range");
        assertThat(KpiParameters.targetProblem(Kpi.CES_MEAN, 0.5, 1)).isPresent();
        assertThat(KpiParameters.targetProblem(Kpi.NPS, -101, 1)).isPresent();
        assertThat(KpiParameters.targetProblem(Kpi.WAIT_MEDIAN_SECONDS, -1, 1)).get()
                .extracting(KpiParameters.TargetProblem::message)
                .isEqualTo("WAIT_MEDIAN_SECONDS is 0 or more (seconds), so a target of -1 is out of range");
        assertThat(KpiParameters.targetProblem(Kpi.BACKLOG_OVERDUE, Double.NaN, 1)).isPresent();
        assertThat(KpiParameters.targetProblem(Kpi.NPS, -100, 0.5)).isEmpty();
        assertThat(KpiParameters.targetProblem(Kpi.BACKLOG_OVERDUE, 0, 1)).isEmpty();
        assertThat(KpiParameters.targetProblem(Kpi.CLOSE_MEDIAN_HOURS, 1e6, 1)).isEmpty();
    }

    @Test
    void twoServiceLevelsForOneServiceAreRefused() {
        assertThatThrownBy(() -> KpiParameters.of(properties(List.of(
                new CivicPulseProperties.ServiceLevel("SAN", "Bulky Items", Duration.ofDays(5)),
                new CivicPulseProperties.ServiceLevel("san", "Bulky Items", Duration.ofDays(3))), List.of()), DAY, DAY))
                .hasMessage("civicpulse.kpi.service-levels[1]: SAN / Bulky Items has a service level already");
    }

    static CivicPulseProperties properties(List<CivicPulseProperties.ServiceLevel> levels,
            List<CivicPulseProperties.Target> targets) {
        return new CivicPulseProperties(Path.of("data"), new CivicPulseProperties.City(ZoneId.of("America/New_York")),
                new CivicPulseProperties.Privacy(10, List.of("ADMIN")), new CivicPulseProperties.Ingest(0.05),
                new CivicPulseProperties.KpiSettings(null, levels, targets),
                new CivicPulseProperties.Spark("local[2]", 4, null));
    }
}
