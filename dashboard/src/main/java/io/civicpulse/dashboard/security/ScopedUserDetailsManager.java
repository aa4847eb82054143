package io.civicpulse.dashboard.security;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Spring Security's JDBC accounts, plus a department head's departments from {@code user_department} as authorities
 * ({@code DEPARTMENT:SAN}), so the scope travels with the login like the roles do and {@link Viewer#current()} needs
 * no query. They are read at login (and on every API request, which authenticates each time): a change by an
 * administrator applies to a browser session from its next login.
 */
class ScopedUserDetailsManager extends JdbcUserDetailsManager {

    ScopedUserDetailsManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected List<GrantedAuthority> loadUserAuthorities(String username) {
        List<GrantedAuthority> authorities = new ArrayList<>(super.loadUserAuthorities(username));
        getJdbcTemplate().query("SELECT department FROM user_department WHERE username = ? ORDER BY department",
                rs -> {
                    authorities.add(new SimpleGrantedAuthority(Viewer.DEPARTMENT_AUTHORITY_PREFIX
                            + rs.getString("department")));
                }, username);
        return authorities;
    }
}
