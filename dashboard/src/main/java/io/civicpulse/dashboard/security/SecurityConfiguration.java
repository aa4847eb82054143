package io.civicpulse.dashboard.security;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import io.civicpulse.dashboard.security.ui.LoginView;

/**
 * Every view needs a logged-in user (views say which with their access annotations); only the login view and the
 * health probe are public, the latter so load balancers and monitoring can check the dashboard without an account.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(DashboardSecurityProperties.class)
class SecurityConfiguration {

    private static final String ARGON2 = "argon2";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // Vaadin's configurer ends the chain by refusing every request that is neither a view nor one of Vaadin's
        // own resources, so the health probe and the scripts the dashboard loads at run time (ECharts and the
        // chart element: public, static code) are allowed here, before it.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/echarts/**", "/components/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /**
     * Accounts live in the product database ({@code users}, {@code authorities} and a department head's
     * {@code user_department}, created by Flyway).
     */
    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
        return new ScopedUserDetailsManager(dataSource);
    }

    /**
     * New hashes are Argon2id ({@code {argon2}...}, Spring Security's current defaults: 16 MiB, 2 iterations), the
     * password-hashing competition's winner and OWASP's first choice, memory-hard against GPU guessing. Hashes keep
     * their {@code {id}} prefix, so the {@code {bcrypt}} hashes of earlier versions still log in.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder(ARGON2, encoders);
    }
}
