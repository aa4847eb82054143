package io.civicpulse.kpi;

import java.util.List;

/**
 * The slices of kpis.md: which of department, service, channel and district a KPI row fixes; the others are
 * totalled and written as {@code *}.
 */
public enum Slice {
    CITY(false, false, false, false),
    DEPARTMENT(true, false, false, false),
    DEPARTMENT_SERVICE(true, true, false, false),
    CHANNEL(false, false, true, false),
    DEPARTMENT_CHANNEL(true, false, true, false),
    DISTRICT(false, false, false, true),
    DEPARTMENT_DISTRICT(true, false, false, true);

    public static final String ALL = "*";

    private final boolean department;
    private final boolean service;
    private final boolean channel;
    private final boolean district;

    Slice(boolean department, boolean service, boolean channel, boolean district) {
        this.department = department;
        this.service = service;
        this.channel = channel;
        this.district = district;
    }

    public boolean hasDepartment() {
        return department;
    }

    public boolean hasService() {
        return service;
    }

    public boolean hasChannel() {
        return channel;
    }

    public boolean hasDistrict() {
        return district;
    }

    /** Contacts have no service, so they have no department_service rows. */
    public static List<Slice> of(Feed feed) {
        return feed == Feed.CONTACTS
                ? List.of(CITY, DEPARTMENT, CHANNEL, DEPARTMENT_CHANNEL, DISTRICT, DEPARTMENT_DISTRICT)
                : List.of(values());
    }

    /** The slice a row with these dimension values belongs to. */
    public static Slice of(String department, String service, String channel, String district) {
        for (Slice slice : values()) {
            if (slice.department == !ALL.equals(department) && slice.service == !ALL.equals(service)
                    && slice.channel == !ALL.equals(channel) && slice.district == !ALL.equals(district)) {
                return slice;
            }
        }
        throw new IllegalArgumentException("No slice fixes exactly department=%s service=%s channel=%s district=%s"
                .formatted(department, service, channel, district));
    }
}
