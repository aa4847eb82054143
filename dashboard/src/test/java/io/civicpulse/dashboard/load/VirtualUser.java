package io.civicpulse.dashboard.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person in a browser tab, as the server sees it: its own HTTP session (cookie jar), a form login, then full
 * page loads of views, each made of the requests Vaadin 25's client sends (watched in Chromium):
 * <ol>
 * <li>{@code GET /route?query}: the bootstrap page (the same static shell for every view);</li>
 * <li>{@code GET /?v-r=init&location=...}: creates the UI and answers its configuration and CSRF token;</li>
 * <li>{@code POST /?v-r=uidl} with the {@code ui-navigate} event: the server builds the view, runs its queries and
 * answers the whole first screen: cards, charts' options, and every grid's rows (the grids show all rows);</li>
 * <li>{@code POST /?v-r=uidl} acknowledging each grid's data ({@code confirmUpdate}), as the grid's client
 * connector does; the browser's other property echoes in that request change nothing on the server.</li>
 * </ol>
 * A view load's latency spans all four. Before the next page load the browser's {@code beforeunload} beacon closes
 * the previous UI ({@code UNLOAD}); that is sent too, untimed, so a session holds one UI at a time, like a tab.
 * Every answer is checked: a status other than 200, a redirect to the login, a Vaadin error or an answer without
 * the view's own content fails the load.
 */
final class VirtualUser {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    // The grid connector's "data received" callback; a combo box's takes two arguments and is not acknowledged.
    private static final Pattern GRID_CONFIRM = Pattern.compile(
            "\\[\\{\"@v-node\":(\\d+)},(\\d+),\"return \\$0\\.\\$connector\\.confirm\\(\\$1\\)\"]");
    private static final List<String> VAADIN_ERRORS = List.of("\"appError\"", "\"sessionExpired\"",
            "Internal error", "Could not navigate", "There was an exception while trying to navigate");

    /** The UI a page load left open, to close before the next one. */
    private record OpenUi(int id, String csrfToken, int syncId, int clientId) {
    }

    private final URI base;
    private final String username;
    private final String password;
    private final Latencies latencies;
    private final HttpClient http;
    // Vaadin's client names its window once per tab.
    private final String windowName = "v-" + Math.random();
    private OpenUi open;
    private boolean productionMode;

    VirtualUser(URI base, String username, String password, Latencies latencies) {
        this.base = base;
        this.username = username;
        this.password = password;
        this.latencies = latencies;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).build();
    }

    /** Spring Security's form login, with the CSRF token the login page carries; timed as {@link ViewKind#LOGIN}. */
    void logIn() {
        long start = System.nanoTime();
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/login")).GET());
        expect(page, 200, "the login page");
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new LoadFailure("the login page carries no CSRF token");
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1));
        HttpResponse<String> login = send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("/login")) {
            throw new LoadFailure("login refused: " + login.statusCode() + " " + location);
        }
        latencies.record(ViewKind.LOGIN, System.nanoTime() - start);
        open = null;
    }

    /** One full page load of the view, timed and checked; the previous page's UI is closed first. */
    void load(ViewTarget target) {
        closeOpenUi();
        long start = System.nanoTime();
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve(target.path())).GET());
        expect(page, 200, target.path());
        if (!page.body().contains("id=\"outlet\"")) {
            throw new LoadFailure(target.path() + ": not Vaadin's bootstrap page");
        }

        HttpResponse<String> init = send(HttpRequest.newBuilder(base.resolve("/?v-r=init&location="
                + encode(target.route()) + "&query=" + encode(target.query()) + BROWSER_DETAILS + "&v-curdate="
                + System.currentTimeMillis() + "&v-wn=" + windowName)).GET());
        expect(init, 200, target.path() + " (init)");
        JsonNode config = JsonMapper.shared().readTree(init.body()).path("appConfig");
        productionMode = config.path("productionMode").asBoolean(false);
        int uiId = config.path("v-uiId").asInt(-1);
        String csrfToken = config.path("uidl").path("Vaadin-Security-Key").asString(null);
        if (uiId < 0 || csrfToken == null) {
            throw new LoadFailure(target.path() + " (init): no UI id or security key in " + abbreviate(init.body()));
        }

        String navigate = "{\"csrfToken\":\"" + csrfToken + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"/" + target.route() + "\",\"query\":\""
                + target.query() + "\",\"appShellTitle\":\"CivicPulse\",\"historyState\":{\"idx\":0},"
                + "\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
        HttpResponse<String> view = uidl(uiId, navigate);
        checkView(target, view);

        List<String> acknowledgements = new ArrayList<>();
        Matcher confirm = GRID_CONFIRM.matcher(view.body());
        while (confirm.find()) {
            acknowledgements.add("{\"type\":\"publishedEventHandler\",\"node\":" + confirm.group(1)
                    + ",\"templateEventMethodName\":\"confirmUpdate\",\"templateEventMethodArgs\":["
                    + confirm.group(2) + "],\"promise\":0}");
        }
        int syncId = syncId(view, target);
        int clientId = 1;
        if (!acknowledgements.isEmpty()) {
            HttpResponse<String> ack = uidl(uiId, "{\"csrfToken\":\"" + csrfToken + "\",\"rpc\":["
                    + String.join(",", acknowledgements) + "],\"syncId\":" + syncId + ",\"clientId\":" + clientId
                    + "}");
            expect(ack, 200, target.path() + " (grid data acknowledged)");
            failOnVaadinError(target, ack.body());
            syncId = syncId(ack, target);
            clientId++;
        }
        latencies.record(target.kind(), System.nanoTime() - start);
        open = new OpenUi(uiId, csrfToken, syncId, clientId);
    }

    /** Whether the last page load found Vaadin in production mode: development mode is slower and larger. */
    boolean productionMode() {
        return productionMode;
    }

    /** The browser's {@code beforeunload} beacon: the server closes the UI and lets it go. */
    void closeOpenUi() {
        if (open == null) {
            return;
        }
        OpenUi closing = open;
        open = null;
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uidlUri(closing.id()))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"csrfToken\":\"" + closing.csrfToken()
                        + "\",\"rpc\":[],\"syncId\":" + closing.syncId() + ",\"clientId\":" + closing.clientId()
                        + ",\"UNLOAD\":true}")));
        expect(answer, 200, "closing UI " + closing.id());
    }

    private void checkView(ViewTarget target, HttpResponse<String> view) {
        expect(view, 200, target.path() + " (navigate)");
        failOnVaadinError(target, view.body());
        if (!view.body().contains(target.expected())) {
            throw new LoadFailure(target.path() + ": the answer lacks '" + target.expected() + "': "
                    + abbreviate(view.body()));
        }
    }

    private static void failOnVaadinError(ViewTarget target, String body) {
        for (String error : VAADIN_ERRORS) {
            if (body.contains(error)) {
                throw new LoadFailure(target.path() + ": " + error + " in " + abbreviate(body));
            }
        }
    }

    private static int syncId(HttpResponse<String> answer, ViewTarget target) {
        Matcher syncId = SYNC_ID.matcher(answer.body());
        int last = -1;
        while (syncId.find()) {
            last = Integer.parseInt(syncId.group(1));
        }
        if (last < 0) {
            throw new LoadFailure(target.path() + ": no syncId in " + abbreviate(answer.body()));
        }
        return last;
    }

    private HttpResponse<String> uidl(int uiId, String json) {
        return send(HttpRequest.newBuilder(uidlUri(uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private URI uidlUri(int uiId) {
        return base.resolve("/?v-r=uidl&v-uiId=" + uiId);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        latencies.requestSent();
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LoadFailure(request.build().uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure("interrupted");
        }
    }

    private static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new LoadFailure(what + ": status " + answer.statusCode()
                    + answer.headers().firstValue("Location").map(l -> " to " + l).orElse("") + " "
                    + abbreviate(answer.body()));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }

    /** What Vaadin's client reports about the browser at init; a 1400x900 window on Linux, like the e2e tests'. */
    private static final String BROWSER_DETAILS = "&v-sh=900&v-sw=1400&v-wh=757&v-ww=1400&v-bh=757&v-bw=1400"
            + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light"
            + "&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=UNSUPPORTED"
            + "&v-wla=SUPPORTED&v-ws=false";

    /** A load that failed its checks or its request; the driver counts it and the user goes on. */
    static final class LoadFailure extends RuntimeException {

        LoadFailure(String message) {
            super(message, null, false, false);
        }
    }
}
