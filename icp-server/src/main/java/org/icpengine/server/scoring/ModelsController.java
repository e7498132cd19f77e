package org.icpengine.server.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.ScoringTable;
import org.icpengine.server.internal.ApiException;
import org.icpengine.server.internal.JsonValues;
import org.icpengine.stats.scorecard.Tier;

import io.javalin.http.Context;

/**
 * {@code GET /api/v1/models} lists the models of {@code out/models/} (loaded when the server started);
 * {@code GET /api/v1/models/{name}} answers one with its scoring table (criterion, bin, points, accounts, rate) and
 * tiers.
 */
public final class ModelsController {

    private final List<ModelFile> models;

    /** A controller over these models. */
    public ModelsController(List<ModelFile> models) {
        this.models = List.copyOf(models);
    }

    /** Handles {@code GET /api/v1/models}. */
    public void list(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ModelFile m : models) {
            out.add(summary(m));
        }
        ctx.json(Map.of("models", out));
    }

    /** Handles {@code GET /api/v1/models/{name}}. */
    public void one(Context ctx) {
        String name = ctx.pathParam("name");
        ModelFile m = models.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
                ApiException.notFound("no model named '" + name + "'; models: "
                        + String.join(", ", models.stream().map(ModelFile::name).toList())));
        Map<String, Object> out = summary(m);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScoringTable.Row r : ScoringTable.rows(m)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("criterion", r.criterion());
            row.put("bin", r.bin());
            row.put("points", r.points());
            row.put("accounts", r.accounts());
            row.put("rate", JsonValues.number(r.rate()));
            rows.add(row);
        }
        out.put("scoring_table", rows);
        ctx.json(out);
    }

    private static Map<String, Object> summary(ModelFile m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", m.name());
        out.put("id", m.id());
        out.put("kind", m.kind());
        out.put("created_at", m.createdAt());
        out.put("label", m.settings() == null ? null : m.settings().label());
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (Tier t : m.tiers()) {
            Map<String, Object> tier = new LinkedHashMap<>();
            tier.put("name", t.name());
            tier.put("min_score", t.minScore());
            tier.put("target_share", JsonValues.number(t.targetShare()));
            tier.put("training_share", JsonValues.number(t.trainingShare()));
            tiers.add(tier);
        }
        out.put("tiers", tiers);
        return out;
    }
}
