package io.civicpulse.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yaml.snakeyaml.Yaml;

import io.civicpulse.dashboard.PublishedResults;
import io.civicpulse.dashboard.security.ApiTokens;
import io.civicpulse.dashboard.security.Role;
import io.civicpulse.dashboard.security.UserAccounts;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiCsv;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KPI API over real HTTP, the same on every database: token authentication, JSON and CSV in the export format,
 * filters, paging, suppression, a department head's scope, problem details for bad requests, the OpenAPI
 * description.
 */
abstract class KpiApiContract {

    static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    static final LocalDate AUGUST = LocalDate.of(2026, 8, 1);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;

    final HttpClient http = HttpClient.newHttpClient();
    String analystToken;
    String headToken;

    @BeforeEach
    void resultsAndTokens() {
        PublishedResults results = new PublishedResults(jdbc);
        results.clear();
        for (LocalDate month : List.of(JULY, AUGUST)) {
            results.row(Kpi.ON_TIME_RATE, "MONTH", month, null, null, null, null, 0.8, 300, 0.9, false, false);
            results.row(Kpi.ON_TIME_RATE, "MONTH", month, "SAN", null, null, null, 0.75, 100, 0.9, false, false);
            results.row(Kpi.ON_TIME_RATE, "MONTH", month, "DOT", null, null, null, 0.85, 200, 0.9, false, false);
            results.row(Kpi.CSAT_MEAN, "MONTH", month, "SAN", "Bulky Items", null, null, 4.0, 3, null, null, true);
        }
        results.row(Kpi.ON_TIME_RATE, "WEEK", AUGUST.plusDays(2), null, null, null, null, 0.7, 50, 0.9, false,
                false);
        jdbc.sql("DELETE FROM api_token").update();
        jdbc.sql("DELETE FROM user_department").update();
        jdbc.sql("DELETE FROM authorities WHERE username <> 'admin'").update();
        jdbc.sql("DELETE FROM users WHERE username <> 'admin'").update();
        asAdmin(() -> {
            accounts.create("analyst", "a long enough password", Set.of(Role.ANALYST), List.of());
            accounts.create("sanhead", "a long enough password", Set.of(Role.DEPARTMENT_HEAD), List.of("SAN"));
            analystToken = tokens.create("analyst", "tests").secret();
            headToken = tokens.create("sanhead", "tests").secret();
        });
    }

    @Test
    void givenNoTokenOrABadOneWhenAskingThenTheAnswerIs401AsAProblem() throws Exception {
        for (String token : new String[] {null, "cpk_not-a-token", "something-else"}) {
            HttpResponse<String> answer = get("/api/v1/kpis", token, null);

            assertThat(answer.statusCode()).as(String.valueOf(token)).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json(answer);
            assertThat(problem.at("/status").asInt()).isEqualTo(401);
            assertThat(problem.at("/title").asString()).isEqualTo("Not authenticated");
        }
    }

    @Test
    void givenAnAnalystsTokenWhenFilteringThenTheRowsComeAsJsonWithTheExportColumns() throws Exception {
        // when
        HttpResponse<String> answer = get("/api/v1/kpis?kpi=ON_TIME_RATE&grain=MONTH&from=2026-08-01"
                + "&department=DOT", analystToken, null);

        // then
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode page = json(answer);
        assertThat(page.at("/total").asInt()).isEqualTo(1);
        JsonNode row = page.at("/rows/0");
        assertThat(row.propertyNames()).containsExactlyElementsOf(KpiCsv.HEADER);
        assertThat(row.at("/department").asString()).isEqualTo("DOT");
        assertThat(row.at("/period_start").asString()).isEqualTo("2026-08-01");
        assertThat(row.at("/value").asDouble()).isEqualTo(0.85);
        assertThat(row.at("/meets_target").asBoolean()).isFalse();
        assertThat(answer.headers().firstValue("X-Total-Count")).hasValue("1");
    }

    @Test
    void givenCsvAskedForEitherWayThenTheBodyIsExactlyTheExportFormat() throws Exception {
        String expected = String.join("\n", String.join(",", KpiCsv.HEADER),
                "ON_TIME_RATE,MONTH,2026-08-01,*,*,*,*,0.8,,,300,0.9,false,,false",
                "ON_TIME_RATE,MONTH,2026-08-01,DOT,*,*,*,0.85,,,200,0.9,false,,false",
                "ON_TIME_RATE,MONTH,2026-08-01,SAN,*,*,*,0.75,,,100,0.9,false,,false") + "\n";
        HttpResponse<String> byParameter = get("/api/v1/kpis?grain=MONTH&from=2026-08-01&kpi=ON_TIME_RATE"
                + "&format=csv", analystToken, null);
        HttpResponse<String> byAccept = get("/api/v1/kpis?grain=MONTH&from=2026-08-01&kpi=ON_TIME_RATE",
                analystToken, "text/csv");

        for (HttpResponse<String> answer : List.of(byParameter, byAccept)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(answer.body()).isEqualTo(expected);
        }
    }

    @Test
    void givenASuppressedRowWhenReadThenItCarriesNoValue() throws Exception {
        HttpResponse<String> json = get("/api/v1/kpis?kpi=CSAT_MEAN&from=2026-08-01", analystToken, null);
        HttpResponse<String> csv = get("/api/v1/kpis?kpi=CSAT_MEAN&from=2026-08-01&format=csv", analystToken, null);

        JsonNode row = json(json).at("/rows/0");
        assertThat(row.at("/suppressed").asBoolean()).isTrue();
        assertThat(row.at("/service").asString()).isEqualTo("Bulky Items");
        assertThat(row.get("value").isNull()).isTrue();
        assertThat(row.get("score").isNull()).isTrue();
        assertThat(csv.body().lines().skip(1).toList())
                .containsExactly("CSAT_MEAN,MONTH,2026-08-01,SAN,Bulky Items,*,*,,,,3,,,,true");
    }

    @Test
    void givenADepartmentHeadsTokenThenTheCityAndTheirDepartmentShowAndAnotherDepartmentIs403() throws Exception {
        // when no department is named
        JsonNode all = json(get("/api/v1/kpis?limit=100", headToken, null));
        String csv = get("/api/v1/kpis?limit=100&format=csv", headToken, null).body();

        // then
        assertThat(all.at("/rows").valueStream().map(row -> row.at("/department").asString()).distinct())
                .containsExactlyInAnyOrder("*", "SAN");
        assertThat(all.at("/total").asInt()).isEqualTo(7);
        assertThat(csv).contains(",SAN,").doesNotContain("DOT");

        // when another department is named, in JSON or CSV
        for (String format : List.of("json", "csv")) {
            HttpResponse<String> refused = get("/api/v1/kpis?department=DOT&format=" + format, headToken, null);

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            JsonNode problem = json(refused);
            assertThat(problem.at("/detail").asString()).contains("'DOT'");
            assertThat(problem.at("/value").asString()).isEqualTo("DOT");
            assertThat(refused.body()).doesNotContain("0.85");
        }
        assertThat(get("/api/v1/kpis?department=SAN", headToken, null).statusCode()).isEqualTo(200);
    }

    @Test
    void givenMalformedParametersWhenAskingThenEachIsA400NamingTheParameterAndValue() throws Exception {
        Map<String, List<String>> cases = Map.of(
                "grain=YEAR", List.of("grain", "YEAR"),
                "from=2026-13-01", List.of("from", "2026-13-01"),
                "from=2026-08-01&to=2026-07-01", List.of("to", "2026-07-01"),
                "kpi=ON_TIME_RATE,HAPPINESS", List.of("kpi", "HAPPINESS"),
                "limit=0", List.of("limit", "0"),
                "limit=100001", List.of("limit", "100001"),
                "offset=-1", List.of("offset", "-1"),
                "limit=ten", List.of("limit", "ten"),
                "departmnet=SAN", List.of("departmnet", "SAN"),
                "format=xml", List.of("format", "xml"));
        for (Map.Entry<String, List<String>> bad : cases.entrySet()) {
            // when
            HttpResponse<String> answer = get("/api/v1/kpis?" + bad.getKey(), analystToken, "text/csv");

            // then
            assertThat(answer.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(bad.getKey())
                    .startsWith("application/problem+json");
            JsonNode problem = json(answer);
            assertThat(problem.at("/parameter").asString()).as(bad.getKey()).isEqualTo(bad.getValue().get(0));
            assertThat(problem.at("/value").asString()).as(bad.getKey()).isEqualTo(bad.getValue().get(1));
            assertThat(problem.at("/detail").asString()).as(bad.getKey()).contains(bad.getValue().get(0));
            assertThat(problem.at("/status").asInt()).isEqualTo(400);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_result").query(Long.class).single())
                .as("nothing changed").isEqualTo(9);
    }

    @Test
    void givenALimitWhenPagingThenEachPageSaysWhereTheNextStarts() throws Exception {
        JsonNode first = json(get("/api/v1/kpis?kpi=ON_TIME_RATE&limit=4", analystToken, null));
        JsonNode second = json(get("/api/v1/kpis?kpi=ON_TIME_RATE&limit=4&offset=4", analystToken, null));

        assertThat(first.at("/rows").size()).isEqualTo(4);
        assertThat(first.at("/total").asInt()).isEqualTo(7);
        assertThat(first.at("/next_offset").asInt()).isEqualTo(4);
        assertThat(second.at("/rows").size()).isEqualTo(3);
        assertThat(second.get("next_offset").isNull()).isTrue();
        assertThat(second.at("/rows/2/grain").asString()).as("export order: MONTH before WEEK").isEqualTo("WEEK");
    }

    @Test
    void givenARevokedTokenOrADisabledAccountWhenAskingThenTheAnswerIs401() throws Exception {
        asAdmin(() -> {
            tokens.list("analyst").forEach(token -> tokens.revoke(token.id()));
            accounts.update("sanhead", false, Set.of(Role.DEPARTMENT_HEAD), List.of("SAN"));
        });

        assertThat(get("/api/v1/kpis", analystToken, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/kpis", headToken, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theOpenApiDescriptionIsPublicAndDescribesTheApi() throws Exception {
        HttpResponse<String> json = get("/api/v1/openapi", null, null);
        HttpResponse<String> yaml = get("/api/v1/openapi.yaml", null, null);

        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode description = json(json);
        assertThat(description.at("/openapi").asString()).startsWith("3.");
        JsonNode operation = description.at("/paths/~1api~1v1~1kpis/get");
        assertThat(operation.at("/parameters").valueStream().map(p -> p.at("/name").asString()))
                .containsExactlyInAnyOrderElementsOf(KpiQuery.PARAMETERS);
        assertThat(operation.at("/responses/400/content").has("application/problem+json")).isTrue();
        assertThat(description.at("/components/securitySchemes/token/scheme").asString()).isEqualTo("bearer");
        assertThat(yaml.statusCode()).isEqualTo(200);
        Map<String, Object> parsed = new Yaml().load(yaml.body());
        assertThat(((Map<?, ?>) parsed.get("paths")).keySet().stream().map(String::valueOf).toList())
                .containsExactly("/api/v1/kpis");
    }

    HttpResponse<String> get(String path, String token, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> answer) {
        return JsonMapper.shared().readTree(answer.body());
    }

    static void asAdmin(Runnable work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, AuthorityUtils.createAuthorityList(Role.ADMIN.authority())));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
