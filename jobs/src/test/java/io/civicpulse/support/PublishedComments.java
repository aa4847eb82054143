package io.civicpulse.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code survey_comment} straight from a database, outside the product's code, so command-line tests can
 * compare what runs published. One line per comment, in response id order, every column but the publication id
 * (which differs between homes that published the same comments in a different number of runs).
 */
public final class PublishedComments {

    private PublishedComments() {
    }

    /** The embedded database of a {@code civicpulse.home}, as the product opens it. */
    public static String h2Url(Path home) {
        return "jdbc:h2:file:" + home.toAbsolutePath().normalize().resolve("db/civicpulse") + ";AUTO_SERVER=TRUE";
    }

    /** What the database of a {@code civicpulse.home} holds: the embedded one, or its PostgreSQL test schema. */
    public static List<String> ofHome(Path home) {
        return read(TestDatabase.url(home), TestDatabase.user(), TestDatabase.password());
    }

    public static List<String> read(String url, String user, String password) {
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT response_id, submitted_at, submitted_date, department, service, channel, district,
                            csat, nps, ces, language, comment_text
                        FROM survey_comment ORDER BY response_id""")) {
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                cells.add(rs.getString(1));
                cells.add(rs.getObject(2, OffsetDateTime.class).toInstant().toString());
                for (int column = 3; column <= 12; column++) {
                    cells.add(String.valueOf(rs.getObject(column)));
                }
                lines.add(String.join("|", cells));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read survey_comment at " + url + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
