package io.civicpulse.opendata;

import java.util.Map;

/**
 * One request of an export, by source field name: a CSV record or one Open311 service request. Values are
 * trimmed; an empty value is missing ({@code null}).
 */
record SourceRow(String file, long line, Map<String, String> values) {

    /** The trimmed value of a field, {@code null} when the field is absent or empty. */
    String get(String field) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
