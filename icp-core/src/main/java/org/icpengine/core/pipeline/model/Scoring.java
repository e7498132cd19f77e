package org.icpengine.core.pipeline.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.errors.InputException;
import org.icpengine.stats.scorecard.ScorecardScorer;

/**
 * Scores account rows with a set of models, learned and hand-written alike: per model the score, tier,
 * probability, top three reasons gained and lost and the missing inputs, and per account the expected value.
 * Immutable and thread-safe once built.
 *
 * <p>A row is a lookup from a column name of {@code account_metrics} (or an attribute of the models) to its
 * value as {@link ResultTable} gives it; an absent column reads as null, that is missing.
 *
 * <p><b>Expected value</b> of an account = P(win) × expected LTV given its fit: P(win) is the {@code conversion}
 * model's probability that a new-business deal with the account is won, and the expected LTV is the mean LTV of
 * the {@code fit} model's training customers in the account's fit tier ({@link ModelFile#ltvByTier}). It is
 * {@code NaN} when either model is absent from the scoring or the tier has no LTV.
 */
public final class Scoring {

    private final List<ModelFile> models;
    private final List<ModelScorer> scorers;
    private final int fit;
    private final int conversion;

    private Scoring(List<ModelFile> models, WorkspaceConfig config) {
        this.models = List.copyOf(models);
        this.scorers = new ArrayList<>();
        int f = -1;
        int c = -1;
        for (int i = 0; i < this.models.size(); i++) {
            ModelFile m = this.models.get(i);
            scorers.add(ModelScorer.of(m, config));
            if (m.learned() && m.name().equals(Models.FIT)) {
                f = i;
            } else if (m.learned() && m.name().equals(Models.CONVERSION)) {
                c = i;
            }
        }
        this.fit = f;
        this.conversion = c;
    }

    /**
     * A scoring with these models, in this order.
     *
     * @param config the workspace, whose column vocabulary hand-written conditions are read with
     * @throws InputException if two models have the same name or none is given
     */
    public static Scoring of(List<ModelFile> models, WorkspaceConfig config) {
        Objects.requireNonNull(config, "config");
        if (models.isEmpty()) {
            throw new InputException("no model to score with; run 'icp fit' first");
        }
        if (models.stream().map(ModelFile::name).distinct().count() != models.size()) {
            throw new InputException("two models have the same name: " + models.stream().map(ModelFile::name).toList());
        }
        return new Scoring(models, config);
    }

    /** The models, in order. */
    public List<ModelFile> models() {
        return models;
    }

    /** Every model's score of one row, and the row's expected value. */
    public AccountScore score(Function<String, ?> row) {
        List<ModelScore> out = new ArrayList<>(scorers.size());
        for (ModelScorer s : scorers) {
            out.add(s.score(row));
        }
        return new AccountScore(out, expectedValue(out));
    }

    /**
     * The scores alone of every row of {@code rows} by model {@code name}, column by column through the
     * compiled scorer for learned models: the fast path for many accounts.
     *
     * @throws InputException if no model has that name
     */
    public int[] scores(String name, ResultTable rows) {
        ModelScorer s = scorers.get(indexOf(name));
        int n = rows.size();
        if (s instanceof ModelScorer.Learned learned) {
            List<FeatureSpec> specs = learned.specs();
            int k = specs.size();
            double[][] numeric = new double[k][];
            String[][] categorical = new String[k][];
            for (int c = 0; c < k; c++) {
                FeatureSpec spec = specs.get(c);
                int col = rows.columns().indexOf(spec.column());
                if (spec.isNumeric()) {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = col < 0 ? Double.NaN : spec.numeric(rows.rows().get(i)[col]);
                    }
                    numeric[c] = v;
                } else {
                    String[] v = new String[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = col < 0 ? null : spec.categorical(rows.rows().get(i)[col]);
                    }
                    categorical[c] = v;
                }
            }
            ScorecardScorer scorer = learned.scorer();
            return scorer.score(numeric, categorical, n);
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.points(Features.row(rows, i));
        }
        return out;
    }

    /** The compiled icp-stats scorer of learned model {@code name} (for benchmarks and bulk column scoring). */
    public ScorecardScorer compiled(String name) {
        if (scorers.get(indexOf(name)) instanceof ModelScorer.Learned learned) {
            return learned.scorer();
        }
        throw new InputException("model '" + name + "' is hand-written; it has no compiled scorer");
    }

    private int indexOf(String name) {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new InputException("no model '" + name + "'; models: " + models.stream().map(ModelFile::name).toList());
    }

    private double expectedValue(List<ModelScore> scores) {
        if (fit < 0 || conversion < 0) {
            return Double.NaN;
        }
        Double ltv = models.get(fit).ltvByTier().get(scores.get(fit).tier());
        double pWin = scores.get(conversion).probability();
        return ltv == null ? Double.NaN : pWin * ltv;
    }
}
