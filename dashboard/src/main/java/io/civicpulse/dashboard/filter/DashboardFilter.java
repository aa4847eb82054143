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
 * What every view is filtered by, as it appears in the address: {@code ?grain=MONTH&from=2026-03-01
 * &period=2026-08-01&department=SAN&service=MISSED_PICKUP&channel=PHONE&district=CD03}. Living in the address, a
 * filter survives a reload, can be shared as a link and is undone by the browser's back button.
 * <p>
 * The periods a view shows are the {@link #range() range} {@code from}..{@code period}: its trends, sparklines and
 * export cover every period of the range, while its cards, tables and heading show the selected period, the last
 * one. {@code period} keeps its name (and its meaning, the selected period) so links from before ranges still
 * work; {@code from} is optional, and without it the range is the {@value PeriodRange#DEFAULT_PERIODS} periods
 * ending with {@code period}, moving along with it. {@code from} snaps to the start of its period, a {@code from}
 * after {@code period} is clamped to {@code period}, and a range longer than {@link PeriodRange#maxPeriods} is cut
 * at its old end; the views then write the corrected range back to the address (see {@link PeriodRange#of}).
 * <p>
 * Not every combination is a published slice (kpis.md): a service needs its department and rules out a channel or a
 * district, and a channel and a district are never fixed together. {@link #normalized()} keeps the most specific
 * valid reading, which the views then write back to the address.
 *
 * @param from the first day of the range's first period; {@code null} for the default range
 * @param period the first day of the selected period; {@code null} for the newest period of the grain
 */
public record DashboardFilter(Grain grain, LocalDate from, LocalDate period, String department, String service,
        String channel, String district) {

    public static final String GRAIN = "grain";
    public static final String FROM = "from";
    public static final String PERIOD = "period";
    public static final String DEPARTMENT = "department";
    public static final String SERVICE = "service";
    public static final String CHANNEL = "channel";
    public static final String DISTRICT = "district";
    private static final List<String> NAMES = List.of(GRAIN, FROM, PERIOD, DEPARTMENT, SERVICE, CHANNEL, DISTRICT);

    public static final Grain DEFAULT_GRAIN = Grain.MONTH;

    public DashboardFilter {
        grain = grain == null ? DEFAULT_GRAIN : grain;
        period = period == null ? null : grain.periodStart(period);
        if (from != null) {
            // Until the period is known only the snap applies; resolve() then applies the range's other rules.
            from = period == null ? grain.periodStart(from) : PeriodRange.of(grain, from, period).first();
        }
        department = blankToNull(department);
        service = blankToNull(service);
        channel = blankToNull(channel);
        district = blankToNull(district);
    }

    /** A filter with the default range, the {@value PeriodRange#DEFAULT_PERIODS} periods ending with the period. */
    public DashboardFilter(Grain grain, LocalDate period, String department, String service, String channel,
            String district) {
        this(grain, null, period, department, service, channel, district);
    }

    /** The whole city, newest month. */
    public static DashboardFilter city() {
        return new DashboardFilter(DEFAULT_GRAIN, null, null, null, null, null);
    }

    /**
     * Reads the address's parameters; a value that cannot be read is left out, as if it were not there. (Not to be
     * confused with the accessor {@link #from()}, the range's start, named like its parameter in the address.)
     */
    public static DashboardFilter from(QueryParameters query) {
        Map<String, List<String>> parameters = query.getParameters();
        return new DashboardFilter(
                first(parameters, GRAIN).flatMap(DashboardFilter::parseGrain).orElse(DEFAULT_GRAIN),
                first(parameters, FROM).flatMap(DashboardFilter::parseDate).orElse(null),
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
        if (from != null) {
            parameters.put(FROM, from.toString());
        }
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
        return new DashboardFilter(grain, from, period, department, s, c, d);
    }

    public SliceKey slice() {
        DashboardFilter valid = normalized();
        return new SliceKey(valid.department, valid.service, valid.channel, valid.district);
    }

    public Slice sliceKind() {
        return slice().slice();
    }

    /**
     * The periods this filter's views show, oldest first, ending with the selected period: see the class comment.
     *
     * @throws IllegalStateException before the period is known ({@link #resolve} names one)
     */
    public PeriodRange range() {
        if (period == null) {
            throw new IllegalStateException("no period yet: resolve the filter first");
        }
        return PeriodRange.of(grain, from, period);
    }

    /**
     * Clears the range's start as well: a range chosen in one grain means little in another (twelve months are not
     * twelve weeks), so the new grain starts from its default range, just as its period starts from the newest.
     */
    public DashboardFilter withGrain(Grain newGrain) {
        return new DashboardFilter(newGrain, null, period, department, service, channel, district);
    }

    /**
     * Keeps the range's start unless it would come after the new period: a person who picks a period before the
     * range asks to see that period, not a trend of it alone, so the range goes back to its default. (A link that
     * names such a range is clamped instead, see {@link PeriodRange#of}: there both values were asked for.)
     */
    public DashboardFilter withPeriod(LocalDate newPeriod) {
        LocalDate start = from != null && newPeriod != null && from.isAfter(newPeriod) ? null : from;
        return new DashboardFilter(grain, start, newPeriod, department, service, channel, district);
    }

    /** {@code null} goes back to the default range. */
    public DashboardFilter withFrom(LocalDate newFrom) {
        return new DashboardFilter(grain, newFrom, period, department, service, channel, district);
    }

    /** Another department has other services, so the service is cleared. */
    public DashboardFilter withDepartment(String newDepartment) {
        return new DashboardFilter(grain, from, period, newDepartment, null, channel, district);
    }

    /** A service is only published as a whole, so a channel or a district is cleared. */
    public DashboardFilter withService(String newService) {
        return newService == null ? new DashboardFilter(grain, from, period, department, null, channel, district)
                : new DashboardFilter(grain, from, period, department, newService, null, null);
    }

    public DashboardFilter withChannel(String newChannel) {
        return newChannel == null ? new DashboardFilter(grain, from, period, department, service, null, district)
                : new DashboardFilter(grain, from, period, department, null, newChannel, null);
    }

    public DashboardFilter withDistrict(String newDistrict) {
        return newDistrict == null ? new DashboardFilter(grain, from, period, department, service, channel, null)
                : new DashboardFilter(grain, from, period, department, null, null, newDistrict);
    }

    /**
     * The filter a view shows given the periods of its grain that have results (newest first): the period that
     * contains the requested date, or the newest one. Empty when the grain has no results at all. The range's
     * start need not have results (a trend shows gaps) and follows the rules of {@link PeriodRange#of}.
     */
    public Optional<DashboardFilter> resolve(List<LocalDate> periods) {
        if (periods.isEmpty()) {
            return Optional.empty();
        }
        LocalDate selected = period != null && periods.contains(period) ? period : periods.getFirst();
        DashboardFilter valid = normalized();
        return Optional.of(new DashboardFilter(grain, from, selected, valid.department, valid.service, valid.channel,
                valid.district));
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
