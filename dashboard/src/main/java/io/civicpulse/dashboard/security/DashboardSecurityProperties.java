package io.civicpulse.dashboard.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code civicpulse.security}.
 *
 * @param bootstrapAdminPassword the password the {@code admin} account gets when the dashboard creates it at its
 *                               first start; without it a random one is generated and logged once
 * @param login                  login throttling, see {@link LoginThrottle}
 * @param oidc                   how an OpenID Connect login's claims map to roles and departments
 */
@ConfigurationProperties("civicpulse.security")
record DashboardSecurityProperties(String bootstrapAdminPassword, @DefaultValue Login login, @DefaultValue Oidc oidc) {

    /**
     * @param maxFailuresPerUser    failed logins of one username within {@code window} that lock it
     * @param maxFailuresPerAddress failed logins from one client address within {@code window} that lock it
     * @param window                how far back failures count
     * @param lock                  how long a locked username or address may not log in
     * @param concurrentHashes      how many password hashes may run at once; 0 (the default) for one per
     *                              processor (see {@link BoundedPasswordEncoder})
     * @param maxHashWait           how long a login may wait for its turn before it fails as busy
     */
    record Login(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lock,
            @DefaultValue("0") int concurrentHashes, @DefaultValue("30s") Duration maxHashWait) {
    }

    /**
     * @param rolesClaim       the ID token or user-info claim that lists a person's roles (LEADERSHIP,
     *                         DEPARTMENT_HEAD, ANALYST, ADMIN; other values are ignored)
     * @param departmentsClaim the claim that lists a department head's departments
     * @param defaultRoles     the roles of a person whose token names none (none by default: such a login sees
     *                         nothing)
     */
    record Oidc(@DefaultValue("roles") String rolesClaim, @DefaultValue("departments") String departmentsClaim,
            @DefaultValue List<String> defaultRoles) {
    }

    /** The defaults, with a bootstrap password. */
    static DashboardSecurityProperties withBootstrapAdminPassword(String password) {
        return new DashboardSecurityProperties(password, new Login(5, 20, Duration.ofMinutes(15),
                Duration.ofMinutes(15), 0, Duration.ofSeconds(30)), new Oidc("roles", "departments", List.of()));
    }

    boolean hasBootstrapAdminPassword() {
        return bootstrapAdminPassword != null && !bootstrapAdminPassword.isBlank();
    }

    /** Records print every component; a password must never reach a log through a debug dump of the settings. */
    @Override
    public String toString() {
        return "DashboardSecurityProperties[bootstrapAdminPassword=" + (hasBootstrapAdminPassword() ? "****" : "")
                + ", login=" + login + ", oidc=" + oidc + "]";
    }
}
