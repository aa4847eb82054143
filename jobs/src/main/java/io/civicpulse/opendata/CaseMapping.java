package io.civicpulse.opendata;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.civicpulse.quality.QualityRule;

/**
 * One source's mapping of a request to a canonical case. Subclasses name the source's fields, with the header
 * spellings each has had over the years, and hold the mapping tables; the checks every source shares (required
 * values, timestamps, status against closed date) are here.
 */
abstract class CaseMapping {

    final ZoneId zone;

    CaseMapping(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Logical field → accepted header spellings, compared after {@link #headerKey}. The first spelling is the one
     * the report names.
     */
    abstract Map<String, List<String>> fields();

    /** The logical fields a file must have; a file without one fails the import, naming the file and the field. */
    abstract List<String> requiredFields();

    abstract CanonicalCase map(SourceRow row, ImportReport report) throws RowRejected;

    /** Headers are compared lower-cased and without spaces or punctuation: {@code Created Date} = {@code created_date}. */
    static String headerKey(String header) {
        return header.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static String required(SourceRow row, String field, String what) throws RowRejected {
        String value = row.get(field);
        if (value == null) {
            throw new RowRejected(field, "no " + what);
        }
        return value;
    }

    Instant timestamp(SourceRow row, String field) throws RowRejected {
        String value = row.get(field);
        if (value == null) {
            return null;
        }
        Instant instant = SourceTimestamps.parse(value, zone);
        if (instant == null) {
            throw new RowRejected(field, "'" + value + "' is not a date and time of a known format");
        }
        return instant;
    }

    Instant requiredTimestamp(SourceRow row, String field) throws RowRejected {
        Instant instant = timestamp(row, field);
        if (instant == null) {
            throw new RowRejected(field, "no creation date");
        }
        return instant;
    }

    /** OPEN or CLOSED; a status the table does not know cannot be guessed, so the row is rejected. */
    static String status(SourceRow row, String field, ValueTable table) throws RowRejected {
        String value = required(row, field, "status");
        String code = table.codeOrNull(value);
        if (code == null) {
            throw new RowRejected(field, "status '" + value + "' has no mapping to OPEN or CLOSED");
        }
        return code;
    }

    /**
     * The case, once the checks the cases feed would make are made here, so the feed the run reads has no row it
     * would reject: a closed case needs a closed time not before its opening, an open one has none. The two quality
     * rules among these are counted for the department.
     */
    static CanonicalCase checked(CanonicalCase c, String closedField) throws RowRejected {
        if (c.status().equals(CanonicalCase.CLOSED) && c.closedAt() == null) {
            throw new RowRejected(closedField, "closed status without a closed date",
                    QualityRule.CLOSED_WITHOUT_CLOSED_DATE, c);
        }
        if (c.status().equals(CanonicalCase.OPEN) && c.closedAt() != null) {
            throw new RowRejected(closedField, "open status with a closed date");
        }
        if (c.closedAt() != null && c.closedAt().isBefore(c.openedAt())) {
            throw new RowRejected(closedField, "closed before it was created", QualityRule.CLOSED_BEFORE_OPENED, c);
        }
        return c;
    }

    /**
     * A council district number written {@code CD 13}, so the dashboard says what kind of district it is; blank or
     * {@code 0} (no district) is a missing district.
     */
    static String councilDistrict(String number) {
        if (number == null || number.matches("0+")) {
            return null;
        }
        return "CD " + number.replaceFirst("^0+(?=\\d)", "");
    }

    /** Source codes become department codes: upper case, trailing punctuation dropped ({@code GEN_} → {@code GEN}). */
    static String departmentCode(String value) {
        return value.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+$", "").replaceAll("\\s+", "_");
    }
}
