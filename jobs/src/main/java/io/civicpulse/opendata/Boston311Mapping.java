package io.civicpulse.opendata;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Boston 311 Service Requests (Analyze Boston). Mapping table with reasons: docs/open-data-mappings.md. */
final class Boston311Mapping extends CaseMapping {

    static final ValueTable CHANNELS = new ValueTable("source")
            .map("PHONE", "Constituent Call")
            .map("MOBILE_APP", "Citizens Connect App", "BOS:311 App")
            .map("WEB", "Self Service")
            .map("SOCIAL", "Twitter")
            .map("EMAIL", "Email")
            .other("a city worker raised it in the field: no resident contact", "City Worker App",
                    "Employee Generated")
            .other("created by another city system: no resident contact", "Maximo Integration");

    static final ValueTable STATUSES = new ValueTable("case_status")
            .map(CanonicalCase.CLOSED, "Closed")
            .map(CanonicalCase.OPEN, "Open");

    Boston311Mapping(ZoneId zone) {
        super(zone);
    }

    @Override
    Map<String, List<String>> fields() {
        return Map.of(
                "case_enquiry_id", List.of("case_enquiry_id", "CASE_ENQUIRY_ID", "case_id"),
                "open_dt", List.of("open_dt", "OPEN_DT", "open_date"),
                "target_dt", List.of("target_dt", "TARGET_DT", "target_date"),
                "closed_dt", List.of("closed_dt", "CLOSED_DT", "close_date"),
                "case_status", List.of("case_status", "CASE_STATUS"),
                "closure_reason", List.of("closure_reason", "CLOSURE_REASON"),
                "type", List.of("type", "TYPE", "case_type"),
                "department", List.of("department", "Department"),
                "city_council_district", List.of("city_council_district", "City Council District"),
                "source", List.of("source", "Source"));
    }

    @Override
    List<String> requiredFields() {
        return List.of("case_enquiry_id", "open_dt", "closed_dt", "case_status", "type", "department");
    }

    @Override
    CanonicalCase map(SourceRow row, ImportReport report) throws RowRejected {
        String id = required(row, "case_enquiry_id", "case_enquiry_id");
        String department = departmentCode(required(row, "department", "department"));
        String service = required(row, "type", "type");
        String status = status(row, "case_status", STATUSES);
        return checked(new CanonicalCase(id, department, service, CHANNELS.lookup(row.get("source"), report),
                councilDistrict(row.get("city_council_district")), requiredTimestamp(row, "open_dt"),
                timestamp(row, "closed_dt"), timestamp(row, "target_dt"), status,
                status.equals(CanonicalCase.CLOSED) ? outcome(row.get("closure_reason")) : null), "closed_dt");
    }

    /**
     * Boston writes "Case Closed. Closed date : ... Case Resolved|Case Noted|Case Invalid|Duplicate of ..." and
     * free text: the keyword after the date is the outcome. "Noted" means the report was recorded and needed no
     * further work, which is a resolution; "Invalid" is a request the city could not act on.
     */
    static String outcome(String closureReason) {
        if (closureReason == null) {
            return "RESOLVED";
        }
        String text = closureReason.toLowerCase(Locale.ROOT);
        if (text.contains("duplicate")) {
            return "DUPLICATE";
        }
        if (text.contains("case invalid") || text.contains("invalid")) {
            return "NOT_RESOLVED";
        }
        if (text.contains("referred") || text.contains("external")) {
            return "REFERRED";
        }
        return "RESOLVED";
    }
}
