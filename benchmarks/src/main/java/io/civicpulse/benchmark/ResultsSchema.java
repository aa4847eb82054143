package io.civicpulse.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The PostgreSQL schema the Spark job publishes into when the benchmark measures it on the production database
 * ({@code --results-db=postgresql}): emptied before the run, so the rebuild starts from nothing as it does on a new
 * embedded home.
 */
final class ResultsSchema {

    static final String NAME = "civicpulse_benchmark_results";

    private ResultsSchema() {
    }

    /**
     * Drops and creates the schema.
     *
     * @return the options that point the jobs jar at it
     */
    static List<String> recreate(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + NAME + " CASCADE");
            statement.execute("CREATE SCHEMA " + NAME);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + NAME;
        return List.of("--spring.datasource.url=" + schemaUrl, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
    }
}
