package io.civicpulse.alert;

/**
 * A user's wish to get alerts by e-mail: for one department, or {@code *} for every department and the city, at
 * {@code email}, in {@code language} ({@code en} or {@code es}).
 */
public record Subscription(long id, String username, String department, String email, String language) {

    public static final String ALL = "*";
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "es");
}
