package io.civicpulse.dashboard.api;

import java.io.StringWriter;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.civicpulse.kpi.KpiCsv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The read-only KPI API: the published KPI results, filtered by query parameters, as JSON or as CSV in the export
 * format, a page at a time, within the caller's role and department scope (the token's account). It only reads.
 */
@RestController
@RequestMapping("/api/v1/kpis")
@EnableConfigurationProperties(KpiApiProperties.class)
class KpiApiController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    /** The JSON answer: one page of rows, where it starts, and how many rows the selection holds in all. */
    record KpiPage(List<KpiApiRow> rows, int offset, int limit, long total,
            @com.fasterxml.jackson.annotation.JsonProperty("next_offset") Integer nextOffset) {
    }

    private final KpiApiQueries queries;
    private final KpiApiProperties properties;

    KpiApiController(KpiApiQueries queries, KpiApiProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "Published KPI results",
            description = "Rows of the KPI export format (see the export contract), sorted by kpi, grain, "
                    + "period_start, department, service, channel and district. Every filter is optional; a "
                    + "dimension filter matches exactly and '*' selects its total (department=* is the city). A "
                    + "department head's token sees the city's rows and their own departments' only; asking for "
                    + "another department is refused with 403. Suppressed rows carry no value.",
            security = @SecurityRequirement(name = "token"),
            parameters = {
                @Parameter(in = ParameterIn.QUERY, name = KpiQuery.KPI,
                        description = "KPI names, comma-separated, such as ON_TIME_RATE,CSAT_MEAN"),
                @Parameter(in = ParameterIn.QUERY, name = KpiQuery.GRAIN,
                        schema = @Schema(allowableValues = { "DAY", "WEEK", "MONTH", "QUARTER" })),
                @Parameter(in = ParameterIn.QUERY, name = KpiQuery.FROM,
                        description = "First period start, inclusive (YYYY-MM-DD)",
                        schema = @Schema(type = "string", format = "date")),
                @Parameter(in = ParameterIn.QUERY, name = KpiQuery.TO,
                        description = "Last period start, inclusive (YYYY-MM-DD)",
                        schema = @Schema(type = "string", format = "date")),
                @Parameter(in = ParameterIn.QUERY, name = KpiQuery.DEPARTMENT, description = "Department code, or *"),
                @Parameter(in = ParameterIn.QUERY, name = KpiQuery.SERVICE, description = "Service, or *"),
                @Parameter(in = ParameterIn.QUERY, name = KpiQuery.CHANNEL, description = "Channel, or *"),
                @Parameter(in = ParameterIn.QUERY, name = KpiQuery.DISTRICT, description = "District, or *"),
                @Parameter(in = ParameterIn.QUERY, name = KpiQuery.LIMIT,
                        description = "Rows per answer, 1 to civicpulse.api.max-limit (10000); default 1000",
                        schema = @Schema(type = "integer")),
                @Parameter(in = ParameterIn.QUERY, name = KpiQuery.OFFSET,
                        description = "Rows to skip, for the next page", schema = @Schema(type = "integer")),
                @Parameter(in = ParameterIn.QUERY, name = KpiQuery.FORMAT,
                        description = "json or csv; without it, Accept: text/csv chooses CSV",
                        schema = @Schema(allowableValues = { "json", "csv" }))
            })
    @ApiResponse(responseCode = "200", description = "One page of rows; X-Total-Count holds the selection's size",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = KpiPage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                        description = "The KPI export format with its header row"))
            })
    @ApiResponse(responseCode = "400", description = "A parameter cannot be used; 'parameter' and 'value' name it",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "No token, or an unknown or revoked one",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The token's account may not see that department",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> kpis(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean acceptsCsv = accept != null && accept.contains("text/csv") && !accept.contains("application/json");
        KpiQuery query = KpiQuery.parse(request.getParameterMap(), acceptsCsv, properties);
        KpiApiQueries.Page page = queries.find(query);
        Integer next = query.offset() + page.rows().size() < page.total() ? query.offset() + page.rows().size()
                : null;
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(page.total()));
        if (query.csv()) {
            StringWriter out = new StringWriter();
            KpiCsv csv = new KpiCsv(out);
            page.rows().forEach(csv::write);
            csv.flush();
            return ok.contentType(TEXT_CSV).body(out.toString());
        }
        List<KpiApiRow> rows = page.rows().stream().map(KpiApiRow::of).toList();
        return ok.contentType(MediaType.APPLICATION_JSON)
                .body(new KpiPage(rows, query.offset(), query.limit(), page.total(), next));
    }
}
