package io.civicpulse.dashboard.security;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.civicpulse.kpi.KpiRow;
import io.civicpulse.kpi.Slice;

/**
 * Who is reading, and which departments' numbers and comments they may see. Every service that reads published
 * results or comments asks the current viewer, so a department head's scope holds on every route (views, deep links,
 * filter options, CSV exports, comments, the API) and not only where a view happens to hide something.
 * <p>
 * The rule (docs/decisions/0006): LEADERSHIP, ANALYST and ADMIN see every department. A DEPARTMENT_HEAD sees the
 * city's totals ({@code department = *}, including the city by channel and by district) and the slices of the
 * departments named for the account, never another department's slice. Anyone else (no known role, or nobody logged
 * in) sees nothing: the scope fails closed.
 *
 * @param departments the departments a DEPARTMENT_HEAD may see; ignored for the roles that see all
 */
public record Viewer(String username, Set<Role> roles, Set<String> departments) {

    /** The prefix of the authorities that carry a department head's departments (see {@link UserAccounts}). */
    public static final String DEPARTMENT_AUTHORITY_PREFIX = "DEPARTMENT:";

    public static final Viewer NOBODY = new Viewer("", Set.of(), Set.of());

    public Viewer {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        // Sorted, so the first (the one a deep link to another department falls back to) is always the same.
        departments = Collections.unmodifiableSortedSet(new TreeSet<>(departments));
    }

    /** The viewer of the current request or UI access: read from Spring Security's context. */
    public static Viewer current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Viewer of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return NOBODY;
        }
        return of(authentication.getName(), authentication.getAuthorities());
    }

    public static Viewer of(String username, Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> departments = new TreeSet<>();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name == null) {
                continue;
            }
            if (name.startsWith(DEPARTMENT_AUTHORITY_PREFIX)) {
                departments.add(name.substring(DEPARTMENT_AUTHORITY_PREFIX.length()));
            } else if (name.startsWith("ROLE_")) {
                Role.ofAuthority(name).ifPresent(roles::add);
            }
        }
        return new Viewer(username, roles, departments);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether any department's numbers are visible without a list of departments. */
    public boolean seesAllDepartments() {
        return has(Role.LEADERSHIP) || has(Role.ANALYST) || has(Role.ADMIN);
    }

    /** Whether this viewer is limited to named departments (a department head and nothing more). */
    public boolean isScoped() {
        return !seesAllDepartments();
    }

    /**
     * Whether the results of {@code department} may be shown; {@code null} or {@code *} is the city's totals, which
     * every role may see.
     */
    public boolean maySee(String department) {
        if (roles.isEmpty()) {
            return false;
        }
        if (department == null || Slice.ALL.equals(department) || seesAllDepartments()) {
            return true;
        }
        return has(Role.DEPARTMENT_HEAD) && departments.contains(department);
    }

    /** @throws DepartmentNotAllowedException if {@link #maySee} says no */
    public void require(String department) {
        if (!maySee(department)) {
            throw new DepartmentNotAllowedException(username, department);
        }
    }

    /** The departments of {@code candidates} this viewer may see, in their order. */
    public List<String> visible(List<String> candidates) {
        return candidates.stream().filter(this::maySee).toList();
    }

    /** The rows this viewer may see, in their order. */
    public List<KpiRow> visibleRows(List<KpiRow> rows) {
        return rows.stream().filter(row -> maySee(row.department())).toList();
    }

    /** The department a scoped viewer is sent to when they ask for one they may not see: their first. */
    public String homeDepartment() {
        return departments.isEmpty() ? null : departments.iterator().next();
    }
}
