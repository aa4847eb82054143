package io.civicpulse.alert;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Dashboard accounts as the dashboard's user management stores them, for the alert tests' subscribers. */
final class Accounts {

    private Accounts() {
    }

    static void clear(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM user_department").update();
        jdbc.sql("DELETE FROM authorities").update();
        jdbc.sql("DELETE FROM users").update();
    }

    static void create(JdbcClient jdbc, String username, boolean enabled, String role, String... departments) {
        jdbc.sql("INSERT INTO users (username, password, enabled) VALUES (?, '{noop}x', ?)").params(username, enabled)
                .update();
        jdbc.sql("INSERT INTO authorities (username, authority) VALUES (?, ?)").params(username, "ROLE_" + role)
                .update();
        for (String department : departments) {
            jdbc.sql("INSERT INTO user_department (username, department) VALUES (?, ?)").params(username, department)
                    .update();
        }
    }
}
