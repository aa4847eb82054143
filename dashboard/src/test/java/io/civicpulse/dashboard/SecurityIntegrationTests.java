package io.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Security over real HTTP: the headers every answer carries, HSTS on HTTPS (seen through a proxy's
 * X-Forwarded-Proto), login throttling, and OpenID Connect's "Sign in with" when a provider is configured.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "civicpulse.security.bootstrap-admin-password=integration-Pass-1",
    "server.forward-headers-strategy=native",
    "spring.security.oauth2.client.registration.cityid.client-id=civicpulse",
    "spring.security.oauth2.client.registration.cityid.client-secret=not-a-secret",
    "spring.security.oauth2.client.registration.cityid.client-name=City ID",
    "spring.security.oauth2.client.registration.cityid.scope=openid,profile",
    "spring.security.oauth2.client.registration.cityid.authorization-grant-type=authorization_code",
    "spring.security.oauth2.client.registration.cityid.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
    "spring.security.oauth2.client.provider.cityid.authorization-uri=https://id.example.org/authorize",
    "spring.security.oauth2.client.provider.cityid.token-uri=https://id.example.org/token",
    "spring.security.oauth2.client.provider.cityid.jwk-set-uri=https://id.example.org/jwks",
    "spring.security.oauth2.client.provider.cityid.user-name-attribute=sub"
})
class SecurityIntegrationTests {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/", "/api/v1/kpis", "/api/v1/openapi", "/actuator/health"}) {
            HttpResponse<String> answer = get(path, Map.of());

            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path)
                    .hasValue("strict-origin-when-cross-origin");
            assertThat(answer.headers().firstValue("Permissions-Policy")).as(path).hasValueSatisfying(
                    policy -> assertThat(policy).contains("camera=()", "geolocation=()"));
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(
                    policy -> assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'",
                            "object-src 'none'"));
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP")
                    .isEmpty();
        }
    }

    @Test
    void overHttpsThroughAProxyTheAnswerAlsoCarriesHsts() throws Exception {
        HttpResponse<String> answer = get("/login", Map.of("X-Forwarded-Proto", "https"));

        assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void givenFiveWrongPasswordsForAUsernameThenEvenTheRightOneIsRefusedForAWhile() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(logIn("admin", "wrong-password-" + i).headers().firstValue("Location").orElseThrow())
                    .endsWith("/login?error");
        }

        HttpResponse<String> locked = logIn("admin", "integration-Pass-1");

        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
        assertThat(get("/", Map.of()).statusCode()).as("not logged in").isEqualTo(302);
        assertThat(get("/login?locked", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void givenAConfiguredProviderThenItsLoginStartsAtTheProvider() throws Exception {
        HttpResponse<String> start = get("/oauth2/authorization/cityid", Map.of());

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow())
                .startsWith("https://id.example.org/authorize?").contains("client_id=civicpulse")
                .contains("scope=openid");
    }

    private HttpResponse<String> logIn(String username, String password) throws Exception {
        String page = get("/login", Map.of()).body();
        Matcher csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = Map.of("username", username, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
