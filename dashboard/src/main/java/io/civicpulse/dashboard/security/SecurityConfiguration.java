package io.civicpulse.dashboard.security;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import io.civicpulse.dashboard.security.ui.LoginView;

/**
 * Two filter chains. The read-only KPI API ({@code /api/**}) authenticates every request by its bearer token, keeps
 * no session and answers errors as problem details. Everything else is the Vaadin dashboard: every view needs a
 * logged-in user (views say which roles with their access annotations); only the login view and the health probe
 * are public, the latter so load balancers and monitoring can check the dashboard without an account. Logins are
 * throttled ({@link LoginThrottle}); OpenID Connect single sign-on joins the login page when a client registration
 * is configured ({@code spring.security.oauth2.client.registration.*}). Both chains send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(DashboardSecurityProperties.class)
class SecurityConfiguration {

    private static final String ARGON2 = "argon2";

    /**
     * Vaadin's client needs inline and evaluated scripts and inline styles; everything else comes from this origin
     * (the charts' scripts included), and no other site may frame the dashboard.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' "
            + "'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, JdbcUserDetailsManager users)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // The description of the API is public: it holds no results.
                        .requestMatchers(HttpMethod.GET, "/api/v1/openapi", "/api/v1/openapi.yaml",
                                "/api/v1/openapi/**").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookies are read, so there is no cross-site request to forge; the API only reads.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiTokenFilter(tokens, users), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> Problems.write(request, response,
                                Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                                        "Send an API token as 'Authorization: Bearer <token>'; administrators "
                                                + "create tokens in the dashboard's user management")))
                        .accessDeniedHandler((request, response, e) -> Problems.write(request, response,
                                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()))));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle,
            ObjectProvider<ClientRegistrationRepository> registrations, DashboardSecurityProperties properties)
            throws Exception {
        // Vaadin's configurer ends the chain by refusing every request that is neither a view nor one of Vaadin's
        // own resources, so the health probe and the scripts the dashboard loads at run time (ECharts and the
        // chart element: public, static code) are allowed here, before it.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/echarts/**", "/components/**").permitAll());
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        headers(http);
        if (registrations.getIfAvailable() != null) {
            OidcAuthorities mapping = new OidcAuthorities(properties.oidc());
            http.oauth2Login(oauth -> oauth
                    .loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(mapping)));
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /**
     * HSTS goes out on HTTPS requests only (a browser ignores it over HTTP); behind a proxy that ends TLS, set
     * {@code server.forward-headers-strategy=native} so requests that came in over HTTPS are seen as such.
     */
    private static void headers(HttpSecurity http) throws Exception {
        HeaderWriter permissions = new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY);
        // Written before the request is handled: Vaadin writes its page to the container's own response, past the
        // wrapper that would add them when the answer is committed.
        http.headers(headers -> headers
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentTypeOptions(contentType -> {
                })
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .addHeaderWriter(permissions));
    }

    @Bean
    LoginThrottle loginThrottle(DashboardSecurityProperties properties) {
        return new LoginThrottle(properties.login(), Clock.systemUTC());
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
    PasswordEncoder passwordEncoder(DashboardSecurityProperties properties) {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        // Only a few hashes at a time (BoundedPasswordEncoder): logins arriving together take turns.
        int concurrent = properties.login().concurrentHashes() > 0 ? properties.login().concurrentHashes()
                : BoundedPasswordEncoder.defaultConcurrency();
        return new BoundedPasswordEncoder(new DelegatingPasswordEncoder(ARGON2, encoders), concurrent,
                properties.login().maxHashWait());
    }
}
