package org.icpengine.server.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.icpengine.core.pipeline.model.AccountScore;
import org.icpengine.core.pipeline.model.ModelScore;
import org.icpengine.core.pipeline.model.Reason;
import org.icpengine.core.pipeline.model.Scoring;
import org.icpengine.errors.InputException;
import org.icpengine.server.internal.ApiException;
import org.icpengine.server.internal.Bodies;
import org.icpengine.server.internal.JsonValues;

import io.javalin.http.Context;

/**
 * {@code POST /api/v1/score}: scores accounts posted as JSON with every model of {@code out/models/}.
 *
 * <p>The body is one account, a JSON object keyed by column of {@code account_metrics} (the columns the models
 * read, such as {@code industry}, {@code employees_band} or {@code active_days_per_week}; absent columns are
 * missing inputs), or {@code {"accounts":[…]}} with 1 to {@value #MAX_BATCH} of them. Values are strings, numbers,
 * booleans, {@code null} or arrays of those (list columns such as a tech stack). One account answers
 * {@code {"account_id", "scores":[…], "expected_value"}}; a batch {@code {"count", "results":[…]}} in input order.
 * Each score has {@code model}, {@code score}, {@code tier}, {@code probability} ({@code null} for hand-written
 * models), {@code reasons} ({@code gained} and {@code lost}: criterion, bin, points, delta) and {@code missing}.
 *
 * <p>Scoring never touches the store, so this route runs fully in parallel. Thread-safe.
 */
public final class ScoreController {

    /** The most accounts one request may hold. */
    public static final int MAX_BATCH = 10_000;

    private final Scoring scoring;
    private final ObjectMapper mapper;
    private final long maxBody;

    /**
     * A controller scoring with {@code scoring}.
     *
     * @param scoring the models, or {@code null} when the workspace has none (every request then answers 404)
     * @param mapper  the JSON parser
     * @param maxBody the body limit in bytes
     */
    public ScoreController(Scoring scoring, ObjectMapper mapper, long maxBody) {
        this.scoring = scoring;
        this.mapper = mapper;
        this.maxBody = maxBody;
    }

    /** Handles {@code POST /api/v1/score}. */
    public void score(Context ctx) {
        JsonNode body = Bodies.json(mapper, ctx, maxBody);
        if (scoring == null) {
            throw ApiException.notFound("the workspace has no model to score with; run 'icp fit' and restart 'icp serve'");
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object: one account, or {\"accounts\": [...]}");
        }
        JsonNode batch = body.get("accounts");
        if (batch == null) {
            ctx.json(scoreOne(body, null));
            return;
        }
        if (!batch.isArray()) {
            throw ApiException.badRequest("accounts must be an array of account objects");
        }
        if (batch.size() > MAX_BATCH) {
            throw new ApiException(400, "batch_too_large", "a batch holds at most " + MAX_BATCH + " accounts, got "
                    + batch.size() + "; split it into several requests");
        }
        List<Map<String, Object>> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            results.add(scoreOne(batch.get(i), "accounts[" + i + "]"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", results.size());
        out.put("results", results);
        ctx.json(out);
    }

    private Map<String, Object> scoreOne(JsonNode account, String where) {
        String prefix = where == null ? "" : where + ": ";
        if (!account.isObject()) {
            throw ApiException.badRequest(prefix + "an account must be a JSON object of column values");
        }
        Map<String, Object> row = new HashMap<>();
        for (Map.Entry<String, JsonNode> f : account.properties()) {
            row.put(f.getKey(), value(f.getValue(), prefix + f.getKey()));
        }
        AccountScore s;
        try {
            s = scoring.score(row::get);
        } catch (InputException e) {
            throw ApiException.badRequest(prefix + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account_id", JsonValues.of(row.get("account_id")));
        List<Map<String, Object>> scores = new ArrayList<>(s.scores().size());
        for (ModelScore ms : s.scores()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", ms.model());
            m.put("score", ms.score());
            m.put("tier", ms.tier());
            m.put("probability", JsonValues.number(ms.probability()));
            Map<String, Object> reasons = new LinkedHashMap<>();
            reasons.put("gained", reasons(ms.gained()));
            reasons.put("lost", reasons(ms.lost()));
            m.put("reasons", reasons);
            m.put("missing", ms.missing());
            scores.add(m);
        }
        out.put("scores", scores);
        out.put("expected_value", JsonValues.number(s.expectedValue()));
        return out;
    }

    private static List<Map<String, Object>> reasons(List<Reason> reasons) {
        List<Map<String, Object>> out = new ArrayList<>(reasons.size());
        for (Reason r : reasons) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("criterion", r.criterion());
            m.put("bin", r.bin());
            m.put("points", r.points());
            m.put("delta", JsonValues.number(r.delta()));
            out.add(m);
        }
        return out;
    }

    /** A JSON value as the row value the scorers read: text, number, boolean, null, or a list of those. */
    private static Object value(JsonNode v, String where) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>(v.size());
            for (JsonNode e : v) {
                if (e.isContainerNode()) {
                    throw ApiException.badRequest(where + ": a list may hold only strings, numbers and booleans");
                }
                list.add(value(e, where));
            }
            return list;
        }
        throw ApiException.badRequest(where + ": expected a string, number, boolean, null or list, got an object");
    }
}
