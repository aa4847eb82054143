package io.civicpulse.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The database the integration tests run on. By default the product's embedded one: an H2 file under each
 * {@code civicpulse.home}. With {@code CIVICPULSE_TEST_DATABASE=postgresql} (the build's second pass of the
 * integration tests) every home gets a PostgreSQL schema of its own instead, so the whole suite runs again on the
 * production database with the same isolation the H2 files give: contexts and child processes that share a home
 * share its schema, different homes see nothing of each other.
 */
public final class TestDatabase {

    static final String VARIABLE = "CIVICPULSE_TEST_DATABASE";
    private static final String PREFIX = "cp_home_";
    private static final Pattern SCHEMA = Pattern.compile(PREFIX + "(\\d+)_[0-9a-f]+");
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static volatile boolean cleaned;

    private TestDatabase() {
    }

    public static boolean postgresql() {
        return "postgresql".equalsIgnoreCase(System.getenv(VARIABLE));
    }

    /** The JDBC URL of a home's database, created (empty) on first use. */
    public static String url(Path home) {
        if (!postgresql()) {
            return PublishedComments.h2Url(home);
        }
        String schema = schemaOf(home);
        if (CREATED.add(schema)) {
            create(schema);
        }
        return TestPostgres.url(schema);
    }

    public static String user() {
        return postgresql() ? TestPostgres.USER : "sa";
    }

    public static String password() {
        return "";
    }

    /**
     * The options that point a child {@code java -jar} process with this {@code civicpulse.home} at the same
     * database; none for the embedded default, which the process finds under the home by itself.
     */
    public static List<String> commandLineOptions(Path home) {
        if (!postgresql()) {
            return List.of();
        }
        return List.of("--spring.datasource.url=" + url(home), "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + password());
    }

    /** One schema per home and test process: the process id lets later builds drop what ended ones left. */
    static String schemaOf(Path home) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(home.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return PREFIX + ProcessHandle.current().pid() + "_" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void create(String schema) {
        try (Connection connection = DriverManager.getConnection(TestPostgres.SERVER, TestPostgres.USER, "");
                Statement statement = connection.createStatement()) {
            if (!cleaned) {
                TestPostgres.dropSchemasOfEndedProcesses(connection, PREFIX, SCHEMA);
                cleaned = true;
            }
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test schema " + schema + " on " + TestPostgres.SERVER
                    + " (the PostgreSQL pass of the integration tests needs it): " + e.getMessage(), e);
        }
    }

}
