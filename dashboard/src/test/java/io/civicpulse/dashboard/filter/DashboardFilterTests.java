package io.civicpulse.dashboard.filter;

import static org.assertj.core.api.Assertions.assertThat;

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
}
