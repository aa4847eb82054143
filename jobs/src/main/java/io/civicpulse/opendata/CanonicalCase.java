package io.civicpulse.opendata;

import java.time.Instant;

/** A request mapped to the cases feed of feeds.md. */
record CanonicalCase(String caseId, String department, String service, String channel, String district,
        Instant openedAt, Instant closedAt, Instant dueAt, String status, String outcome) {

    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";
    static final String OTHER = "OTHER";

    /**
     * Whether the request implies one contact of a resident with the city: it came in by a resident's channel. A
     * request by an internal channel (a city crew's app) or an unknown one ({@code OTHER}) implies none.
     */
    boolean residentContact() {
        return !channel.equals(OTHER);
    }
}
