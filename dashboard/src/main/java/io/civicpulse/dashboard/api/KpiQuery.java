package io.civicpulse.dashboard.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;

/**
 * The filters of one API request, read and checked whole before anything is queried: the first parameter that
 * cannot be used is reported with its name and value. Every filter is optional; a dimension filter matches its column
 * exactly, and {@code *} selects the total (so {@code department=*} is the city's rows).
 *
 * @param kpis   empty for every KPI
 * @param grain  {@code null} for every grain
 * @param from   the first period start, inclusive; {@code null} for no bound
 * @param to     the last period start, inclusive; {@code null} for no bound
 */
record KpiQuery(Set<Kpi> kpis, Grain grain, LocalDate from, LocalDate to, String department, String service,
        String channel, String district, int limit, int offset, boolean csv) {

    static final String KPI = "kpi";
    static final String GRAIN = "grain";
    static final String FROM = "from";
    static final String TO = "to";
    static final String DEPARTMENT = "department";
    static final String SERVICE = "service";
    static final String CHANNEL = "channel";
    static final String DISTRICT = "district";
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    static final String FORMAT = "format";
    static final List<String> PARAMETERS = List.of(KPI, GRAIN, FROM, TO, DEPARTMENT, SERVICE, CHANNEL, DISTRICT,
            LIMIT, OFFSET, FORMAT);

    // Codes and names as the feeds carry them (a service may be "Bulky Items"); no control characters.
    private static final Pattern DIMENSION = Pattern.compile("[\\p{L}\\p{N} ._*/&()'-]{1,100}");

    /**
     * @param acceptsCsv whether the request's {@code Accept} header asks for {@code text/csv}; {@code format} wins
     */
    static KpiQuery parse(Map<String, String[]> parameters, boolean acceptsCsv, KpiApiProperties limits) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new BadParameterException(name, first(parameters, name),
                        "Unknown parameter '" + name + "'; the parameters are " + String.join(", ", PARAMETERS));
            }
            if (parameters.get(name).length > 1) {
                throw new BadParameterException(name, String.join(",", parameters.get(name)),
                        "Parameter '" + name + "' is given more than once; give it once (kpi takes a comma-separated"
                                + " list)");
            }
        }
        Set<Kpi> kpis = kpis(first(parameters, KPI));
        Grain grain = grain(first(parameters, GRAIN));
        LocalDate from = date(FROM, first(parameters, FROM));
        LocalDate to = date(TO, first(parameters, TO));
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadParameterException(TO, to.toString(), "Parameter 'to' (" + to + ") is before 'from' ("
                    + from + ")");
        }
        int limit = integer(LIMIT, first(parameters, LIMIT), limits.defaultLimit());
        if (limit < 1 || limit > limits.maxLimit()) {
            throw new BadParameterException(LIMIT, String.valueOf(limit), "Parameter 'limit' must be between 1 and "
                    + limits.maxLimit() + " rows; page through more with 'offset'");
        }
        int offset = integer(OFFSET, first(parameters, OFFSET), 0);
        if (offset < 0) {
            throw new BadParameterException(OFFSET, String.valueOf(offset), "Parameter 'offset' must not be negative");
        }
        return new KpiQuery(kpis, grain, from, to, dimension(DEPARTMENT, parameters), dimension(SERVICE, parameters),
                dimension(CHANNEL, parameters), dimension(DISTRICT, parameters), limit, offset,
                csv(first(parameters, FORMAT), acceptsCsv));
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static Set<Kpi> kpis(String value) {
        Set<Kpi> kpis = EnumSet.noneOf(Kpi.class);
        if (value == null || value.isBlank()) {
            return kpis;
        }
        for (String name : value.split(",")) {
            try {
                kpis.add(Kpi.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                List<String> known = new ArrayList<>();
                for (Kpi kpi : Kpi.values()) {
                    known.add(kpi.name());
                }
                throw new BadParameterException(KPI, name.trim(), "Unknown KPI '" + name.trim() + "' in parameter"
                        + " 'kpi'; the KPIs are " + String.join(", ", known));
            }
        }
        return kpis;
    }

    private static Grain grain(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Grain.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(GRAIN, value, "Unknown grain '" + value
                    + "' in parameter 'grain'; the grains are DAY, WEEK, MONTH, QUARTER");
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, value, "Parameter '" + name + "' must be a date as YYYY-MM-DD, not '"
                    + value + "'");
        }
    }

    private static int integer(String name, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, value, "Parameter '" + name + "' must be a whole number, not '"
                    + value + "'");
        }
    }

    private static String dimension(String name, Map<String, String[]> parameters) {
        String value = first(parameters, name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!DIMENSION.matcher(value).matches()) {
            throw new BadParameterException(name, value, "Parameter '" + name + "' must be 1 to 100 letters, digits,"
                    + " spaces or . _ * / & ( ) ' -");
        }
        return value;
    }

    private static boolean csv(String format, boolean acceptsCsv) {
        if (format == null || format.isBlank()) {
            return acceptsCsv;
        }
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new BadParameterException(FORMAT, format, "Parameter 'format' must be json or csv, not '"
                    + format + "'");
        };
    }
}
