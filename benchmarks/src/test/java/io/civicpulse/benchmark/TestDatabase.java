package io.civicpulse.benchmark;

/**
 * The PostgreSQL server the integration tests use: 127.0.0.1:5432, database {@code test}, user {@code postgres} with
 * trust authentication, unless {@code CIVICPULSE_TEST_POSTGRES_URL} and {@code CIVICPULSE_TEST_POSTGRES_USER} point
 * elsewhere (as for the other modules' PostgreSQL tests).
 */
final class TestDatabase {

    static final String URL = env("CIVICPULSE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("CIVICPULSE_TEST_POSTGRES_USER", "postgres");

    private TestDatabase() {
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
