package io.civicpulse.alert;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who gets alerts by e-mail ({@code alert_subscription}); each user manages their own. */
@Repository
public class AlertSubscriptions {

    /** Something@something.tld, without spaces: enough to catch typing slips; the mail server judges the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private final JdbcClient jdbc;

    public AlertSubscriptions(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public List<Subscription> of(String username) {
        return jdbc.sql("SELECT id, username, department, email, language FROM alert_subscription WHERE username = ?"
                + " ORDER BY department").param(username).query(Subscription.class).list();
    }

    /**
     * Subscribes {@code username} to the alerts of {@code department} ({@code *}: all).
     *
     * @throws IllegalArgumentException with nothing saved, for a malformed address, an unknown language, a missing
     *                                  department or a department the user is subscribed to already
     */
    public Subscription subscribe(String username, String department, String email, String language) {
        String code = department == null ? "" : department.strip().toUpperCase(Locale.ROOT);
        String address = email == null ? "" : email.strip();
        if (code.isEmpty() || code.length() > 64) {
            throw new IllegalArgumentException("choose a department, or * for all");
        }
        if (!EMAIL.matcher(address).matches() || address.length() > 320) {
            throw new IllegalArgumentException("'" + address + "' is not an e-mail address");
        }
        if (!Subscription.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language must be one of " + Subscription.LANGUAGES);
        }
        try {
            jdbc.sql("""
                    INSERT INTO alert_subscription (username, department, email, language, created_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(username, code, address, language, OffsetDateTime.now(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("already subscribed to " + code);
        }
        return of(username).stream().filter(s -> s.department().equals(code)).findFirst().orElseThrow();
    }

    /** Removes one of {@code username}'s own subscriptions; another user's id changes nothing. */
    public void unsubscribe(String username, long id) {
        jdbc.sql("DELETE FROM alert_subscription WHERE id = ? AND username = ?").params(id, username).update();
    }

    /**
     * The dashboard's access rule (io.civicpulse.dashboard.security.Viewer, over {@code users}, {@code authorities} and
     * {@code user_department}), applied to e-mail as well: an enabled account whose roles let it see the department's
     * numbers. LEADERSHIP, ANALYST and ADMIN see every department; a DEPARTMENT_HEAD sees the city and its own
     * departments. An account without a role, disabled, or unknown to the database (such as an OpenID Connect login
     * without a local account) gets nothing: the rule fails closed, so a head who loses a department stops getting its
     * alerts at once.
     */
    private static final String MAY_SEE = """
            EXISTS (SELECT 1 FROM users u WHERE u.username = s.username AND u.enabled)
            AND (EXISTS (SELECT 1 FROM authorities a WHERE a.username = s.username
                    AND a.authority IN ('ROLE_LEADERSHIP', 'ROLE_ANALYST', 'ROLE_ADMIN'))
                OR (EXISTS (SELECT 1 FROM authorities a WHERE a.username = s.username
                        AND a.authority = 'ROLE_DEPARTMENT_HEAD')
                    AND (? = '*' OR EXISTS (SELECT 1 FROM user_department d WHERE d.username = s.username
                        AND d.department = ?))))""";

    /**
     * Who is told about {@code department}: its own subscribers and those of all departments, for the city
     * ({@code *}) the latter only — of them, those who may see its numbers in the dashboard.
     */
    List<Subscription> recipientsOf(String department) {
        return jdbc.sql("SELECT s.id, s.username, s.department, s.email, s.language FROM alert_subscription s"
                + " WHERE (s.department = ? OR s.department = '*') AND " + MAY_SEE + " ORDER BY s.id")
                .params(department, department, department).query(Subscription.class).list();
    }

    /** Every subscriber who may see the dashboard at all: runs concern every department. */
    List<Subscription> everyone() {
        return jdbc.sql("SELECT s.id, s.username, s.department, s.email, s.language FROM alert_subscription s WHERE "
                + MAY_SEE + " ORDER BY s.id").params("*", "*").query(Subscription.class).list();
    }
}
