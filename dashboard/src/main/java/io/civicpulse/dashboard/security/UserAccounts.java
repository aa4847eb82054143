package io.civicpulse.dashboard.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User management for administrators: accounts with their roles and a department head's departments, enabled or
 * not, and their passwords (stored as hashes only). Every change is checked whole before anything is written, and
 * written in one transaction, so a refused change leaves the account exactly as it was. Only ADMIN may call it: the
 * check is here, not only in the view.
 */
@Service
public class UserAccounts {

    /** The shortest password accepted; long passphrases beat composition rules (NIST SP 800-63B). */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,50}");
    private static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    public UserAccounts(DataSource dataSource, PasswordEncoder passwordEncoder) {
        this.jdbc = JdbcClient.create(dataSource);
        this.passwordEncoder = passwordEncoder;
    }

    public List<Account> list() {
        requireAdmin();
        Map<String, Boolean> enabled = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> user : jdbc.sql("SELECT username, enabled FROM users ORDER BY username")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getBoolean(2))).list()) {
            enabled.put(user.getKey(), user.getValue());
        }
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        for (Map.Entry<String, String> authority : jdbc.sql("SELECT username, authority FROM authorities")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()) {
            Role.ofAuthority(authority.getValue()).ifPresent(role -> roles
                    .computeIfAbsent(authority.getKey(), u -> EnumSet.noneOf(Role.class)).add(role));
        }
        Map<String, Set<String>> departments = new LinkedHashMap<>();
        for (Map.Entry<String, String> scope : jdbc.sql("SELECT username, department FROM user_department")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()) {
            departments.computeIfAbsent(scope.getKey(), u -> new TreeSet<>()).add(scope.getValue());
        }
        List<Account> accounts = new ArrayList<>();
        enabled.forEach((username, on) -> accounts.add(new Account(username, on,
                roles.getOrDefault(username, Set.of()), departments.getOrDefault(username, Set.of()))));
        return accounts;
    }

    @Transactional
    public Account create(String username, String password, Collection<Role> roles, Collection<String> departments) {
        requireAdmin();
        String name = username == null ? "" : username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidAccountException("users.error.username",
                    "A username is 1 to 50 letters, digits or . _ @ -, not '" + name + "'");
        }
        if (exists(name)) {
            throw new InvalidAccountException("users.error.exists", "The account " + name + " exists already", name);
        }
        checkPassword(name, password);
        Set<String> scope = checkRolesAndDepartments(roles, departments);
        jdbc.sql("INSERT INTO users (username, password, enabled) VALUES (?, ?, ?)")
                .params(name, passwordEncoder.encode(password), true).update();
        writeRolesAndDepartments(name, roles, scope);
        return new Account(name, true, EnumSet.copyOf(roles), scope);
    }

    /** Replaces the roles and departments and sets whether the account may log in. */
    @Transactional
    public Account update(String username, boolean enabled, Collection<Role> roles, Collection<String> departments) {
        requireAdmin();
        requireExists(username);
        Set<String> scope = checkRolesAndDepartments(roles, departments);
        boolean staysAdmin = enabled && roles.contains(Role.ADMIN);
        if (!staysAdmin && isEnabledAdmin(username) && enabledAdmins() <= 1) {
            throw new InvalidAccountException("users.error.lastAdmin",
                    "The last enabled administrator cannot be disabled or lose the ADMIN role");
        }
        jdbc.sql("UPDATE users SET enabled = ? WHERE username = ?").params(enabled, username).update();
        jdbc.sql("DELETE FROM authorities WHERE username = ?").param(username).update();
        jdbc.sql("DELETE FROM user_department WHERE username = ?").param(username).update();
        writeRolesAndDepartments(username, roles, scope);
        return new Account(username, enabled, EnumSet.copyOf(roles), scope);
    }

    @Transactional
    public void resetPassword(String username, String password) {
        requireAdmin();
        requireExists(username);
        checkPassword(username, password);
        jdbc.sql("UPDATE users SET password = ? WHERE username = ?")
                .params(passwordEncoder.encode(password), username).update();
    }

    private void checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidAccountException("users.error.passwordLength",
                    "A password needs at least " + MIN_PASSWORD_LENGTH + " characters", MIN_PASSWORD_LENGTH);
        }
        if (password.equalsIgnoreCase(username)) {
            throw new InvalidAccountException("users.error.passwordIsUsername",
                    "A password must not be the username");
        }
    }

    private static Set<String> checkRolesAndDepartments(Collection<Role> roles, Collection<String> departments) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidAccountException("users.error.noRole", "An account needs at least one role");
        }
        Set<String> scope = new TreeSet<>();
        for (String department : departments == null ? List.<String>of() : departments) {
            String code = department == null ? "" : department.trim();
            if (!DEPARTMENT.matcher(code).matches()) {
                throw new InvalidAccountException("users.error.department",
                        "A department is a code of 1 to 64 letters, digits or . _ -, not '" + code + "'", code);
            }
            scope.add(code);
        }
        boolean head = roles.contains(Role.DEPARTMENT_HEAD);
        if (head && scope.isEmpty()) {
            throw new InvalidAccountException("users.error.headNeedsDepartment",
                    "A department head needs at least one department");
        }
        if (!head && !scope.isEmpty()) {
            throw new InvalidAccountException("users.error.departmentsWithoutHead",
                    "Departments only apply to the DEPARTMENT_HEAD role; the other roles see every department");
        }
        return scope;
    }

    private void writeRolesAndDepartments(String username, Collection<Role> roles, Set<String> departments) {
        for (Role role : EnumSet.copyOf(roles)) {
            jdbc.sql("INSERT INTO authorities (username, authority) VALUES (?, ?)")
                    .params(username, role.authority()).update();
        }
        for (String department : departments) {
            jdbc.sql("INSERT INTO user_department (username, department) VALUES (?, ?)")
                    .params(username, department).update();
        }
    }

    private boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    private void requireExists(String username) {
        if (username == null || !exists(username)) {
            throw new InvalidAccountException("users.error.unknown", "There is no account " + username, username);
        }
    }

    private boolean isEnabledAdmin(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM users u JOIN authorities a ON a.username = u.username"
                        + " WHERE u.username = ? AND u.enabled = TRUE AND a.authority = ?")
                .params(username, Role.ADMIN.authority()).query(Long.class).single() > 0;
    }

    private long enabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM users u JOIN authorities a ON a.username = u.username"
                        + " WHERE u.enabled = TRUE AND a.authority = ?")
                .param(Role.ADMIN.authority()).query(Long.class).single();
    }

    static void requireAdmin() {
        if (!Viewer.current().has(Role.ADMIN)) {
            throw new AccessDeniedException("Managing accounts needs the ADMIN role");
        }
    }
}
