package io.civicpulse.opendata;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Los Angeles MyLA311 Service Request Data. Mapping table with reasons: docs/open-data-mappings.md. MyLA311 has no
 * due date: {@code ServiceDate} is the scheduled or actual service day (for 1,774 of the 9,999 requests of the
 * 2017 extract it lies before creation), so due times come from the configured service levels, if any.
 */
final class La311Mapping extends CaseMapping {

    static final ValueTable CHANNELS = new ValueTable("RequestSource")
            .map("PHONE", "Call", "Voicemail", "Queue Initiated Customer Call Back")
            .map("MOBILE_APP", "Mobile App")
            .map("WEB", "Self Service", "Web Form")
            .map("EMAIL", "Email")
            .map("WALK_IN", "Walk-in")
            .map("SOCIAL", "Twitter", "Facebook")
            .map("CHAT", "Chat", "Live Chat")
            .map("MAIL", "Letter", "Mail")
            .other("a city crew reported it: no resident contact", "Driver Self Report")
            .other("passed on by a council office: the resident's own channel is unknown", "Council's Office")
            .other("a city employee or department raised it: no resident contact", "City Attorney", "Radio",
                    "Employee Generated");

    static final ValueTable STATUSES = new ValueTable("Status")
            .map(CanonicalCase.CLOSED, "Closed", "Cancelled", "Referred Out")
            .map(CanonicalCase.OPEN, "Open", "Pending", "In Progress", "Forward", "Forwarded", "Reopened");

    La311Mapping(ZoneId zone) {
        super(zone);
    }

    @Override
    Map<String, List<String>> fields() {
        return Map.of(
                "SRNumber", List.of("SRNumber", "SR Number", "Service Request Number"),
                "CreatedDate", List.of("CreatedDate", "Created Date"),
                "ClosedDate", List.of("ClosedDate", "Closed Date"),
                "Owner", List.of("Owner"),
                "RequestType", List.of("RequestType", "Request Type"),
                "Status", List.of("Status"),
                "RequestSource", List.of("RequestSource", "Request Source"),
                "CD", List.of("CD", "Council District"));
    }

    @Override
    List<String> requiredFields() {
        return List.of("SRNumber", "CreatedDate", "ClosedDate", "Owner", "RequestType", "Status");
    }

    @Override
    CanonicalCase map(SourceRow row, ImportReport report) throws RowRejected {
        String id = required(row, "SRNumber", "SRNumber");
        String department = departmentCode(required(row, "Owner", "owner"));
        String service = required(row, "RequestType", "request type");
        String statusValue = required(row, "Status", "status");
        String status = status(row, "Status", STATUSES);
        return checked(new CanonicalCase(id, department, service, CHANNELS.lookup(row.get("RequestSource"), report),
                councilDistrict(row.get("CD")), requiredTimestamp(row, "CreatedDate"), timestamp(row, "ClosedDate"), null,
                status, status.equals(CanonicalCase.CLOSED) ? outcome(statusValue) : null), "ClosedDate");
    }

    /** Cancelled and referred-out requests are closed in MyLA311 with that status as their outcome. */
    static String outcome(String status) {
        return switch (ValueTable.key(status)) {
            case "cancelled" -> "CANCELLED";
            case "referred out" -> "REFERRED";
            default -> "RESOLVED";
        };
    }
}
