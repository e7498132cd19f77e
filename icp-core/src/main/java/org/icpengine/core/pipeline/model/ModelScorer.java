package org.icpengine.core.pipeline.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.expr.Columns;
import org.icpengine.core.expr.Expr;
import org.icpengine.core.expr.RowPredicate;
import org.icpengine.core.expr.ValueType;
import org.icpengine.core.metrics.MetricCatalog;
import org.icpengine.stats.binning.Bin;
import org.icpengine.stats.regression.LogisticModel;
import org.icpengine.stats.scorecard.Criterion;
import org.icpengine.stats.scorecard.ScorecardScorer;
import org.icpengine.stats.scorecard.Tier;

/**
 * Scores one account row by one model: the common code path of learned and hand-written scorecards
 * (points per criterion, total, tier by cut-off, reasons against the criteria's mean points, missing inputs).
 * Immutable and thread-safe.
 */
abstract class ModelScorer {

    static final int TOP_REASONS = 3;

    final ModelFile model;
    private final List<Tier> tiers;

    ModelScorer(ModelFile model) {
        this.model = model;
        this.tiers = model.tiers();
    }

    static ModelScorer of(ModelFile model, WorkspaceConfig config) {
        return model.learned() ? new Learned(model) : new Hand(model, vocabulary(config));
    }

    /** The scoring of one row. */
    abstract ModelScore score(Function<String, ?> row);

    /** The score alone, with no explanation. */
    abstract int points(Function<String, ?> row);

    String tier(int score) {
        return tiers.get(Tiers.index(tiers, score)).name();
    }

    ModelScore explained(int score, double probability, List<Reason> all, Set<String> missing) {
        List<Reason> gained = new ArrayList<>();
        List<Reason> lost = new ArrayList<>();
        for (Reason r : all) {
            if (r.delta() > 0) {
                gained.add(r);
            } else if (r.delta() < 0) {
                lost.add(r);
            }
        }
        // stable sorts: equal deltas keep criterion order
        gained.sort(Comparator.comparingDouble(Reason::delta).reversed());
        lost.sort(Comparator.comparingDouble(Reason::delta));
        return new ModelScore(model.name(), score, tier(score), probability,
                gained.subList(0, Math.min(TOP_REASONS, gained.size())),
                lost.subList(0, Math.min(TOP_REASONS, lost.size())), new ArrayList<>(missing));
    }

    /** The expression vocabulary of a workspace: every account column and metric with its expression type. */
    static Columns vocabulary(WorkspaceConfig config) {
        Map<String, ValueType> types = new LinkedHashMap<>();
        MetricCatalog.accountColumns(config).forEach((name, type) -> types.put(name, switch (type) {
            case ID, TEXT, ENUM -> ValueType.TEXT;
            case INT, NUMBER, MONEY -> ValueType.NUMBER;
            case BOOL -> ValueType.BOOLEAN;
            case DATE -> ValueType.DATE;
            case TS -> ValueType.TIMESTAMP;
            case LIST -> ValueType.LIST;
        }));
        return Columns.of(types);
    }

    /** A learned scorecard, through the compiled icp-stats scorer. */
    static final class Learned extends ModelScorer {
        private final List<FeatureSpec> specs;
        private final ScorecardScorer scorer;
        private final LogisticModel logistic;
        private final double[][] woe;
        private final String[][] labels;
        private final double[] meanPoints;

        Learned(ModelFile model) {
            super(model);
            this.specs = model.features();
            this.scorer = model.scorecard().scorer();
            this.logistic = model.scorecard().model();
            List<Criterion> criteria = model.scorecard().criteria();
            int k = criteria.size();
            this.woe = new double[k][];
            this.labels = new String[k][];
            this.meanPoints = new double[k];
            for (int c = 0; c < k; c++) {
                List<Bin> bins = criteria.get(c).binning().bins();
                woe[c] = new double[bins.size()];
                labels[c] = new String[bins.size()];
                for (int b = 0; b < bins.size(); b++) {
                    woe[c][b] = bins.get(b).woe();
                    labels[c][b] = bins.get(b).label();
                }
                meanPoints[c] = criteria.get(c).meanPoints();
            }
        }

        ScorecardScorer scorer() {
            return scorer;
        }

        List<FeatureSpec> specs() {
            return specs;
        }

        private int[] bins(Function<String, ?> row) {
            int[] bins = new int[specs.size()];
            for (int c = 0; c < bins.length; c++) {
                FeatureSpec s = specs.get(c);
                Object v = row.apply(s.column());
                bins[c] = s.isNumeric() ? scorer.numericBin(c, s.numeric(v)) : scorer.categoricalBin(c, s.categorical(v));
            }
            return bins;
        }

        @Override
        int points(Function<String, ?> row) {
            int[] bins = bins(row);
            int score = 0;
            for (int c = 0; c < bins.length; c++) {
                score += scorer.points(c, bins[c]);
            }
            return score;
        }

        @Override
        ModelScore score(Function<String, ?> row) {
            int[] bins = bins(row);
            int score = 0;
            double eta = logistic.intercept();
            double[] beta = logistic.coefficients();
            List<Reason> all = new ArrayList<>(bins.length);
            Set<String> missing = new LinkedHashSet<>();
            for (int c = 0; c < bins.length; c++) {
                int pts = scorer.points(c, bins[c]);
                score += pts;
                eta += beta[c] * woe[c][bins[c]];
                if (bins[c] == woe[c].length - 1) {
                    missing.add(specs.get(c).column());
                }
                all.add(new Reason(specs.get(c).name(), labels[c][bins[c]], pts, pts - meanPoints[c]));
            }
            return explained(score, LogisticModel.sigmoid(eta), all, missing);
        }
    }

    /** A hand-written scorecard: the first band whose condition holds, in Java with SQL null semantics. */
    static final class Hand extends ModelScorer {
        private final List<HandScorecard.Criterion> criteria;
        private final RowPredicate[][] when;
        private final List<List<String>> columns;

        Hand(ModelFile model, Columns vocabulary) {
            super(model);
            this.criteria = model.handWritten().criteria();
            this.when = new RowPredicate[criteria.size()][];
            this.columns = new ArrayList<>();
            for (int c = 0; c < criteria.size(); c++) {
                List<HandScorecard.Band> bands = criteria.get(c).bands();
                when[c] = new RowPredicate[bands.size()];
                Set<String> read = new LinkedHashSet<>();
                for (int b = 0; b < bands.size(); b++) {
                    if (bands.get(b).when() != null) {
                        Expr e = Expr.parse(bands.get(b).when(), vocabulary);
                        when[c][b] = e.toPredicate();
                        read.addAll(e.columns());
                    }
                }
                columns.add(List.copyOf(read));
            }
        }

        /** Index of the band criterion {@code c} gives {@code row}, or -1 when none applies. */
        int band(int c, Function<String, ?> row) {
            RowPredicate[] w = when[c];
            for (int b = 0; b < w.length; b++) {
                if (w[b] == null || w[b].test(row)) {
                    return b;
                }
            }
            return -1;
        }

        int pointsOf(int c, int band) {
            return band < 0 ? 0 : criteria.get(c).bands().get(band).points();
        }

        @Override
        int points(Function<String, ?> row) {
            int score = 0;
            for (int c = 0; c < criteria.size(); c++) {
                score += pointsOf(c, band(c, row));
            }
            return score;
        }

        @Override
        ModelScore score(Function<String, ?> row) {
            int score = 0;
            List<Reason> all = new ArrayList<>();
            Set<String> missing = new LinkedHashSet<>();
            for (int c = 0; c < criteria.size(); c++) {
                int b = band(c, row);
                int pts = pointsOf(c, b);
                score += pts;
                HandScorecard.Criterion crit = criteria.get(c);
                all.add(new Reason(crit.name(), b < 0 ? "no band" : crit.bands().get(b).label(), pts,
                        pts - crit.meanPoints()));
                for (String col : columns.get(c)) {
                    if (row.apply(col) == null) {
                        missing.add(col);
                    }
                }
            }
            return explained(score, Double.NaN, all, missing);
        }
    }
}
