package io.civicpulse.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

    private final PasswordEncoder passwordEncoder = new SecurityConfiguration().passwordEncoder(
            DashboardSecurityProperties.withBootstrapAdminPassword(null));
    private JdbcUserDetailsManager users;

    @BeforeEach
    void emptyProductDatabase() {
        // The real schema: the jobs module's Flyway migrations create users and authorities.
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        users = new JdbcUserDetailsManager(dataSource);
    }

    @Test
    void theFirstStartCreatesTheAdminWithTheConfiguredPasswordHashed() {
        boolean created = bootstrap("s3cret-Pass").createAdminIfMissing();

        assertThat(created).isTrue();
        UserDetails admin = users.loadUserByUsername("admin");
        assertThat(admin.getPassword()).startsWith("{argon2}").doesNotContain("s3cret-Pass");
        assertThat(passwordEncoder.matches("s3cret-Pass", admin.getPassword())).isTrue();
        assertThat(admin.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ADMIN");
        assertThat(admin.isEnabled()).isTrue();
    }

    @Test
    void givenAHashFromAnEarlierVersionWhenCheckingItsPasswordThenBcryptStillMatches() {
        // given a {bcrypt} hash, as the dashboard stored before it moved to Argon2id
        String earlier = "{bcrypt}" + new BCryptPasswordEncoder().encode("an-older-Pass-1");

        // when / then
        assertThat(passwordEncoder.matches("an-older-Pass-1", earlier)).isTrue();
        assertThat(passwordEncoder.matches("wrong-password", earlier)).isFalse();
        assertThat(passwordEncoder.upgradeEncoding(earlier)).as("rehashed with Argon2id when it next changes")
                .isTrue();
    }

    @Test
    void anExistingAdminIsNeverRecreatedNorItsPasswordChanged() {
        bootstrap("first-password").createAdminIfMissing();

        boolean createdAgain = bootstrap("second-password").createAdminIfMissing();

        assertThat(createdAgain).isFalse();
        String hash = users.loadUserByUsername("admin").getPassword();
        assertThat(passwordEncoder.matches("first-password", hash)).isTrue();
        assertThat(passwordEncoder.matches("second-password", hash)).isFalse();
    }

    @Test
    void withoutAConfiguredPasswordARandomOneIsLoggedOnce(CapturedOutput output) {
        bootstrap(null).createAdminIfMissing();

        Matcher logged = Pattern
                .compile("CivicPulse first start: log in at http://localhost:8080/ as admin / (\\S+)")
                .matcher(output.getAll());
        assertThat(logged.find()).as("the first-start message").isTrue();
        String password = logged.group(1);
        assertThat(password).hasSize(20);
        assertThat(passwordEncoder.matches(password, users.loadUserByUsername("admin").getPassword())).isTrue();

        bootstrap(null).createAdminIfMissing();

        assertThat(output.getAll().split("CivicPulse first start", -1)).as("printed exactly once").hasSize(2);
    }

    @Test
    void theMessageNamesThePortTheServerActuallyListensOn(CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "18080");

        new AdminBootstrap(users, passwordEncoder, DashboardSecurityProperties.withBootstrapAdminPassword(""), environment)
                .createAdminIfMissing();

        assertThat(output.getAll()).contains("log in at http://localhost:18080/ as admin / ");
    }

    @Test
    void theConfiguredPasswordNeverAppearsInTheSettingsToString() {
        assertThat(DashboardSecurityProperties.withBootstrapAdminPassword("s3cret-Pass").toString()).doesNotContain("s3cret-Pass");
    }

    private AdminBootstrap bootstrap(String configuredPassword) {
        return new AdminBootstrap(users, passwordEncoder, DashboardSecurityProperties.withBootstrapAdminPassword(configuredPassword),
                new MockEnvironment());
    }
}
