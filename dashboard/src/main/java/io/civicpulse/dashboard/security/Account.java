package io.civicpulse.dashboard.security;

import java.util.Set;

/** An account as user management shows it: never its password hash. */
public record Account(String username, boolean enabled, Set<Role> roles, Set<String> departments) {

    public Account {
        roles = Set.copyOf(roles);
        departments = Set.copyOf(departments);
    }
}
