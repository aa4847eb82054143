package io.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.civicpulse.dashboard.chart.EchartsLibrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard over real HTTP: what a browser, a load balancer and an operator see. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "civicpulse.security.bootstrap-admin-password=integration-Pass-1")
class DashboardIntegrationTests {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @LocalServerPort
    int port;

    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Test
    void theHealthProbeIsPublicAndUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.shared().readTree(health.body());
        assertThat(body.at("/status").asString()).isEqualTo("UP");
        assertThat(body.has("components")).as("anonymous probes see no details").isFalse();
    }

    @Test
    void everyViewNeedsALogin() throws Exception {
        HttpResponse<String> overview = get("/");

        assertThat(overview.statusCode()).isEqualTo(302);
        assertThat(overview.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(get("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminLogsInWithTheBootstrapPasswordAndThenSeesTheDatabaseHealth() throws Exception {
        HttpResponse<String> login = logIn("admin", "integration-Pass-1");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(get("/").statusCode()).isEqualTo(200);
        JsonNode health = JsonMapper.shared().readTree(get("/actuator/health").body());
        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        HttpResponse<String> login = logIn("admin", "not-the-password");

        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void theChartScriptsAreServedAsJavaScript() throws Exception {
        String echarts = EchartsLibrary.url().substring("context:/".length());
        for (String path : new String[] {echarts, "/components/cp-echart.js"}) {
            HttpResponse<String> script = get(path);

            assertThat(script.statusCode()).as(path).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type").orElse("")).as(path).contains("javascript");
        }
    }

    @Test
    void theStylesheetsLoadForTheLoginPage() throws Exception {
        assertThat(get("/styles.css").statusCode()).isEqualTo(200);
        assertThat(get("/lumo/lumo.css").statusCode()).isEqualTo(200);
    }

    /** What Vaadin's login form does: post the user name and password with the page's CSRF token. */
    private HttpResponse<String> logIn(String username, String password) throws Exception {
        String page = get("/login").body();
        Matcher csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        String form = Map.of("username", username, "password", password, "_csrf", csrf.group(1)).entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
