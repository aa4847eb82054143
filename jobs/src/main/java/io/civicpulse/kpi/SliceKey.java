package io.civicpulse.kpi;

import static io.civicpulse.kpi.Slice.ALL;

import java.util.Objects;

/** The four dimension values of a KPI row; {@code *} totals a dimension. */
public record SliceKey(String department, String service, String channel, String district) {

    public static final SliceKey CITY = new SliceKey(ALL, ALL, ALL, ALL);

    public SliceKey {
        department = orAll(department);
        service = orAll(service);
        channel = orAll(channel);
        district = orAll(district);
    }

    public static SliceKey department(String department) {
        return new SliceKey(department, ALL, ALL, ALL);
    }

    public Slice slice() {
        return Slice.of(department, service, channel, district);
    }

    private static String orAll(String value) {
        return Objects.requireNonNullElse(value, ALL);
    }
}
