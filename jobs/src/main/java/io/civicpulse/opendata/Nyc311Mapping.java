package io.civicpulse.opendata;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NYC 311 Service Requests (NYC Open Data). Mapping table with reasons: docs/open-data-mappings.md.
 */
final class Nyc311Mapping extends CaseMapping {

    static final ValueTable CHANNELS = new ValueTable("Open Data Channel Type")
            .map("PHONE", "PHONE")
            .map("WEB", "ONLINE")
            .map("MOBILE_APP", "MOBILE")
            .other("the source itself says OTHER (agency-entered, walk-in and mail requests are not told apart)",
                    "OTHER")
            .other("the source does not know the channel", "UNKNOWN");

    static final ValueTable STATUSES = new ValueTable("Status")
            .map(CanonicalCase.CLOSED, "Closed")
            .map(CanonicalCase.OPEN, "Open", "Pending", "Assigned", "Started", "In Progress", "Email Sent",
                    "Unassigned", "Draft", "Unspecified");

    Nyc311Mapping(ZoneId zone) {
        super(zone);
    }

    @Override
    Map<String, List<String>> fields() {
        return Map.of(
                "Unique Key", List.of("Unique Key"),
                "Created Date", List.of("Created Date", "Created Date Time", "Opened Date"),
                "Closed Date", List.of("Closed Date", "Closed Date Time"),
                "Agency", List.of("Agency", "Agency Acronym"),
                "Complaint Type", List.of("Complaint Type", "Problem"),
                "Status", List.of("Status"),
                "Due Date", List.of("Due Date"),
                "Resolution Description", List.of("Resolution Description"),
                "Community Board", List.of("Community Board", "Community Board Name"),
                "Open Data Channel Type", List.of("Open Data Channel Type", "Channel Type", "Channel"));
    }

    @Override
    List<String> requiredFields() {
        return List.of("Unique Key", "Created Date", "Closed Date", "Agency", "Complaint Type", "Status");
    }

    @Override
    CanonicalCase map(SourceRow row, ImportReport report) throws RowRejected {
        String id = required(row, "Unique Key", "Unique Key");
        String department = departmentCode(required(row, "Agency", "agency"));
        String service = required(row, "Complaint Type", "complaint type");
        String status = status(row, "Status", STATUSES);
        String outcome = status.equals(CanonicalCase.CLOSED) ? outcome(row.get("Resolution Description")) : null;
        return checked(new CanonicalCase(id, department, service,
                CHANNELS.lookup(row.get("Open Data Channel Type"), report), district(row.get("Community Board")),
                requiredTimestamp(row, "Created Date"), timestamp(row, "Closed Date"),
                timestamp(row, "Due Date"), status, outcome), "Closed Date");
    }

    /**
     * "0 Unspecified" and "Unspecified BROOKLYN" are NYC's spellings of no community board: they are a missing
     * district (feeds.md: UNKNOWN), not a district of their own.
     */
    static String district(String communityBoard) {
        if (communityBoard == null || communityBoard.toLowerCase(Locale.ROOT).contains("unspecified")) {
            return null;
        }
        return communityBoard;
    }

    /**
     * The resolution description is free text written from a few dozen agency templates; its wording says when a
     * request was a duplicate, referred elsewhere, or found nothing to fix. Anything else closed is resolved, which
     * is also feeds.md's meaning of a closed case without an outcome.
     */
    static String outcome(String resolution) {
        if (resolution == null) {
            return "RESOLVED";
        }
        String text = resolution.toLowerCase(Locale.ROOT);
        if (text.contains("duplicate")) {
            return "DUPLICATE";
        }
        if (text.contains("referred") || text.contains("forwarded") || text.contains("not within its jurisdiction")
                || text.contains("outside the jurisdiction")) {
            return "REFERRED";
        }
        if (text.contains("was not found") || text.contains("were not found") || text.contains("no evidence")
                || text.contains("could not") || text.contains("unable to") || text.contains("no violation")
                || text.contains("did not observe") || text.contains("was not able")) {
            return "NOT_RESOLVED";
        }
        if (text.contains("cancel")) {
            return "CANCELLED";
        }
        return "RESOLVED";
    }
}
