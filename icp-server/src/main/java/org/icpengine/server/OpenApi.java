package org.icpengine.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.icpengine.server.internal.Paging;
import org.icpengine.server.scoring.ScoreController;

/**
 * The OpenAPI 3.0 document of the API, built as plain maps that Jackson writes. It must list exactly the routes
 * {@link IcpServer} registers (a test compares the two). The document itself is public: it describes the API and
 * holds no data; every other route needs the bearer key.
 */
final class OpenApi {

    private OpenApi() {
    }

    static Map<String, Object> document(String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "ICP Engine API", "version", version,
                "description", "The results of the ICP pipeline of one workspace, and scoring. Every route needs "
                        + "'Authorization: Bearer <key>' (create a key with 'icp serve --new-key') except this document. "
                        + "Errors are {\"error\":{\"code\":\"...\",\"message\":\"...\"}}."));
        doc.put("servers", List.of(Map.of("url", "/")));
        doc.put("security", List.of(Map.of("bearer", List.of())));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put(IcpServer.API + "/openapi.json", Map.of("get", op("This document (no key needed).", List.of(),
                "The OpenAPI document", false)));
        paths.put(IcpServer.API + "/metrics", Map.of("get", op("Account metrics of one date, a page at a time.",
                List.of(query("as_of", "Date of the metrics, YYYY-MM-DD (default: the latest computed)", "string"),
                        limit(), offset()), "A page of metrics rows", true)));
        paths.put(IcpServer.API + "/segments", Map.of("get", op("Segment table, as 'icp segments', with available_dimensions: the dimensions one can group by.",
                segmentParams(), "The segment table", true)));
        paths.put(IcpServer.API + "/discovery", Map.of("get", op("out/discover.json: indicators, rules, personas.",
                List.of(), "The discovery report", true)));
        paths.put(IcpServer.API + "/models", Map.of("get", op("The models of out/models/.", List.of(),
                "Models with their tiers", true)));
        paths.put(IcpServer.API + "/models/{name}", Map.of("get", op("One model with its scoring table.",
                List.of(path("name", "The model's name, such as fit")), "The model", true)));
        paths.put(IcpServer.API + "/validation", Map.of("get", op("out/validation.json: the backtest of every model.",
                List.of(), "The validation report", true)));
        paths.put(IcpServer.API + "/exports", Map.of("get", op("The team exports of out/exports/.", List.of(),
                "Export names", true)));
        paths.put(IcpServer.API + "/exports/{name}", Map.of("get", op("One export as JSON rows of text cells.",
                List.of(path("name", "The export's file name without .csv"), limit(), offset()), "A page of rows", true)));
        paths.put(IcpServer.API + "/charts/segments", Map.of("get", op("ECharts option: bars of the ICP index of the "
                + "first 30 segments of /segments with the same parameters, built as the report builds it.",
                segmentParams(), "An ECharts option object", true)));
        paths.put(IcpServer.API + "/charts/validation/gains", Map.of("get", op("ECharts option: cumulative gains of "
                + "the models of out/validation.json, built as the report builds it.", List.of(modelParam()),
                "An ECharts option object", true)));
        paths.put(IcpServer.API + "/charts/validation/calibration", Map.of("get", op("ECharts option: calibration of "
                + "the models of out/validation.json, built as the report builds it.", List.of(modelParam()),
                "An ECharts option object", true)));
        Map<String, Object> score = op("Score one account object, or {\"accounts\":[...]} with up to "
                + ScoreController.MAX_BATCH + " of them; keys are account_metrics columns.", List.of(),
                "Per account and model: score, tier, probability, reasons, missing inputs; and expected value", true);
        score.put("requestBody", Map.of("required", true, "content",
                Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) score.get("responses");
        responses.put("413", ref("Error"));
        paths.put(IcpServer.API + "/score", Map.of("post", score));
        doc.put("paths", paths);
        Map<String, Object> error = Map.of("type", "object", "properties", Map.of("error", Map.of("type", "object",
                "properties", Map.of("code", Map.of("type", "string"), "message", Map.of("type", "string")))));
        doc.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", Map.of("Error", error)));
        return doc;
    }

    private static Map<String, Object> op(String summary, List<Map<String, Object>> params, String ok, boolean keyed) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        if (!keyed) {
            op.put("security", List.of());
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", ok,
                "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
        if (keyed) {
            responses.put("400", ref("Error"));
            responses.put("401", ref("Error"));
            responses.put("404", ref("Error"));
        }
        op.put("responses", responses);
        return op;
    }

    private static List<Map<String, Object>> segmentParams() {
        return List.of(required(query("by", "Comma-separated dimensions, such as industry,employees_band", "string")),
                query("where", "A filter in the expression language, such as region = 'EMEA' "
                        + "(parsed, never pasted into SQL)", "string"),
                query("min_size", "Segments with fewer accounts are flagged small", "integer"),
                query("sort", "Sort column, descending (icp_index, accounts, customers or a metric)", "string"),
                query("as_of", "Date of the metrics, YYYY-MM-DD (default: the latest)", "string"));
    }

    private static Map<String, Object> modelParam() {
        return query("model", "Only this model, such as fit (default: every model)", "string");
    }

    private static Map<String, Object> ref(String schema) {
        return Map.of("description", "An error", "content",
                Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/" + schema))));
    }

    private static Map<String, Object> query(String name, String description, String type) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("description", description);
        p.put("schema", Map.of("type", type));
        return p;
    }

    private static Map<String, Object> required(Map<String, Object> param) {
        param.put("required", true);
        return param;
    }

    private static Map<String, Object> path(String name, String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "path");
        p.put("required", true);
        p.put("description", description);
        p.put("schema", Map.of("type", "string"));
        return p;
    }

    private static Map<String, Object> limit() {
        return new LinkedHashMap<>(Map.of("name", "limit", "in", "query",
                "description", "Rows per page, 1 to " + Paging.MAX_LIMIT + " (default " + Paging.DEFAULT_LIMIT + ")",
                "schema", Map.of("type", "integer")));
    }

    private static Map<String, Object> offset() {
        return new LinkedHashMap<>(Map.of("name", "offset", "in", "query", "description", "Rows skipped (default 0)",
                "schema", Map.of("type", "integer")));
    }

    /** The documented routes as {@code METHOD path}, to compare with the registered ones. */
    @SuppressWarnings("unchecked")
    static List<String> routes(Map<String, Object> doc) {
        List<String> out = new ArrayList<>();
        ((Map<String, Object>) doc.get("paths")).forEach((path, ops) ->
                ((Map<String, Object>) ops).keySet().forEach(m -> out.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        return out;
    }
}
