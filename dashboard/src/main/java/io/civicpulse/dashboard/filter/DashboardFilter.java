package io.civicpulse.dashboard.filter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.router.QueryParameters;

import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Slice;
import io.civicpulse.kpi.SliceKey;

/**
 * What every view is filtered by, as it appears in the address: {@code ?grain=MONTH&period=2026-08-01
 * &department=SAN&service=MISSED_PICKUP&channel=PHONE&district=CD03}. Living in the address, a filter survives a
 * reload, can be shared as a link and is undone by the browser's back button.
 * <p>
 * Not every combination is a published slice (kpis.md): a service needs its department and rules out a channel or a
 * district, and a channel and a district are never fixed together. {@link #normalized()} keeps the most specific
 * valid reading, which the views then write back to the address.
 *
 * @param period the first day of the period; {@code null} for the newest period of the grain
 */
public record DashboardFilter(Grain grain, LocalDate period, String department, String service, String channel,
        String district) {

    public static final String GRAIN = "grain";
    public static final String PERIOD = "period";
    public static final String DEPARTMENT = "department";
    public static final String SERVICE = "service";
    public static final String CHANNEL = "channel";
    public static final String DISTRICT = "district";
    private static final List<String> NAMES = List.of(GRAIN, PERIOD, DEPARTMENT, SERVICE, CHANNEL, DISTRICT);

    public static final Grain DEFAULT_GRAIN = Grain.MONTH;

    public DashboardFilter {
        grain = grain == null ? DEFAULT_GRAIN : grain;
        period = period == null ? null : grain.periodStart(period);
        department = blankToNull(department);
        service = blankToNull(service);
        channel = blankToNull(channel);
        district = blankToNull(district);
    }

    /** The whole city, newest month. */
    public static DashboardFilter city() {
        return new DashboardFilter(DEFAULT_GRAIN, null, null, null, null, null);
    }

    /** Reads the address's parameters; a value that cannot be read is left out, as if it were not there. */
    public static DashboardFilter from(QueryParameters query) {
        Map<String, List<String>> parameters = query.getParameters();
        return new DashboardFilter(
                first(parameters, GRAIN).flatMap(DashboardFilter::parseGrain).orElse(DEFAULT_GRAIN),
                first(parameters, PERIOD).flatMap(DashboardFilter::parseDate).orElse(null),
                first(parameters, DEPARTMENT).orElse(null), first(parameters, SERVICE).orElse(null),
                first(parameters, CHANNEL).orElse(null), first(parameters, DISTRICT).orElse(null));
    }

    /** Whether the address names any filter at all (a bare address shows the defaults and is left bare). */
    public static boolean isExplicit(QueryParameters query) {
        return NAMES.stream().anyMatch(query.getParameters()::containsKey);
    }

    /** The parameters of the filter; unset ones are left out, so a filter has exactly one address. */
    public QueryParameters toQueryParameters() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(GRAIN, grain.name());
        if (period != null) {
            parameters.put(PERIOD, period.toString());
        }
        putIfSet(parameters, DEPARTMENT, department);
        putIfSet(parameters, SERVICE, service);
        putIfSet(parameters, CHANNEL, channel);
        putIfSet(parameters, DISTRICT, district);
        return QueryParameters.simple(parameters);
    }

    /** The most specific published slice this filter can mean: see the class comment. */
    public DashboardFilter normalized() {
        String s = department == null ? null : service;
        String c = s != null ? null : channel;
        String d = s != null || c != null ? null : district;
        return new DashboardFilter(grain, period, department, s, c, d);
    }

    public SliceKey slice() {
        DashboardFilter valid = normalized();
        return new SliceKey(valid.department, valid.service, valid.channel, valid.district);
    }

    public Slice sliceKind() {
        return slice().slice();
    }

    public DashboardFilter withGrain(Grain newGrain) {
        return new DashboardFilter(newGrain, period, department, service, channel, district);
    }

    public DashboardFilter withPeriod(LocalDate newPeriod) {
        return new DashboardFilter(grain, newPeriod, department, service, channel, district);
    }

    /** Another department has other services, so the service is cleared. */
    public DashboardFilter withDepartment(String newDepartment) {
        return new DashboardFilter(grain, period, newDepartment, null, channel, district);
    }

    /** A service is only published as a whole, so a channel or a district is cleared. */
    public DashboardFilter withService(String newService) {
        return newService == null ? new DashboardFilter(grain, period, department, null, channel, district)
                : new DashboardFilter(grain, period, department, newService, null, null);
    }

    public DashboardFilter withChannel(String newChannel) {
        return newChannel == null ? new DashboardFilter(grain, period, department, service, null, district)
                : new DashboardFilter(grain, period, department, null, newChannel, null);
    }

    public DashboardFilter withDistrict(String newDistrict) {
        return newDistrict == null ? new DashboardFilter(grain, period, department, service, channel, null)
                : new DashboardFilter(grain, period, department, null, null, newDistrict);
    }

    /**
     * The filter a view shows given the periods of its grain that have results (newest first): the period that
     * contains the requested date, or the newest one. Empty when the grain has no results at all.
     */
    public Optional<DashboardFilter> resolve(List<LocalDate> periods) {
        if (periods.isEmpty()) {
            return Optional.empty();
        }
        LocalDate selected = period != null && periods.contains(period) ? period : periods.getFirst();
        return Optional.of(normalized().withPeriod(selected));
    }

    private static void putIfSet(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || Slice.ALL.equals(value.trim()) ? null : value.trim();
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).filter(values -> !values.isEmpty()).map(List::getFirst);
    }

    private static Optional<Grain> parseGrain(String value) {
        try {
            return Optional.of(Grain.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> parseDate(String value) {
        try {
            return Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
