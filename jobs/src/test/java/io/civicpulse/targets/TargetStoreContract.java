package io.civicpulse.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiParameters;

/**
 * The target history on a database the subclass chooses, configured with two targets (see the subclasses): seeding
 * once, every change audited with what it replaced, bad changes refused with nothing saved.
 */
abstract class TargetStoreContract {

    static final TargetKey ON_TIME = new TargetKey(Kpi.ON_TIME_RATE, null, null);
    static final TargetKey SAN_CSAT = new TargetKey(Kpi.CSAT_MEAN, "SAN", null);
    static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);

    @Autowired
    TargetStore targets;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM kpi_target").update();
        jdbc.sql("DELETE FROM kpi_target_seed").update();
    }

    @Test
    void givenAnEmptyHistoryWhenSeededThenTheConfiguredTargetsApplyFromTheBeginningOnce() {
        // when
        boolean first = targets.seedFromConfiguration();
        boolean second = targets.seedFromConfiguration();

        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        List<TargetChange> changes = targets.changes();
        assertThat(changes).extracting(TargetChange::key).containsExactly(ON_TIME, SAN_CSAT);
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.fromTheBeginning()).isTrue();
            assertThat(change.reason()).isEqualTo("from configuration");
            assertThat(change.changedBy()).isEqualTo("configuration");
            assertThat(change.oldValue()).isNull();
        });
        assertThat(changes.getFirst().value()).isEqualTo(0.8);
        assertThat(changes.getFirst().weight()).isEqualTo(2.0);
        assertThat(targets.inForce()).contains(new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.8, null, null, 2));
    }

    @Test
    void givenAHistoryWithChangesWhenSeedingThenNothingIsAdded() {
        // given an administrator's change before any run
        targets.set(ON_TIME, 0.7, 1, MAR_1, "new city plan", "alice");

        // when / then
        assertThat(targets.seedFromConfiguration()).isFalse();
        assertThat(targets.changes()).hasSize(1);
    }

    @Test
    void givenASeededTargetWhenChangedAndEndedThenEveryChangeIsAuditedWithWhatItReplaced() {
        // given
        targets.seedFromConfiguration();

        // when
        TargetChange raised = targets.set(ON_TIME, 0.9, 1.5, MAR_1, "  council resolution 12/2026 ", "alice");
        TargetChange ended = targets.end(SAN_CSAT, MAR_1.plusDays(14), "survey paused", "bob");
        TargetChange added = targets.set(new TargetKey(Kpi.NPS, "dot", "phone"), -10, 1, MAR_1, "new", "alice");

        // then
        assertThat(raised.value()).isEqualTo(0.9);
        assertThat(raised.weight()).isEqualTo(1.5);
        assertThat(raised.oldValue()).isEqualTo(0.8);
        assertThat(raised.oldWeight()).isEqualTo(2.0);
        assertThat(raised.reason()).isEqualTo("council resolution 12/2026");
        assertThat(raised.changedBy()).isEqualTo("alice");
        assertThat(raised.changedAt()).isNotNull();
        assertThat(ended.ended()).isTrue();
        assertThat(ended.value()).isNull();
        assertThat(ended.oldValue()).isEqualTo(4.0);
        assertThat(added.key()).isEqualTo(new TargetKey(Kpi.NPS, "DOT", "PHONE"));
        assertThat(added.oldValue()).isNull();
        assertThat(targets.changes(ON_TIME)).extracting(TargetChange::value).containsExactly(0.8, 0.9);
        assertThat(TargetTimeline.inForceOn(targets.changes(), MAR_1.plusDays(20))).containsOnlyKeys(ON_TIME,
                new TargetKey(Kpi.NPS, "DOT", "PHONE"));
        assertThat(targets.inForce()).contains(
                new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.8, null, null, 2, null, MAR_1),
                new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.9, null, null, 1.5, MAR_1, null),
                new KpiParameters.Target(Kpi.CSAT_MEAN, 4.0, "SAN", null, 1, null, MAR_1.plusDays(14)));
    }

    @Test
    void givenBadChangesWhenRecordedThenEachIsRefusedWithAClearMessageAndNothingIsSaved() {
        // given
        targets.seedFromConfiguration();
        List<TargetChange> before = targets.changes();

        // when / then
        assertThatThrownBy(() -> targets.set(SAN_CSAT, 6, 1, MAR_1, "why", "alice"))
                .isInstanceOf(InvalidTargetChange.class)
                .hasMessage("CSAT_MEAN for SAN: CSAT_MEAN is from 1 to 5 (points of 5), so a target of 6 is out of"
                        + " range")
                .extracting(e -> ((InvalidTargetChange) e).field()).isEqualTo("value");
        assertThatThrownBy(() -> targets.set(ON_TIME, 1.01, 1, MAR_1, "why", "alice"))
                .hasMessageContaining("ON_TIME_RATE is from 0 to 1");
        assertThatThrownBy(() -> targets.set(ON_TIME, 0.5, 0, MAR_1, "why", "alice"))
                .hasMessageContaining("the weight must be more than 0");
        assertThatThrownBy(() -> targets.set(new TargetKey(Kpi.CONTACTS, null, null), 5, 1, MAR_1, "why", "alice"))
                .hasMessage("CONTACTS has no better direction, so it cannot have a target");
        assertThatThrownBy(() -> targets.set(new TargetKey(Kpi.NPS, null, "FAX"), 5, 1, MAR_1, "why", "alice"))
                .hasMessageStartingWith("unknown channel 'FAX'");
        assertThatThrownBy(() -> targets.set(ON_TIME, 0.5, 1, MAR_1, " ", "alice"))
                .hasMessage("a change needs a reason");
        assertThatThrownBy(() -> targets.set(ON_TIME, 0.5, 1, null, "why", "alice"))
                .hasMessage("a change needs the date it takes effect");
        assertThatThrownBy(() -> targets.end(new TargetKey(Kpi.NPS, "DOT", null), MAR_1, "why", "alice"))
                .hasMessage("NPS for DOT has no target in force on 2026-03-01, so there is none to end");
        assertThat(targets.changes()).isEqualTo(before);
    }
}
