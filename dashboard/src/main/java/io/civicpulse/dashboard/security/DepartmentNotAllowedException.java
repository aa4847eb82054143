package io.civicpulse.dashboard.security;

import org.springframework.security.access.AccessDeniedException;

/** A viewer asked for a department's results or comments outside their scope (see {@link Viewer}). */
public class DepartmentNotAllowedException extends AccessDeniedException {

    private final String department;

    public DepartmentNotAllowedException(String username, String department) {
        super("The account " + username + " may not see the department " + department);
        this.department = department;
    }

    public String department() {
        return department;
    }
}
