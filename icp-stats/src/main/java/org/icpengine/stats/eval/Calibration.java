package org.icpengine.stats.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.icpengine.stats.internal.Validate;

/**
 * Calibration (reliability) tables: predicted probabilities binned, with the mean prediction, the
 * observed positive rate and the count per bin (as in scikit-learn's {@code calibration_curve}).
 *
 * <p>Bins are left-closed {@code [lower, upper)}, the last one closed on both sides, so p = 1 falls
 * in the last bin. Empty bins are left out of the result, so the list can be shorter than asked.
 *
 * <p>Edges: null, empty or mismatched arrays, NaN and probabilities outside [0, 1] throw
 * {@link org.icpengine.errors.InputException}. A single class is fine.
 */
public final class Calibration {

    private Calibration() {
    }

    /** Calibration over {@code bins} equal-width bins of [0, 1]. */
    public static List<CalibrationBin> uniformBins(double[] probabilities, boolean[] labels, int bins) {
        int n = Checks.scoresAndLabels(probabilities, labels, "probabilities");
        Checks.probabilities(probabilities, "probabilities");
        Validate.isTrue(bins >= 1, "bins must be >= 1, got " + bins);
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = (double) b / bins;
        }
        int[] bin = new int[n];
        for (int i = 0; i < n; i++) {
            bin[i] = Math.min((int) (probabilities[i] * bins), bins - 1);
        }
        return table(probabilities, labels, bin, edges);
    }

    /**
     * Calibration over bins holding near-equal numbers of predictions: cut points are sample
     * quantiles of the predictions (the value at sorted index {@code floor(i·n/bins)}), duplicates from
     * ties dropped, so fewer bins may result. Outer edges are 0 and 1.
     */
    public static List<CalibrationBin> quantileBins(double[] probabilities, boolean[] labels, int bins) {
        int n = Checks.scoresAndLabels(probabilities, labels, "probabilities");
        Checks.probabilities(probabilities, "probabilities");
        Validate.isTrue(bins >= 1, "bins must be >= 1, got " + bins);
        double[] sorted = probabilities.clone();
        Arrays.sort(sorted);
        double[] cuts = Checks.quantileCuts(sorted, bins);
        double[] edges = new double[cuts.length + 2];
        edges[0] = 0;
        System.arraycopy(cuts, 0, edges, 1, cuts.length);
        edges[edges.length - 1] = 1;
        int[] bin = new int[n];
        for (int i = 0; i < n; i++) {
            bin[i] = Psi.binOf(cuts, probabilities[i]);
        }
        return table(probabilities, labels, bin, edges);
    }

    private static List<CalibrationBin> table(double[] p, boolean[] labels, int[] bin, double[] edges) {
        int bins = edges.length - 1;
        int[] count = new int[bins];
        int[] positives = new int[bins];
        double[] sum = new double[bins];
        for (int i = 0; i < p.length; i++) {
            int b = bin[i];
            count[b]++;
            sum[b] += p[i];
            if (labels[i]) {
                positives[b]++;
            }
        }
        List<CalibrationBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                double mean = Math.min(1, Math.max(0, sum[b] / count[b]));
                out.add(new CalibrationBin(edges[b], edges[b + 1], count[b], positives[b], mean,
                        (double) positives[b] / count[b]));
            }
        }
        return List.copyOf(out);
    }
}
