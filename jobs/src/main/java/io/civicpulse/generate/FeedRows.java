package io.civicpulse.generate;

import java.util.List;

/** Column order of the three files the generator writes; the names are those of feeds.md. */
final class FeedRows {

    static final String[] CONTACT_HEADER = {"contact_id", "department", "channel", "started_at", "wait_seconds",
            "handle_seconds", "abandoned", "district", "case_id"};
    static final String[] CASE_HEADER = {"case_id", "department", "service", "channel", "district", "opened_at",
            "closed_at", "due_at", "status", "outcome", "reopened_count", "first_contact_resolution"};
    static final String[] SURVEY_HEADER = {"response_id", "department", "channel", "submitted_at", "service",
            "district", "case_id", "csat", "nps", "ces", "comment", "language"};

    /** One day's rows of each feed, each list in time order with ids already assigned. */
    record Day(List<String[]> contacts, List<String[]> cases, List<String[]> surveys) {
    }

    private FeedRows() {
    }
}
