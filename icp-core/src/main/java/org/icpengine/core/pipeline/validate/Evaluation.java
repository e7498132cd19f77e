package org.icpengine.core.pipeline.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.icpengine.core.pipeline.model.Tiers;
import org.icpengine.stats.eval.Auc;
import org.icpengine.stats.eval.Calibration;
import org.icpengine.stats.eval.CalibrationBin;
import org.icpengine.stats.eval.Gains;
import org.icpengine.stats.eval.Interval;
import org.icpengine.stats.eval.Ks;
import org.icpengine.stats.eval.ProbabilityScores;
import org.icpengine.stats.eval.Psi;
import org.icpengine.stats.scorecard.Tier;

/**
 * The measures of one scorecard on its test split, and its verdict. Stateless.
 *
 * <p>Verdict rules, first match wins: the lower end of the DeLong 95% interval of the test AUC at or below 0.5 →
 * "does not beat chance"; PSI training against test above {@value #UNSTABLE_PSI} → "unstable"; training AUC more than
 * {@value #OVERFIT_GAP} above test AUC → "overfits"; test AUC below {@value #WEAK_AUC} → "weak"; else "holds up".
 * A current population whose PSI against training exceeds {@value #UNSTABLE_PSI} adds a warning.
 */
final class Evaluation {

    /** Level of every interval. */
    static final double LEVEL = 0.95;
    /** Bootstrap replicates of the AUC interval. */
    static final int REPLICATES = 1000;
    /** PSI above which scores are called unstable. */
    static final double UNSTABLE_PSI = 0.25;
    /** Training minus test AUC above which a model is called overfitted. */
    static final double OVERFIT_GAP = 0.10;
    /** Test AUC below which a model that beats chance is called weak. */
    static final double WEAK_AUC = 0.65;
    /** Score bins of the PSI. */
    static final int PSI_BINS = 10;

    private Evaluation() {
    }

    /** The score columns and the outcome columns of the case rows. */
    record Columns(int ltv, int nrr, int cac, int ltvCac, int won, int lost) {
        static Columns of(List<String> columns) {
            return new Columns(columns.indexOf("ltv"), columns.indexOf("nrr_12m"), columns.indexOf("cac"),
                    columns.indexOf("ltv_cac"), columns.indexOf("won_opportunities"), columns.indexOf("lost_opportunities"));
        }
    }

    /**
     * Measures a model.
     *
     * @param rateName      what the label-1 rate is called in the verdict ("ideal", "win", "retention")
     * @param probabilities test probabilities, or null for a hand-written scorecard
     * @param current       scores of the current population (may be empty)
     */
    static ValidationReport.ModelValidation of(String name, String kind, String label, String rateName,
                                               String population,
                                               ValidationReport.Split split, List<Case> train, int[] trainScores,
                                               List<Case> test, int[] testScores, double[] probabilities,
                                               List<Tier> tiers, int[] current, String currentPopulation,
                                               Columns columns, long seed, List<String> notes) {
        boolean[] yTrain = labels(train);
        boolean[] yTest = labels(test);
        double[] sTrain = doubles(trainScores);
        double[] sTest = doubles(testScores);
        Interval auc = Auc.deLongInterval(sTest, yTest, LEVEL);
        Interval boot = Auc.bootstrapInterval(sTest, yTest, LEVEL, REPLICATES, seed);
        double trainAuc = Auc.of(sTrain, yTrain);
        double ks = Ks.statistic(sTest, yTest);
        Double brier = null;
        Double logLoss = null;
        List<CalibrationBin> calibration = List.of();
        if (probabilities != null) {
            brier = ProbabilityScores.brier(probabilities, yTest);
            logLoss = ProbabilityScores.logLoss(probabilities, yTest);
            calibration = Calibration.quantileBins(probabilities, yTest, 10);
        }
        List<ValidationReport.TierOutcome> outcomes = tierOutcomes(tiers, test, testScores, columns);
        double psiTest = Psi.withQuantileBins(sTrain, sTest, PSI_BINS).psi();
        Double psiCurrent = current.length == 0 ? null : Psi.withQuantileBins(sTrain, doubles(current), PSI_BINS).psi();
        ValidationReport.Stability stability = new ValidationReport.Stability(psiTest, psiCurrent, current.length,
                currentPopulation);
        String verdict = verdict(rateName, auc, trainAuc, stability, outcomes);
        return new ValidationReport.ModelValidation(name, kind, label, population, split, trainAuc, auc, boot, ks, brier,
                logLoss, Gains.byDecile(sTest, yTest), calibration, outcomes, stability, verdict, notes);
    }

    /** Whether the test split has enough of each class for the DeLong interval, else why not. */
    static String untestableBecause(List<Case> test) {
        long ones = 0;
        for (Case c : test) {
            ones += c.label();
        }
        long zeros = test.size() - ones;
        if (ones < 2 || zeros < 2) {
            return "the test split (" + test.size() + " accounts, " + ones + " with label 1) needs at least two of each "
                    + "label; more history would enable it";
        }
        return null;
    }

    static List<ValidationReport.TierOutcome> tierOutcomes(List<Tier> tiers, List<Case> test, int[] scores,
                                                          Columns col) {
        int k = tiers.size();
        List<List<Case>> members = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < scores.length; i++) {
            members.get(Tiers.index(tiers, scores[i])).add(test.get(i));
        }
        List<ValidationReport.TierOutcome> out = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            Tier tier = tiers.get(t);
            List<Case> m = members.get(t);
            long ones = 0;
            long ideal = 0;
            long idealKnown = 0;
            double won = 0;
            double decided = 0;
            for (Case c : m) {
                ones += c.label();
                if (c.ideal() != null) {
                    idealKnown++;
                    ideal += c.ideal() ? 1 : 0;
                }
                double w = number(c.outcome(), col.won());
                double l = number(c.outcome(), col.lost());
                if (!Double.isNaN(w) && !Double.isNaN(l)) {
                    won += w;
                    decided += w + l;
                }
            }
            out.add(new ValidationReport.TierOutcome(tier.name(), tier.minScore() == Integer.MIN_VALUE ? null
                    : tier.minScore(), m.size(), m.isEmpty() ? null : (double) ones / m.size(),
                    idealKnown == 0 ? null : (double) ideal / idealKnown, decided == 0 ? null : won / decided,
                    median(m, col.ltv()), median(m, col.nrr()), median(m, col.cac()), median(m, col.ltvCac())));
        }
        return out;
    }

    static String verdict(String rateName, Interval auc, double trainAuc, ValidationReport.Stability s,
                          List<ValidationReport.TierOutcome> tiers) {
        String aucText = String.format(Locale.ROOT, "test AUC %.2f [%.2f, %.2f]", auc.estimate(), auc.lower(), auc.upper());
        String v;
        if (auc.lower() <= 0.5) {
            v = "does not beat chance: " + aucText;
        } else if (s.psiTrainTest() > UNSTABLE_PSI) {
            v = String.format(Locale.ROOT, "unstable: PSI %.2f between training and test scores; %s", s.psiTrainTest(),
                    aucText);
        } else if (trainAuc - auc.estimate() > OVERFIT_GAP) {
            v = String.format(Locale.ROOT, "overfits: training AUC %.2f, %s", trainAuc, aucText);
        } else if (auc.estimate() < WEAK_AUC) {
            v = "weak: " + aucText + ", better than chance but with little lift";
        } else {
            v = "holds up: " + aucText + tierContrast(rateName, tiers);
        }
        if (s.psiTrainCurrent() != null && s.psiTrainCurrent() > UNSTABLE_PSI) {
            v += String.format(Locale.ROOT, "; the %s differ from the training accounts (PSI %.2f)",
                    s.currentPopulation(), s.psiTrainCurrent());
        }
        return v;
    }

    private static String tierContrast(String what, List<ValidationReport.TierOutcome> tiers) {
        if (tiers.size() < 2) {
            return "";
        }
        ValidationReport.TierOutcome best = tiers.get(0);
        ValidationReport.TierOutcome worst = tiers.get(tiers.size() - 1);
        if (best.labelRate() == null || worst.labelRate() == null) {
            return "";
        }
        if (worst.labelRate() == 0) {
            return String.format(Locale.ROOT, ", tier %s %s rate %.0f%% vs tier %s 0%%", best.tier(), what,
                    100 * best.labelRate(), worst.tier());
        }
        return String.format(Locale.ROOT, ", tier %s %s rate %.1f× tier %s", best.tier(), what,
                best.labelRate() / worst.labelRate(), worst.tier());
    }

    private static double number(Object[] row, int c) {
        if (row == null || c < 0 || !(row[c] instanceof Number n)) {
            return Double.NaN;
        }
        return n.doubleValue();
    }

    /** Median of the finite values of column {@code c} over the cases' outcome rows; null when there is none. */
    private static Double median(List<Case> cases, int c) {
        double[] v = new double[cases.size()];
        int n = 0;
        for (Case x : cases) {
            double d = number(x.outcome(), c);
            if (Double.isFinite(d)) {
                v[n++] = d;
            }
        }
        if (n == 0) {
            return null;
        }
        Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static boolean[] labels(List<Case> cases) {
        boolean[] y = new boolean[cases.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = cases.get(i).label() == 1;
        }
        return y;
    }

    static double[] doubles(int[] scores) {
        double[] d = new double[scores.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = scores[i];
        }
        return d;
    }

}
