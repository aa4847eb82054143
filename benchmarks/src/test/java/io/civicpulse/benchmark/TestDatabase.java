package io.civicpulse.benchmark;

/** The PostgreSQL server the integration tests use: local, trust authentication, database {@code test}. */
final class TestDatabase {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    private TestDatabase() {
    }
}
