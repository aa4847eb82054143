package io.civicpulse.dashboard.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code civicpulse.security}.
 *
 * @param bootstrapAdminPassword the password the {@code admin} account gets when the dashboard creates it at its
 *                               first start; without it a random one is generated and logged once
 */
@ConfigurationProperties("civicpulse.security")
record DashboardSecurityProperties(String bootstrapAdminPassword) {

    boolean hasBootstrapAdminPassword() {
        return bootstrapAdminPassword != null && !bootstrapAdminPassword.isBlank();
    }

    /** Records print every component; a password must never reach a log through a debug dump of the settings. */
    @Override
    public String toString() {
        return "DashboardSecurityProperties[bootstrapAdminPassword=" + (hasBootstrapAdminPassword() ? "****" : "")
                + "]";
    }
}
