package io.civicpulse.opendata;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Open311 GeoReport v2 service requests ({@code GET requests.json} / {@code requests.xml}). Mapping table with
 * reasons: docs/open-data-mappings.md. GeoReport v2 has no closed time, no channel and no district: a closed
 * request's last update ({@code updated_datetime}) is its closed time, every request's channel is OTHER (so no
 * contact is derived), and the district comes from a {@code district}-like extension field where a city adds one.
 */
final class Open311Mapping extends CaseMapping {

    static final ValueTable STATUSES = new ValueTable("status")
            .map(CanonicalCase.CLOSED, "closed")
            .map(CanonicalCase.OPEN, "open");

    /** Every value of a field GeoReport v2 does not have: kept as OTHER on purpose, counted in the warnings. */
    private static final ValueTable NO_CHANNEL = new ValueTable("channel")
            .other("GeoReport v2 has no channel field", "");

    private static final ValueTable NO_AGENCY = new ValueTable("agency_responsible")
            .other("the request names no agency_responsible", "");

    Open311Mapping(ZoneId zone) {
        super(zone);
    }

    @Override
    Map<String, List<String>> fields() {
        return Map.of(
                "service_request_id", List.of("service_request_id"),
                "status", List.of("status"),
                "service_name", List.of("service_name"),
                "service_code", List.of("service_code"),
                "agency_responsible", List.of("agency_responsible"),
                "requested_datetime", List.of("requested_datetime"),
                "updated_datetime", List.of("updated_datetime"),
                "expected_datetime", List.of("expected_datetime"),
                "district", List.of("district", "council_district", "neighborhood", "ward"));
    }

    @Override
    List<String> requiredFields() {
        return List.of();
    }

    @Override
    CanonicalCase map(SourceRow row, ImportReport report) throws RowRejected {
        String id = required(row, "service_request_id", "service_request_id");
        String agency = row.get("agency_responsible");
        String department = agency == null ? NO_AGENCY.lookup("", report) : departmentCode(agency);
        String service = row.get("service_name") != null ? row.get("service_name") : row.get("service_code");
        if (service == null) {
            throw new RowRejected("service_name", "no service_name or service_code");
        }
        String status = status(row, "status", STATUSES);
        Instant closedAt = status.equals(CanonicalCase.CLOSED) ? timestamp(row, "updated_datetime") : null;
        return checked(new CanonicalCase(id, department, service, NO_CHANNEL.lookup("", report), row.get("district"),
                requiredTimestamp(row, "requested_datetime"), closedAt, timestamp(row, "expected_datetime"),
                status, status.equals(CanonicalCase.CLOSED) ? "RESOLVED" : null), "updated_datetime");
    }
}
