package org.icpengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.icpengine.core.workspace.Workspace;
import org.icpengine.server.auth.ApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The API over real HTTP on loopback, against a demo workspace built once for the class. */
class IcpServerIT {

    @TempDir
    static Path dir;

    static Workspace ws;
    static IcpServer server;
    static Http http;
    static String key;
    static long accountsBefore;
    static String oneAccount;

    @BeforeAll
    static void startServer() throws Exception {
        ws = DemoWorkspace.create(dir.resolve("demo"), 800);
        accountsBefore = DemoWorkspace.rows(ws, "accounts");
        key = ApiKeys.create(ApiKeys.file(ws), Clock.systemUTC());
        server = IcpServer.create(ws, ServerSettings.defaults().withPort(0).withMaxBodyBytes(ServerSettings.DEFAULT_MAX_BODY))
                .start();
        http = new Http(server.url());
        JsonNode row = http.get("/api/v1/metrics?limit=1", key).json().get("rows").get(0);
        oneAccount = Http.JSON.writeValueAsString(row);
    }

    @AfterAll
    static void stopServerAndCheckTheStoreIsIntact() {
        if (server != null) {
            server.close();
        }
        assertThat(DemoWorkspace.rows(ws, "accounts")).isEqualTo(accountsBefore).isPositive();
        assertThat(DemoWorkspace.rows(ws, "account_metrics")).isPositive();
    }

    static Stream<String> keyedGets() throws Exception {
        String export;
        try (Stream<Path> s = Files.list(ws.outDir().resolve("exports"))) {
            export = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".csv")).sorted().findFirst()
                    .orElseThrow().replace(".csv", "");
        }
        return Stream.of("/api/v1/metrics", "/api/v1/metrics?limit=5&offset=10", "/api/v1/segments?by=industry,employees_band",
                "/api/v1/discovery", "/api/v1/models", "/api/v1/models/fit", "/api/v1/validation", "/api/v1/exports",
                "/api/v1/exports/" + export + "?limit=3", "/api/v1/charts/segments?by=industry",
                "/api/v1/charts/validation/gains", "/api/v1/charts/validation/calibration");
    }

    @ParameterizedTest
    @MethodSource("keyedGets")
    void everyGetRouteAnswers401WithoutAKeyAnd401WithAWrongKeyAnd200WithTheKey(String path) {
        Http.Response none = http.get(path, null);
        Http.Response wrong = http.get(path, "icp_not-the-key");
        Http.Response good = http.get(path, key);

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().at("/error/code").asText()).isEqualTo("unauthorized");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("icp_not-the-key");
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.contentType()).startsWith("application/json");
        assertThat(good.json().isObject()).isTrue();
    }

    @Test
    void scoreNeedsTheKeyToo() {
        assertThat(http.post("/api/v1/score", null, oneAccount).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/score", "Bearer", oneAccount).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/score", key + "x", oneAccount).status()).isEqualTo(401);
    }

    @Test
    void aNonBearerAuthorizationHeaderIsRefused() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "api/v1/models"))
                        .header("Authorization", "Basic " + key).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aKeyCreatedWhileTheServerRunsWorksWithinSecondsAndTheOldOneStillWorks() throws Exception {
        String fresh = ApiKeys.create(ApiKeys.file(ws), Clock.systemUTC());
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status;
        do {
            Thread.sleep(200);
            status = http.get("/api/v1/models", fresh).status();
        } while (status != 200 && System.nanoTime() < deadline);

        assertThat(status).isEqualTo(200);
        assertThat(http.get("/api/v1/models", key).status()).isEqualTo(200);
    }

    @Test
    void metricsArePagedAndDated() {
        JsonNode all = http.get("/api/v1/metrics?limit=10000", key).json();
        JsonNode page = http.get("/api/v1/metrics?limit=5&offset=10&as_of=" + all.get("as_of").asText(), key).json();

        assertThat(all.get("total").asInt()).isEqualTo(all.get("rows").size()).isGreaterThan(100);
        assertThat(page.get("rows")).hasSize(5);
        assertThat(page.get("rows").get(0)).isEqualTo(all.get("rows").get(10));
        assertThat(http.get("/api/v1/metrics?as_of=1990-01-01", key).json().get("total").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=abc", "offset=-1", "limit=100001", "as_of=yesterday"})
    void badPagingOrDateIs400(String query) {
        Http.Response r = http.get("/api/v1/metrics?" + query, key);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("bad_request");
    }

    @Test
    void segmentsTakeTheCliParameters() {
        JsonNode t = http.get("/api/v1/segments?by=industry&where=" + Http.q("employees >= 50")
                + "&min_size=5&sort=accounts", key).json();

        assertThat(t.get("dimensions")).hasSize(1);
        assertThat(t.get("where").asText()).contains("employees");
        assertThat(t.get("sort").asText()).isEqualTo("accounts");
        assertThat(t.get("min_size").asInt()).isEqualTo(5);
        assertThat(t.get("segments").size()).isPositive();
        long first = t.get("segments").get(0).get("accounts").asLong();
        assertThat(t.get("segments").get(t.get("segments").size() - 1).get("accounts").asLong()).isLessThanOrEqualTo(first);
    }

    @Test
    void segmentsWithoutByOrWithAnUnknownDimensionAre400() {
        assertThat(http.get("/api/v1/segments", key).status()).isEqualTo(400);
        Http.Response r = http.get("/api/v1/segments?by=no_such_dimension", key);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/message").asText()).contains("no_such_dimension");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "industry = 'x'; DROP TABLE accounts",
        "industry = 'x' -- comment",
        "industry = 'x'' OR 1=1 --",
        "DROP TABLE accounts",
        "1=1); DROP TABLE accounts; --",
        "read_csv('/etc/passwd') IS NOT NULL",
        "sleep(5) > 0",
        "industry = \"x\"",
        "industry = 'unterminated",
        "industry IN (SELECT industry FROM accounts)"})
    void injectionAttemptsInWhereAre400WithTheParsersMessageAndChangeNothing(String where) {
        Http.Response r = http.get("/api/v1/segments?by=industry&where=" + Http.q(where), key);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("bad_input");
        assertThat(r.json().at("/error/message").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(http.get("/api/v1/segments?by=industry", key).json().at("/population/accounts").asLong())
                .isEqualTo(accountsBefore);
    }

    @Test
    void scoringOneAccountAnswersEveryModelWithReasonsAndExpectedValue() {
        Http.Response r = http.post("/api/v1/score", key, oneAccount);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.get("account_id").asText()).isNotBlank();
        assertThat(s.get("scores").size()).isEqualTo(http.get("/api/v1/models", key).json().get("models").size());
        JsonNode fit = s.get("scores").get(0);
        assertThat(fit.has("score") && fit.has("tier") && fit.has("probability") && fit.has("missing")).isTrue();
        assertThat(fit.at("/reasons/gained").isArray()).isTrue();
        assertThat(s.has("expected_value")).isTrue();
    }

    @Test
    void anEmptyAccountScoresWithEveryInputMissing() {
        JsonNode s = http.post("/api/v1/score", key, "{}").json();

        assertThat(s.get("scores").get(0).get("missing").size()).isPositive();
    }

    @Test
    void aBatchIsScoredInOrderAndEqualsSingleScores() throws Exception {
        JsonNode rows = http.get("/api/v1/metrics?limit=50", key).json().get("rows");
        Http.Response r = http.post("/api/v1/score", key, Http.JSON.writeValueAsString(Map.of("accounts", rows)));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(r.json().get("count").asInt()).isEqualTo(50);
        assertThat(results.get(7).get("account_id")).isEqualTo(rows.get(7).get("account_id"));
        JsonNode single = http.post("/api/v1/score", key, Http.JSON.writeValueAsString(rows.get(7))).json();
        assertThat(results.get(7)).isEqualTo(single);
    }

    @Test
    void aBatchOverTenThousandIs400() {
        StringBuilder sb = new StringBuilder("{\"accounts\":[");
        for (int i = 0; i <= 10_000; i++) {
            sb.append(i == 0 ? "{}" : ",{}");
        }
        Http.Response r = http.post("/api/v1/score", key, sb.append("]}").toString());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("batch_too_large");
        assertThat(r.json().at("/error/message").asText()).contains("10000");
    }

    @Test
    void aBatchOfExactlyTenThousandIsScored() {
        StringBuilder sb = new StringBuilder("{\"accounts\":[");
        for (int i = 0; i < 10_000; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"account_id\":\"a").append(i).append("\",\"industry\":\"Software\"}");
        }
        Http.Response r = http.post("/api/v1/score", key, sb.append("]}").toString());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("count").asInt()).isEqualTo(10_000);
    }

    @Test
    void anOversizedBodyIs413() {
        byte[] body = new byte[(int) ServerSettings.DEFAULT_MAX_BODY + 10];
        java.util.Arrays.fill(body, (byte) ' ');

        Http.Response r = http.post("/api/v1/score", key, body);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("body_too_large");
    }

    @Test
    void anOversizedChunkedBodyIs413() throws Exception {
        byte[] body = new byte[(int) ServerSettings.DEFAULT_MAX_BODY + 10];
        java.util.Arrays.fill(body, (byte) ' ');
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "api/v1/score"))
                        .header("Authorization", "Bearer " + key)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(body))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("body_too_large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"industry\": }", "not json", "[1,2", ""})
    void malformedJsonIs400(String body) {
        Http.Response r = http.post("/api/v1/score", key, body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("malformed_json");
        assertThat(r.body()).doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "42", "{\"accounts\": 3}", "{\"accounts\": [1]}", "{\"industry\": {\"a\": 1}}",
        "{\"active_days_per_week\": \"lots\"}"})
    void wellFormedButWrongBodiesAre400(String body) {
        Http.Response r = http.post("/api/v1/score", key, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().at("/error/message").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/charts/segments?by=industry", "/api/v1/charts/validation/gains",
            "/api/v1/charts/validation/calibration"})
    void chartRoutesNeedTheKeyAndAnswerEChartsOptionsWithSeries(String path) {
        assertThat(http.get(path, null).status()).isEqualTo(401);
        Http.Response r = http.get(path, key);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("series").isArray()).isTrue();
        assertThat(r.json().get("series").size()).isPositive();
    }

    @Test
    void theSegmentsChartHasOneBarPerSegmentOfTheTableUpToThirty() {
        String q = "?by=industry&where=" + Http.q("employees >= 10");
        JsonNode table = http.get("/api/v1/segments" + q, key).json();
        JsonNode chart = http.get("/api/v1/charts/segments" + q, key).json();

        int n = Math.min(30, table.get("segments").size());
        assertThat(n).isPositive();
        assertThat(chart.at("/series/0/data")).hasSize(n);
        assertThat(chart.at("/xAxis/data/0").asText()).isEqualTo(table.at("/segments/0/label").asText());
        // each request computes the table again, and a parallel sum may differ in its last bits
        assertThat(chart.at("/series/0/data/0").asDouble())
                .isCloseTo(table.at("/segments/0/icp_index").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    @Test
    void theValidationChartsDrawEveryModelOrTheOneAskedFor() {
        int models = http.get("/api/v1/validation", key).json().get("models").size();
        JsonNode all = http.get("/api/v1/charts/validation/gains", key).json();
        JsonNode fit = http.get("/api/v1/charts/validation/gains?model=fit", key).json();

        // one line per model and the diagonal of random choice
        assertThat(all.get("series")).hasSize(models + 1);
        assertThat(fit.get("series")).hasSize(2);
        assertThat(fit.at("/series/0/name").asText()).isEqualTo("fit");
        Http.Response none = http.get("/api/v1/charts/validation/calibration?model=no-such-model", key);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().at("/error/message").asText()).contains("no-such-model");
        assertThat(http.get("/api/v1/charts/segments", key).json().at("/error/code").asText()).isEqualTo("bad_request");
    }

    @Test
    void unknownRoutesAre404JsonWithTheKeyAnd401Without() {
        Http.Response r = http.get("/api/v1/nothing-here", key);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("not_found");
        assertThat(http.get("/api/v1/nothing-here", null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/models/no-such-model", key).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/exports/..%2F..%2Ficp", key).status()).isEqualTo(404);
        assertThat(http.get("/nothing", null).json().at("/error/code").asText()).isEqualTo("not_found");
    }

    @Test
    void theOpenApiDocumentIsPublicAndListsExactlyTheRegisteredRoutes() {
        Http.Response r = http.get("/api/v1/openapi.json", null);

        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> documented = new ArrayList<>();
        doc.get("paths").properties().forEach(p ->
                p.getValue().fieldNames().forEachRemaining(m ->
                        documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        List<String> registered = server.routes().stream().map(IcpServer.Route::toString).toList();
        assertThat(registered).hasSize(13);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(server.documentedRoutes()).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void aSecondServerOnTheSamePortIsBadInput() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                IcpServer.create(ws, ServerSettings.defaults().withPort(server.port())).start())
                .isInstanceOf(org.icpengine.errors.InputException.class);
    }

    @Test
    void theServerBindsToLoopbackByDefault() throws Exception {
        assertThat(ServerSettings.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(server.url()).startsWith("http://127.0.0.1:");
        assertThat(server.settings().loopback()).isTrue();
        java.net.InetAddress other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).findFirst().orElse(null);
        if (other != null) {
            try (java.net.Socket s = new java.net.Socket()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        s.connect(new java.net.InetSocketAddress(other, server.port()), 1000))
                        .isInstanceOf(java.io.IOException.class);
            }
        }
    }
}
