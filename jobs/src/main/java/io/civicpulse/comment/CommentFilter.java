package io.civicpulse.comment;

import java.time.LocalDate;

import io.civicpulse.kpi.Slice;

/**
 * Which published comments to read. A {@code null} (or {@code *}) dimension, date, score bound or language does not
 * filter; dates are local submission dates, both inclusive; the CSAT bounds are inclusive, and a comment without a
 * CSAT answer matches only when neither bound is set.
 */
public record CommentFilter(String department, String service, String channel, String district, LocalDate from,
        LocalDate to, Integer minCsat, Integer maxCsat, String language) {

    public CommentFilter {
        department = all(department);
        service = all(service);
        channel = all(channel);
        district = all(district);
        language = language == null || language.isBlank() ? null : language.trim();
    }

    /** Every published comment. */
    public static CommentFilter everything() {
        return new CommentFilter(null, null, null, null, null, null, null, null, null);
    }

    public CommentFilter withCsat(Integer min, Integer max) {
        return new CommentFilter(department, service, channel, district, from, to, min, max, language);
    }

    public CommentFilter withLanguage(String newLanguage) {
        return new CommentFilter(department, service, channel, district, from, to, minCsat, maxCsat, newLanguage);
    }

    private static String all(String value) {
        return value == null || value.isBlank() || Slice.ALL.equals(value.trim()) ? null : value.trim();
    }
}
