package io.civicpulse.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiParameters;

class TargetTimelineTests {

    static final TargetKey ON_TIME = new TargetKey(Kpi.ON_TIME_RATE, null, null);
    static final TargetKey SAN_ON_TIME = new TargetKey(Kpi.ON_TIME_RATE, "san", " ");
    static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);

    @Test
    void givenChangesOfAKeyWhenReadForTheRunThenEachIsInForceUntilTheNext() {
        // given a seeded target, a change on Mar 1 and one on Apr 1
        List<TargetChange> changes = List.of(
                set(1, ON_TIME, 0.8, 1, TargetChange.BEGINNING_OF_TIME),
                set(3, ON_TIME, 0.85, 1, APR_1),
                set(2, ON_TIME, 0.9, 2, MAR_1));

        // when
        List<KpiParameters.Target> inForce = TargetTimeline.inForce(changes);

        // then
        assertThat(inForce).containsExactly(
                new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.8, null, null, 1, null, MAR_1),
                new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.9, null, null, 2, MAR_1, APR_1),
                new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.85, null, null, 1, APR_1, null));
        assertThat(inForce.get(1).appliesTo(MAR_1)).isTrue();
        assertThat(inForce.get(1).appliesTo(APR_1)).isFalse();
        assertThat(inForce.get(0).appliesTo(LocalDate.of(1999, 1, 1))).isTrue();
    }

    @Test
    void givenAnEndedTargetWhenReadForTheRunThenItsPeriodsHaveNoneUntilItIsSetAgain() {
        // given SAN's target ended on Mar 1 and set again on Apr 1
        List<TargetChange> changes = List.of(
                set(1, SAN_ON_TIME, 0.8, 1, TargetChange.BEGINNING_OF_TIME),
                ended(2, SAN_ON_TIME, MAR_1),
                set(3, SAN_ON_TIME, 0.7, 1, APR_1));

        // when / then
        assertThat(TargetTimeline.inForce(changes)).containsExactly(
                new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.8, "SAN", null, 1, null, MAR_1),
                new KpiParameters.Target(Kpi.ON_TIME_RATE, 0.7, "SAN", null, 1, APR_1, null));
        assertThat(TargetTimeline.inForceOn(changes, MAR_1.plusDays(3))).isEmpty();
        assertThat(TargetTimeline.inForceOn(changes, APR_1)).containsOnlyKeys(SAN_ON_TIME);
    }

    @Test
    void givenTwoChangesWithTheSameDateWhenReadThenTheOneRecordedLaterCorrectsTheOther() {
        // given a change on Mar 1, corrected the same day
        List<TargetChange> changes = List.of(
                set(1, ON_TIME, 0.8, 1, TargetChange.BEGINNING_OF_TIME),
                set(2, ON_TIME, 0.5, 1, MAR_1),
                set(3, ON_TIME, 0.85, 1, MAR_1));

        // when / then
        assertThat(TargetTimeline.inForce(changes)).extracting(KpiParameters.Target::value).containsExactly(0.8, 0.85);
        assertThat(TargetTimeline.inForceOn(changes, MAR_1).get(ON_TIME).id()).isEqualTo(3);
        assertThat(TargetTimeline.upcoming(changes, MAR_1.minusDays(1))).extracting(TargetChange::id)
                .containsExactly(3L);
    }

    @Test
    void givenChangesInThePastAndFutureWhenAskedOnADayThenInForceAndUpcomingAreSeparated() {
        // given
        List<TargetChange> changes = List.of(
                set(1, ON_TIME, 0.8, 1, TargetChange.BEGINNING_OF_TIME),
                set(2, SAN_ON_TIME, 0.9, 1, MAR_1),
                set(3, ON_TIME, 0.85, 1, APR_1),
                ended(4, SAN_ON_TIME, APR_1.plusDays(10)));
        LocalDate today = MAR_1.plusDays(14);

        // when / then
        assertThat(TargetTimeline.inForceOn(changes, today)).containsOnlyKeys(ON_TIME, SAN_ON_TIME);
        assertThat(TargetTimeline.inForceOn(changes, today).get(ON_TIME).value()).isEqualTo(0.8);
        assertThat(TargetTimeline.upcoming(changes, today)).extracting(TargetChange::id).containsExactly(3L, 4L);
        assertThat(TargetTimeline.inForceOn(changes, MAR_1.minusDays(1))).containsOnlyKeys(ON_TIME);
    }

    static TargetChange set(long id, TargetKey key, double value, double weight, LocalDate from) {
        return new TargetChange(id, key, value, weight, from, false, null, null, "why", "who", Instant.EPOCH);
    }

    static TargetChange ended(long id, TargetKey key, LocalDate from) {
        return new TargetChange(id, key, null, null, from, true, null, null, "why", "who", Instant.EPOCH);
    }
}
