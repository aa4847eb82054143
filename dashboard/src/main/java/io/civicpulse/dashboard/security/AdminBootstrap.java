package io.civicpulse.dashboard.security;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Makes sure a fresh installation can be logged into: creates the {@code admin} account when it does not exist yet.
 * The password is {@code civicpulse.security.bootstrap-admin-password} when set; otherwise a random one that is
 * logged exactly once, at the start that creates the account, because only a hash is stored afterwards.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String ADMIN_ROLE = "ADMIN";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    // No 0/O, 1/l/I: the password is read off a log and typed by hand.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final UserDetailsManager users;
    private final PasswordEncoder passwordEncoder;
    private final DashboardSecurityProperties properties;
    private final Environment environment;
    private final SecureRandom random = new SecureRandom();

    AdminBootstrap(UserDetailsManager users, PasswordEncoder passwordEncoder, DashboardSecurityProperties properties,
            Environment environment) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        createAdminIfMissing();
    }

    /** @return whether this call created the account */
    boolean createAdminIfMissing() {
        if (users.userExists(ADMIN)) {
            log.debug("The {} account exists; {} is only used to create it", ADMIN,
                    "civicpulse.security.bootstrap-admin-password");
            return false;
        }
        boolean generated = !properties.hasBootstrapAdminPassword();
        String password = generated ? generatePassword() : properties.bootstrapAdminPassword();
        try {
            users.createUser(User.withUsername(ADMIN)
                    .password(passwordEncoder.encode(password))
                    .roles(ADMIN_ROLE)
                    .build());
        } catch (DuplicateKeyException e) {
            // Another dashboard on the same database created it a moment ago; its log has the password.
            log.info("The {} account was created by another process at the same time", ADMIN);
            return false;
        }
        if (generated) {
            String rule = "=".repeat(78);
            log.warn("""

                    {}
                    CivicPulse first start: log in at {} as {} / {}
                    This password is shown only this once; only its hash is stored. To choose the first
                    password yourself, set civicpulse.security.bootstrap-admin-password before the first start.
                    {}""", rule, loginUrl(), ADMIN, password, rule);
        } else {
            log.info("Created the {} account with the password from civicpulse.security.bootstrap-admin-password",
                    ADMIN);
        }
        return true;
    }

    private String loginUrl() {
        // local.server.port is the port actually bound (it differs from server.port when that is 0).
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return "http://localhost:" + port + contextPath + "/";
    }

    private String generatePassword() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
