package io.civicpulse.dashboard.security;

import java.util.Optional;

/**
 * What a person may do in the dashboard. Stored in {@code authorities} as Spring Security's {@code ROLE_} names, so
 * views can say who may open them with {@code @RolesAllowed("LEADERSHIP")} and the like.
 */
public enum Role {

    /** Every department's numbers and the city's; reads no comments by default. */
    LEADERSHIP,
    /** The city's totals and only the departments named for the account (see {@link Viewer}). */
    DEPARTMENT_HEAD,
    /** Every department's numbers and the comments, for analysis. */
    ANALYST,
    /** Everything, plus user management and API tokens. */
    ADMIN;

    /** The authority Spring Security stores and checks: {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role of an authority name, with or without the {@code ROLE_} prefix; empty for anything else. */
    public static Optional<Role> ofAuthority(String authority) {
        if (authority == null) {
            return Optional.empty();
        }
        String name = authority.startsWith("ROLE_") ? authority.substring("ROLE_".length()) : authority;
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
