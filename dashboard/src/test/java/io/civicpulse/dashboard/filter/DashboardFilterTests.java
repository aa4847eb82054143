package io.civicpulse.dashboard.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.router.QueryParameters;

import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Slice;
import io.civicpulse.kpi.SliceKey;

class DashboardFilterTests {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    @Test
    void theAddressRoundTrips() {
        // given
        QueryParameters query = QueryParameters.fromString(
                "grain=MONTH&period=2026-08-01&department=SAN&service=MISSED_PICKUP");

        // when
        DashboardFilter filter = DashboardFilter.from(query);

        // then
        assertThat(filter).isEqualTo(new DashboardFilter(Grain.MONTH, AUGUST, "SAN", "MISSED_PICKUP", null, null));
        assertThat(filter.toQueryParameters()).isEqualTo(query);
        assertThat(filter.slice()).isEqualTo(new SliceKey("SAN", "MISSED_PICKUP", "*", "*"));
    }

    @Test
    void unreadableValuesAreIgnoredAndDatesSnapToTheirPeriod() {
        // given
        QueryParameters query = QueryParameters.fromString("grain=fortnight&period=2026-08-17&channel=%20");

        // when
        DashboardFilter filter = DashboardFilter.from(query);

        // then
        assertThat(filter.grain()).isEqualTo(DashboardFilter.DEFAULT_GRAIN);
        assertThat(filter.period()).isEqualTo(AUGUST);
        assertThat(filter.channel()).isNull();
        assertThat(DashboardFilter.from(QueryParameters.fromString("grain=week&period=2026-08-06")).period())
                .isEqualTo(LocalDate.of(2026, 8, 3));
    }

    @Test
    void onlyPublishedSlicesAreMeant() {
        // given
        DashboardFilter everything = new DashboardFilter(Grain.MONTH, AUGUST, "SAN", "MISSED_PICKUP", "PHONE", "CD01");
        DashboardFilter serviceWithoutDepartment = new DashboardFilter(Grain.MONTH, AUGUST, null, "X", null, null);
        DashboardFilter channelAndDistrict = new DashboardFilter(Grain.MONTH, AUGUST, null, null, "PHONE", "CD01");

        // then
        assertThat(everything.normalized().sliceKind()).isEqualTo(Slice.DEPARTMENT_SERVICE);
        assertThat(serviceWithoutDepartment.normalized().sliceKind()).isEqualTo(Slice.CITY);
        assertThat(channelAndDistrict.normalized().sliceKind()).isEqualTo(Slice.CHANNEL);
        assertThat(new DashboardFilter(Grain.DAY, AUGUST, "SAN", null, null, "CD01").sliceKind())
                .isEqualTo(Slice.DEPARTMENT_DISTRICT);
    }

    @Test
    void choosingOneDimensionClearsThoseItRulesOut() {
        // given
        DashboardFilter service = new DashboardFilter(Grain.MONTH, AUGUST, "SAN", "MISSED_PICKUP", null, null);

        // then
        assertThat(service.withDepartment("DOT").service()).isNull();
        assertThat(service.withChannel("PHONE")).isEqualTo(
                new DashboardFilter(Grain.MONTH, AUGUST, "SAN", null, "PHONE", null));
        assertThat(service.withDistrict("CD01").withChannel("WEB").district()).isNull();
        assertThat(service.withService(null).service()).isNull();
    }

    @Test
    void thePeriodResolvesToOneWithResults() {
        // given
        DashboardFilter none = DashboardFilter.city();
        DashboardFilter july = DashboardFilter.city().withPeriod(JULY);
        DashboardFilter june = DashboardFilter.city().withPeriod(LocalDate.of(2026, 6, 1));

        // then
        assertThat(none.resolve(List.of(AUGUST, JULY)).orElseThrow().period()).isEqualTo(AUGUST);
        assertThat(july.resolve(List.of(AUGUST, JULY)).orElseThrow().period()).isEqualTo(JULY);
        assertThat(june.resolve(List.of(AUGUST, JULY)).orElseThrow().period()).isEqualTo(AUGUST);
        assertThat(none.resolve(List.of())).isEmpty();
        assertThat(DashboardFilter.isExplicit(QueryParameters.simple(Map.of("department", "SAN")))).isTrue();
        assertThat(DashboardFilter.isExplicit(QueryParameters.empty())).isFalse();
    }

    @Test
    void aRangeInTheAddressRoundTripsWithPeriodStillTheSelectedOne() {
        // given
        QueryParameters query = QueryParameters.fromString(
                "grain=MONTH&from=2026-05-01&period=2026-08-01&department=SAN");

        // when
        DashboardFilter filter = DashboardFilter.from(query);

        // then
        assertThat(filter).isEqualTo(new DashboardFilter(Grain.MONTH, LocalDate.of(2026, 5, 1), AUGUST, "SAN", null,
                null, null));
        assertThat(filter.toQueryParameters()).isEqualTo(query);
        assertThat(filter.period()).isEqualTo(AUGUST);
        assertThat(filter.range().periods()).containsExactly(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1),
                JULY, AUGUST);
        assertThat(DashboardFilter.isExplicit(QueryParameters.fromString("from=2026-05-01"))).isTrue();
    }

    @Test
    void withoutFromTheRangeIsTheTwelvePeriodsEndingWithThePeriodAndMovesWithIt() {
        // given
        DashboardFilter august = DashboardFilter.from(QueryParameters.fromString("grain=MONTH&period=2026-08-01"));

        // then
        assertThat(august.from()).isNull();
        assertThat(august.toQueryParameters().getParameters()).doesNotContainKey(DashboardFilter.FROM);
        assertThat(august.range()).isEqualTo(new PeriodRange(Grain.MONTH, LocalDate.of(2025, 9, 1), AUGUST));
        assertThat(august.withPeriod(JULY).range().first()).isEqualTo(LocalDate.of(2025, 8, 1));
    }

    @Test
    void aFromSnapsToTheStartOfItsPeriodAndUnreadableOnesAreIgnored() {
        // when
        DashboardFilter weeks = DashboardFilter.from(QueryParameters.fromString(
                "grain=WEEK&from=2026-07-09&period=2026-08-06"));

        // then
        assertThat(weeks.from()).isEqualTo(LocalDate.of(2026, 7, 6));
        assertThat(weeks.toQueryParameters().getParameters()).containsEntry("from", List.of("2026-07-06"));
        assertThat(DashboardFilter.from(QueryParameters.fromString("from=last-year&period=2026-08-01")).from())
                .isNull();
    }

    @Test
    void aFromAfterThePeriodInALinkIsClampedToThePeriod() {
        // when
        DashboardFilter filter = DashboardFilter.from(QueryParameters.fromString(
                "grain=MONTH&from=2026-11-01&period=2026-08-01"));

        // then the period asked for is still the one shown, as a range of its own
        assertThat(filter.period()).isEqualTo(AUGUST);
        assertThat(filter.from()).isEqualTo(AUGUST);
        assertThat(filter.range().periods()).containsExactly(AUGUST);
        assertThat(filter.toQueryParameters().getParameters()).containsEntry("from", List.of("2026-08-01"));
    }

    @Test
    void aRangeLongerThanTheGrainAllowsIsCutAtItsOldEnd() {
        // when
        DashboardFilter filter = DashboardFilter.from(QueryParameters.fromString(
                "grain=MONTH&from=2019-01-01&period=2026-08-01"));

        // then
        assertThat(filter.from()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(filter.range().periods()).hasSize(PeriodRange.maxPeriods(Grain.MONTH));
    }

    @Test
    void changingTheGrainClearsTheRangeButOtherChoicesKeepIt() {
        // given
        LocalDate may = LocalDate.of(2026, 5, 1);
        DashboardFilter filter = new DashboardFilter(Grain.MONTH, may, AUGUST, "SAN", null, null, null);

        // then
        assertThat(filter.withGrain(Grain.WEEK).from()).isNull();
        assertThat(filter.withService("BULK_ITEM").from()).isEqualTo(may);
        assertThat(filter.withChannel("PHONE").withDistrict("CD01").from()).isEqualTo(may);
        assertThat(filter.withDepartment("DOT").from()).isEqualTo(may);
        assertThat(filter.normalized().from()).isEqualTo(may);
        assertThat(filter.withPeriod(JULY).from()).isEqualTo(may);
        assertThat(filter.withFrom(null).range().periods()).hasSize(PeriodRange.DEFAULT_PERIODS);
    }

    @Test
    void choosingAPeriodBeforeTheRangeGoesBackToTheDefaultRange() {
        // given
        DashboardFilter filter = new DashboardFilter(Grain.MONTH, JULY, AUGUST, null, null, null, null);

        // when
        DashboardFilter june = filter.withPeriod(LocalDate.of(2026, 6, 1));

        // then
        assertThat(june.from()).isNull();
        assertThat(june.range().last()).isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @Test
    void resolvingThePeriodKeepsTheRangeAndAppliesItsRules() {
        // given
        DashboardFilter noPeriod = DashboardFilter.from(QueryParameters.fromString("from=2026-07-01"));
        DashboardFilter tooLate = DashboardFilter.from(QueryParameters.fromString("from=2026-09-01"));

        // then
        assertThatThrownBy(noPeriod::range).isInstanceOf(IllegalStateException.class);
        assertThat(noPeriod.resolve(List.of(AUGUST, JULY)).orElseThrow().range().periods())
                .containsExactly(JULY, AUGUST);
        assertThat(tooLate.resolve(List.of(AUGUST, JULY)).orElseThrow().from()).isEqualTo(AUGUST);
    }
}
