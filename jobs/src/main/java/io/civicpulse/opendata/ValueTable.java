package io.civicpulse.opendata;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One mapping table of docs/open-data-mappings.md: source values to canonical codes. Source values are matched
 * ignoring case, spacing and punctuation ({@code Council's Office}, {@code COUNCILS OFFICE}), since portals respell
 * them across years. A value the table does not know becomes {@code OTHER} and is counted in the warning report;
 * so is a known value mapped to {@code OTHER} on purpose, with its reason, so every OTHER can be traced.
 */
final class ValueTable {

    private final String field;
    private final Map<String, String> codes = new HashMap<>();
    private final Map<String, String> otherOnPurpose = new HashMap<>();

    ValueTable(String field) {
        this.field = field;
    }

    ValueTable map(String code, String... sourceValues) {
        for (String value : sourceValues) {
            codes.put(key(value), code);
        }
        return this;
    }

    /** Source values mapped to OTHER deliberately, with the reason the warning report gives. */
    ValueTable other(String reason, String... sourceValues) {
        for (String value : sourceValues) {
            codes.put(key(value), CanonicalCase.OTHER);
            otherOnPurpose.put(key(value), reason);
        }
        return this;
    }

    String field() {
        return field;
    }

    /** The code of a source value ({@code null} for a missing one): OTHER, counted, where the table has none. */
    String lookup(String value, ImportReport report) {
        String code = value == null ? null : codes.get(key(value));
        if (code != null && !code.equals(CanonicalCase.OTHER)) {
            return code;
        }
        String shown = value == null ? "" : value;
        report.mappedToOther(field, shown, code == null ? "no mapping" : otherOnPurpose.get(key(value)));
        return CanonicalCase.OTHER;
    }

    /** The code of a source value, {@code null} where the table has none (for tables without an OTHER). */
    String codeOrNull(String value) {
        return value == null ? null : codes.get(key(value));
    }

    static String key(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
