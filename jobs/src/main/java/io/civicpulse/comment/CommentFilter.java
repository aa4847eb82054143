package io.civicpulse.comment;

import java.time.LocalDate;
import java.util.Set;

import io.civicpulse.kpi.Slice;

/**
 * Which published comments to read. A {@code null} (or {@code *}) dimension, date, score bound or language does not
 * filter; dates are local submission dates, both inclusive; the CSAT bounds are inclusive, and a comment without a
 * CSAT answer matches only when neither bound is set. {@code departments}, when not {@code null}, limits the comments
 * to those departments whatever {@code department} says (the dashboard's scope of a department head); an empty set
 * selects nothing.
 */
public record CommentFilter(String department, String service, String channel, String district, LocalDate from,
        LocalDate to, Integer minCsat, Integer maxCsat, String language, Set<String> departments) {

    public CommentFilter {
        departments = departments == null ? null : Set.copyOf(departments);
        department = all(department);
        service = all(service);
        channel = all(channel);
        district = all(district);
        language = language == null || language.isBlank() ? null : language.trim();
    }

    /** Any department. */
    public CommentFilter(String department, String service, String channel, String district, LocalDate from,
            LocalDate to, Integer minCsat, Integer maxCsat, String language) {
        this(department, service, channel, district, from, to, minCsat, maxCsat, language, null);
    }

    /** Only comments of these departments. */
    public CommentFilter withinDepartments(Set<String> allowed) {
        return new CommentFilter(department, service, channel, district, from, to, minCsat, maxCsat, language,
                allowed);
    }

    /** Every published comment. */
    public static CommentFilter everything() {
        return new CommentFilter(null, null, null, null, null, null, null, null, null);
    }

    public CommentFilter withCsat(Integer min, Integer max) {
        return new CommentFilter(department, service, channel, district, from, to, min, max, language, departments);
    }

    public CommentFilter withLanguage(String newLanguage) {
        return new CommentFilter(department, service, channel, district, from, to, minCsat, maxCsat, newLanguage,
                departments);
    }

    private static String all(String value) {
        return value == null || value.isBlank() || Slice.ALL.equals(value.trim()) ? null : value.trim();
    }
}
