package org.icpengine.core.pipeline.exports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.pipeline.model.AccountScore;
import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.ModelScore;
import org.icpengine.core.pipeline.model.Models;
import org.icpengine.core.pipeline.model.Scoring;
import org.icpengine.errors.InputException;
import org.icpengine.stats.scorecard.Tier;

/**
 * The account metrics of one date, each account scored once by the models the exports use:
 * <ul>
 *   <li>the <b>score model</b>, whose score and tier the files show: the learned {@code fit} model, else the first
 *       hand-written scorecard (with a note), else none;</li>
 *   <li>{@code conversion} for P(win), and with {@code fit} the expected value ({@link Scoring});</li>
 *   <li>{@code health} for P(retained) on the watchlist.</li>
 * </ul>
 */
final class ScoredAccounts {

    final ResultTable rows;
    private final Map<String, Integer> index = new HashMap<>();
    /** The score model, or null. */
    final ModelFile scoreModel;
    final boolean hasConversion;
    final boolean hasHealth;
    /** Per account: all scores, or null when no model scores. */
    private final AccountScore[] scores;
    private final int scorePos;
    private final int conversionPos;
    private final int healthPos;

    private ScoredAccounts(ResultTable rows, List<ModelFile> used, ModelFile scoreModel, Scoring scoring) {
        this.rows = rows;
        for (int c = 0; c < rows.columns().size(); c++) {
            index.put(rows.columns().get(c), c);
        }
        this.scoreModel = scoreModel;
        this.scorePos = scoreModel == null ? -1 : used.indexOf(scoreModel);
        this.conversionPos = position(used, Models.CONVERSION);
        this.healthPos = position(used, Models.HEALTH);
        this.hasConversion = conversionPos >= 0;
        this.hasHealth = healthPos >= 0;
        this.scores = new AccountScore[rows.size()];
        if (scoring != null) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] = scoring.score(row(i));
            }
        }
    }

    /** Scores {@code rows} with the models the exports use, adding a note for each one that is missing. */
    static ScoredAccounts of(ResultTable rows, List<ModelFile> models, WorkspaceConfig config, List<String> notes) {
        Optional<ModelFile> fit = learned(models, Models.FIT);
        ModelFile scoreModel = fit.orElse(null);
        if (scoreModel == null) {
            scoreModel = models.stream().filter(m -> !m.learned()).findFirst().orElse(null);
            notes.add(scoreModel == null
                    ? "no fit model and no hand-written scorecard: scores and tiers are empty and the watchlist covers "
                            + "every active customer; run 'icp fit'"
                    : "no learned fit model (see 'icp fit' for why): scores and tiers come from the hand-written "
                            + "scorecard '" + scoreModel.name() + "'");
        }
        List<ModelFile> used = new ArrayList<>();
        if (scoreModel != null) {
            used.add(scoreModel);
        }
        learned(models, Models.CONVERSION).ifPresentOrElse(used::add,
                () -> notes.add("no conversion model: P(win) and expected value are empty; it needs closed "
                        + "new_business opportunities (run 'icp fit')"));
        learned(models, Models.HEALTH).ifPresent(used::add);
        if (fit.isPresent() && fit.get().ltvByTier().isEmpty()) {
            notes.add("the fit model has no LTV per tier, so expected values are empty");
        }
        Scoring scoring = null;
        if (!used.isEmpty()) {
            try {
                scoring = Scoring.of(used, config);
            } catch (InputException e) {
                notes.add("the models in out/models/ cannot score with this icp.yaml (" + e.getMessage()
                        + "); run 'icp fit' again");
                return new ScoredAccounts(rows, List.of(), null, null);
            }
        }
        return new ScoredAccounts(rows, used, scoreModel, scoring);
    }

    private static Optional<ModelFile> learned(List<ModelFile> models, String name) {
        return models.stream().filter(m -> m.learned() && m.name().equals(name)).findFirst();
    }

    private static int position(List<ModelFile> used, String name) {
        for (int i = 0; i < used.size(); i++) {
            if (used.get(i).learned() && used.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    int size() {
        return rows.size();
    }

    /** Whether the table has a column. */
    boolean has(String column) {
        return index.containsKey(column);
    }

    /** Row {@code i}'s value of a column; null when the column is absent. */
    Object value(int i, String column) {
        Integer c = index.get(column);
        return c == null ? null : rows.rows().get(i)[c];
    }

    /** A numeric value, NaN for null or absent. */
    double number(int i, String column) {
        return value(i, column) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    String id(int i) {
        return (String) value(i, "account_id");
    }

    boolean customer(int i) {
        return Boolean.TRUE.equals(value(i, "is_customer"));
    }

    boolean active(int i) {
        return Boolean.TRUE.equals(value(i, "is_active"));
    }

    /** Row {@code i} as a column lookup for scoring. */
    Function<String, Object> row(int i) {
        Object[] r = rows.rows().get(i);
        return name -> {
            Integer c = index.get(name);
            return c == null ? null : r[c];
        };
    }

    /** The score model's names of tiers, best first; empty without one. */
    List<String> tierNames() {
        return scoreModel == null ? List.of() : scoreModel.tiers().stream().map(Tier::name).toList();
    }

    /** The score model's score of account {@code i}, or null. */
    ModelScore scored(int i) {
        return scorePos < 0 || scores[i] == null ? null : scores[i].scores().get(scorePos);
    }

    /** Account {@code i}'s tier by the score model, or null. */
    String tier(int i) {
        ModelScore s = scored(i);
        return s == null ? null : s.tier();
    }

    /** P(win) of account {@code i}, NaN without a conversion model. */
    double pWin(int i) {
        return conversionPos < 0 || scores[i] == null ? Double.NaN : scores[i].scores().get(conversionPos).probability();
    }

    /** The health model's score of account {@code i}, or null. */
    ModelScore health(int i) {
        return healthPos < 0 || scores[i] == null ? null : scores[i].scores().get(healthPos);
    }

    /** Expected value of account {@code i} (P(win) × expected LTV of its fit tier), NaN when unknown. */
    double expectedValue(int i) {
        return scores[i] == null ? Double.NaN : scores[i].expectedValue();
    }
}
