package org.icpengine.stats.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.binning.Bin;
import org.icpengine.stats.binning.ReferenceCsv;
import org.icpengine.stats.regression.LogisticModel;
import org.icpengine.stats.regression.LogisticTrainer;
import org.junit.jupiter.api.Test;

class ScorecardTrainerTest {

    private static final ReferenceCsv DATA = ReferenceCsv.breastCancer();
    private static final int[] LABELS = DATA.labels("target");

    /** Three numeric features, one with fixed splits, and a categorical one derived from mean area. */
    private static List<Feature> features() {
        double[] area = DATA.column("mean area");
        String[] sizeClass = new String[area.length];
        for (int i = 0; i < area.length; i++) {
            sizeClass[i] = i % 50 == 0 ? null : area[i] < 500 ? "small" : area[i] < 800 ? "medium" : "large";
        }
        double[] texture = DATA.column("mean texture");
        texture[3] = Double.NaN;
        return List.of(
                Feature.numeric("mean radius", DATA.column("mean radius"), 11.425, 12.33, 13.095, 13.705, 15.045, 16.925),
                Feature.numeric("mean texture", texture),
                Feature.numeric("mean smoothness", DATA.column("mean smoothness")),
                Feature.categorical("size class", sizeClass));
    }

    private static double[][] numericColumns(List<Feature> features) {
        double[][] cols = new double[features.size()][];
        for (int c = 0; c < features.size(); c++) {
            if (features.get(c) instanceof Feature.Numeric num) {
                cols[c] = num.values();
            }
        }
        return cols;
    }

    private static String[][] categoricalColumns(List<Feature> features) {
        String[][] cols = new String[features.size()][];
        for (int c = 0; c < features.size(); c++) {
            if (features.get(c) instanceof Feature.Categorical cat) {
                cols[c] = cat.values();
            }
        }
        return cols;
    }

    @Test
    void scalingReproducesSiddiqisWorkedExample() {
        // Siddiqi (2006), ch. 10: 600 points at 50:1, 20 points to double the odds
        Scaling s = new Scaling(20, 600, 50);

        assertThat(s.factor()).isCloseTo(28.8539, within(1e-4));
        assertThat(s.offset()).isCloseTo(487.123, within(1e-3));
        assertThat(s.score(Math.log(50))).isCloseTo(600, within(1e-9));
        assertThat(s.score(Math.log(100))).isCloseTo(620, within(1e-9));
        assertThat(s.odds(640)).isCloseTo(200, within(1e-9));
    }

    @Test
    void pointsAreTheSiddiqiFormulaRoundedAndTheScoreTracksTheModelLogOdds() {
        List<Feature> features = features();
        Scorecard sc = ScorecardTrainer.defaults().fit(features, LABELS);
        LogisticModel m = sc.model();
        int k = sc.criteria().size();
        double factor = sc.scaling().factor();
        double offset = sc.scaling().offset();

        for (Criterion c : sc.criteria()) {
            for (int b = 0; b < c.binning().size(); b++) {
                double woe = c.binning().bins().get(b).woe();
                double raw = (c.coefficient() * woe + m.intercept() / k) * factor + offset / k;
                assertThat(c.pointsOf(b)).isEqualTo((int) Math.round(raw));
            }
        }
        // score = offset + factor * log-odds of label 1, up to rounding (at most 0.5 per criterion)
        ScorecardScorer scorer = sc.scorer();
        double[][] num = numericColumns(features);
        String[][] cat = categoricalColumns(features);
        int[] scores = scorer.score(num, cat, LABELS.length);
        for (int i = 0; i < LABELS.length; i++) {
            double[] woe = new double[k];
            for (int c = 0; c < k; c++) {
                Criterion crit = sc.criteria().get(c);
                woe[c] = crit.binning().type() == org.icpengine.stats.binning.VariableType.NUMERIC
                        ? crit.binning().woe(num[c][i]) : crit.binning().woe(cat[c][i]);
            }
            assertThat((double) scores[i]).isCloseTo(offset + factor * m.linearPredictor(woe), within(0.5 * k));
        }
        assertThat(auc(scores, LABELS)).isGreaterThan(0.97);
    }

    @Test
    void regressionOnWoeGivesNegativeCoefficientsAndHigherPointsForTheGoodLabel() {
        Scorecard sc = ScorecardTrainer.defaults().fit(features(), LABELS);
        Criterion radius = sc.criterion("mean radius");

        // WoE = ln(%non-event / %event): benign (label 1) bins have negative WoE, so beta < 0
        assertThat(radius.coefficient()).isNegative();
        // small radius is mostly benign, the good outcome here: it earns more points than large radius
        assertThat(radius.pointsOf(0)).isGreaterThan(radius.pointsOf(6));
    }

    @Test
    void goodLabelZeroIsTheCreditRiskFormulaAndReversesTheRanking() {
        List<Feature> features = features();
        Scorecard good1 = ScorecardTrainer.defaults().fit(features, LABELS);
        Scorecard good0 = ScorecardTrainer.defaults().withGoodLabel(0).fit(features, LABELS);
        int k = good1.criteria().size();
        double offset = good1.scaling().offset();
        double alpha = good0.model().intercept();
        double factor = good0.scaling().factor();

        for (int c = 0; c < k; c++) {
            Criterion a = good1.criteria().get(c);
            Criterion b = good0.criteria().get(c);
            for (int bin = 0; bin < a.binning().size(); bin++) {
                double woe = b.binning().bins().get(bin).woe();
                // points_ij = -(woe_ij * beta_j + alpha / k) * factor + offset / k
                assertThat(b.pointsOf(bin))
                        .isEqualTo((int) Math.round(-(woe * b.coefficient() + alpha / k) * factor + offset / k));
                assertThat(a.pointsOf(bin) + b.pointsOf(bin)).isBetween(
                        (int) Math.floor(2 * offset / k) - 1, (int) Math.ceil(2 * offset / k) + 1);
            }
        }
        int[] s1 = good1.scorer().score(numericColumns(features), categoricalColumns(features), LABELS.length);
        int[] s0 = good0.scorer().score(numericColumns(features), categoricalColumns(features), LABELS.length);
        assertThat(auc(s1, LABELS)).isCloseTo(1 - auc(s0, LABELS), within(0.01));
    }

    @Test
    void tiersHoldTheirSharesOfTheTrainingPopulationBestFirst() {
        Scorecard sc = ScorecardTrainer.defaults().fit(features(), LABELS);
        ScorecardScorer scorer = sc.scorer();
        int[] scores = scorer.score(numericColumns(features()), categoricalColumns(features()), LABELS.length);

        assertThat(sc.tiers()).extracting(Tier::name).containsExactly("A", "B", "C", "D");
        int[] counts = new int[4];
        for (int s : scores) {
            counts[scorer.tierIndex(s)]++;
            assertThat(scorer.tier(s)).isEqualTo(sc.tier(s));
        }
        double total = 0;
        for (int t = 0; t < 4; t++) {
            assertThat(sc.tiers().get(t).trainingShare()).isCloseTo((double) counts[t] / scores.length, within(1e-12));
            total += sc.tiers().get(t).trainingShare();
        }
        assertThat(total).isCloseTo(1, within(1e-12));
        // A holds at least its 10% (ties at the cut-off join it) and the cut-offs fall
        assertThat(counts[0]).isGreaterThanOrEqualTo((int) Math.ceil(0.10 * scores.length));
        assertThat(sc.tiers().get(0).minScore()).isGreaterThan(sc.tiers().get(1).minScore());
        assertThat(sc.tiers().get(3).minScore()).isEqualTo(Integer.MIN_VALUE);
        assertThat(sc.tier(Integer.MIN_VALUE)).isEqualTo("D");
    }

    @Test
    void tiedScoresAtACutOffAllGoToTheBetterTier() {
        int[] scores = new int[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = 100 - i;              // 100, 99, ..., 1
        }
        for (int i = 5; i < 15; i++) {
            scores[i] = 90;                   // ten accounts tied across the A cut-off (top 10)
        }
        List<Tier> tiers = ScorecardTrainer.defaults().tiers(scores);

        assertThat(tiers.get(0).minScore()).isEqualTo(90);
        assertThat(tiers.get(0).trainingShare()).isCloseTo(0.15, within(1e-12));
        // B: top 35% reach down to the 35th score, 66
        assertThat(tiers.get(1).minScore()).isEqualTo(66);
        assertThat(tiers.get(1).trainingShare()).isCloseTo(0.20, within(1e-12));
        assertThat(tiers.get(2).minScore()).isEqualTo(31);
        assertThat(tiers.get(3).trainingShare()).isCloseTo(0.30, within(1e-12));
    }

    @Test
    void aTierSwallowedByTiesIsEmpty() {
        int[] scores = new int[20];
        Arrays.fill(scores, 7);
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("top", 0.5);
        shares.put("rest", 0.5);
        List<Tier> tiers = ScorecardTrainer.defaults().withTiers(shares).tiers(scores);

        assertThat(tiers.get(0).minScore()).isEqualTo(7);
        assertThat(tiers.get(0).trainingShare()).isEqualTo(1.0);
        assertThat(tiers.get(1).trainingShare()).isZero();
    }

    @Test
    void scorerGivesTheSameScoresRowByRowAndByColumnAndHandlesMissingAndUnseenValues() {
        List<Feature> features = features();
        Scorecard sc = ScorecardTrainer.defaults().fit(features, LABELS);
        ScorecardScorer scorer = sc.scorer();
        double[][] num = numericColumns(features);
        String[][] cat = categoricalColumns(features);
        int[] batch = scorer.score(num, cat, LABELS.length);

        for (int i = 0; i < LABELS.length; i++) {
            double[] row = {num[0][i], num[1][i], num[2][i], 0};
            String[] crow = {null, null, null, cat[3][i]};
            assertThat(scorer.score(row, crow)).isEqualTo(batch[i]);
        }
        Criterion size = sc.criterion("size class");
        int missingPoints = size.pointsOf(size.binning().missingIndex());
        int otherPoints = size.pointsOf(size.binning().size() - 2);
        double[] row = {12, 20, 0.1, 0};
        int base = scorer.score(row, new String[] {null, null, null, null}) - missingPoints;
        assertThat(scorer.score(row, new String[] {null, null, null, "never seen"})).isEqualTo(base + otherPoints);
        Criterion texture = sc.criterion("mean texture");
        int textureMissing = texture.pointsOf(texture.binning().missingIndex());
        assertThat(scorer.score(new double[] {12, Double.NaN, 0.1, 0}, new String[] {null, null, null, null}))
                .isEqualTo(base + missingPoints - texture.pointsOf(texture.binning().binIndex(20.0)) + textureMissing);
    }

    @Test
    void explanationDeltasAddUpToTheScoreMinusTheMeanScoreAndRankTheReasons() {
        List<Feature> features = features();
        Scorecard sc = ScorecardTrainer.defaults().fit(features, LABELS);
        ScorecardScorer scorer = sc.scorer();
        double meanScore = sc.criteria().stream().mapToDouble(Criterion::meanPoints).sum();

        Explanation e = scorer.explain(new double[] {25, Double.NaN, 0.08, 0}, new String[] {null, null, null, "small"}, 2);

        assertThat(e.score()).isEqualTo(scorer.score(new double[] {25, Double.NaN, 0.08, 0},
                new String[] {null, null, null, "small"}));
        assertThat(e.tier()).isEqualTo(sc.tier(e.score()));
        assertThat(e.contributions()).extracting(Contribution::criterion)
                .containsExactly("mean radius", "mean texture", "mean smoothness", "size class");
        double sum = e.contributions().stream().mapToDouble(Contribution::delta).sum();
        assertThat(sum).isCloseTo(e.score() - meanScore, within(1e-9));
        assertThat(e.contributions().get(0).bin()).isEqualTo("[16.925, inf)");
        assertThat(e.missing()).containsExactly("mean texture");
        assertThat(e.gained().size() + e.lost().size()).isLessThanOrEqualTo(4);
        assertThat(e.lost()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        assertThat(e.lost().get(0).criterion()).isEqualTo("mean radius");
        for (int i = 1; i < e.lost().size(); i++) {
            assertThat(e.lost().get(i).delta()).isGreaterThanOrEqualTo(e.lost().get(i - 1).delta());
        }
        for (Contribution c : e.gained()) {
            assertThat(c.delta()).isPositive();
        }
    }

    @Test
    void meanPointsAreTheTrainingPopulationAverage() {
        Scorecard sc = ScorecardTrainer.defaults().fit(features(), LABELS);
        for (Criterion c : sc.criteria()) {
            double sum = 0;
            long n = 0;
            for (int b = 0; b < c.binning().size(); b++) {
                Bin bin = c.binning().bins().get(b);
                sum += bin.count() * (double) c.pointsOf(b);
                n += bin.count();
            }
            assertThat(c.meanPoints()).isCloseTo(sum / n, within(1e-9));
        }
    }

    @Test
    void scorecardSurvivesAJsonRoundTripAndScoresBitIdentically() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Feature> features = features();
        Scorecard sc = ScorecardTrainer.defaults().fit(features, LABELS);

        Scorecard back = json.readValue(json.writeValueAsString(sc), Scorecard.class);

        assertThat(back).isEqualTo(sc);
        assertThat(back.scorer().score(numericColumns(features), categoricalColumns(features), LABELS.length))
                .containsExactly(sc.scorer().score(numericColumns(features), categoricalColumns(features), LABELS.length));
    }

    @Test
    void aSeparatingFeatureFitsWithTheDefaultPenaltyButNotUnpenalized() {
        double[] x = new double[200];
        int[] y = new int[200];
        for (int i = 0; i < 200; i++) {
            x[i] = i;
            y[i] = i < 100 ? 1 : 0;
        }
        List<Feature> features = List.of(Feature.numeric("x", x, 100));

        Scorecard sc = ScorecardTrainer.defaults().fit(features, y);
        assertThat(sc.criterion("x").pointsOf(0)).isGreaterThan(sc.criterion("x").pointsOf(1));
        assertThatThrownBy(() -> ScorecardTrainer.defaults().withLogisticTrainer(LogisticTrainer.unpenalized())
                .fit(features, y)).isInstanceOf(InsufficientDataException.class).hasMessageContaining("separate");
    }

    @Test
    void rejectsBadInputWithAMessage() {
        double[] x = {1, 2, 3, 4};
        int[] y = {0, 1, 0, 1};
        ScorecardTrainer t = ScorecardTrainer.defaults();

        assertThatThrownBy(() -> t.fit(List.of(Feature.numeric("a", x), Feature.numeric("a", x)), y))
                .isInstanceOf(InputException.class).hasMessageContaining("'a' appears more than once");
        assertThatThrownBy(() -> t.fit(List.of(Feature.numeric("a", new double[] {1, 2})), y))
                .isInstanceOf(InputException.class).hasMessageContaining("'a' has 2 values for 4 labels");
        assertThatThrownBy(() -> t.fit(List.of(Feature.numeric("a", x)), new int[] {1, 1, 1, 1}))
                .isInstanceOf(InsufficientDataException.class);
        assertThatThrownBy(() -> t.fit(List.of(), y))
                .isInstanceOf(InputException.class).hasMessageContaining("at least one feature");
        Map<String, Double> bad = new LinkedHashMap<>();
        bad.put("A", 0.5);
        bad.put("B", 0.6);
        assertThatThrownBy(() -> t.withTiers(bad)).isInstanceOf(InputException.class).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> t.withGoodLabel(2)).isInstanceOf(InputException.class).hasMessageContaining("goodLabel");
        assertThat(x).containsExactly(1, 2, 3, 4);
    }

    @Test
    void scorerRejectsMissingColumns() {
        List<Feature> features = features();
        ScorecardScorer scorer = ScorecardTrainer.defaults().fit(features, LABELS).scorer();

        assertThatThrownBy(() -> scorer.score(numericColumns(features), null, LABELS.length))
                .isInstanceOf(InputException.class).hasMessageContaining("'size class'")
                .hasMessageContaining("categorical column");
        assertThatThrownBy(() -> scorer.score(new double[] {1, 2}, new String[4]))
                .isInstanceOf(InputException.class).hasMessageContaining("'mean smoothness'");
    }

    /** Rank-based AUC with mid-ranks for ties. */
    static double auc(int[] score, int[] y) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(score[a], score[b]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && score[order[j]] == score[order[i]]) {
                j++;
            }
            double mid = (i + 1 + j) / 2.0;
            for (int r = i; r < j; r++) {
                if (y[order[r]] == 1) {
                    rankSum += mid;
                    pos++;
                }
            }
            i = j;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * (n - pos));
    }
}
