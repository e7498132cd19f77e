package org.icpengine.stats.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.icpengine.stats.internal.Validate;

/**
 * The population stability index between a reference ("expected", e.g. training) and a comparison
 * ("actual", e.g. test or prospects) sample of scores.
 *
 * <p>{@code PSI = Σ_bins (a − e)·ln(a / e)} over the shares a and e of each sample in each bin (the
 * symmetrised Kullback-Leibler divergence of the binned distributions; Siddiqi 2006, ch. 8). A common
 * reading is &lt; 0.1 stable, 0.1–0.25 a moderate shift, &gt; 0.25 a major shift.
 *
 * <p>Bins are {@code (−∞, c1), [c1, c2), …, [ck, ∞)} for cut points c1 &lt; … &lt; ck. A share of zero
 * would make the term infinite, so in the formula an empty bin's share is replaced by
 * {@link #EMPTY_BIN_SHARE} (the shares are not renormalised); the reported shares are the raw ones.
 *
 * <p>Edges: null, empty or NaN samples throw {@link org.icpengine.errors.InputException}; so do cut
 * points that are not finite and strictly increasing. Identical samples give exactly 0.
 */
public final class Psi {

    /** The share used in place of zero for an empty bin: 0.0001 (one in ten thousand). */
    public static final double EMPTY_BIN_SHARE = 1e-4;

    private Psi() {
    }

    /**
     * PSI over the bins defined by the given cut points (possibly none: one bin, PSI = 0).
     *
     * @param cutPoints finite, strictly increasing
     */
    public static PsiResult withCutPoints(double[] expected, double[] actual, double[] cutPoints) {
        checkSample(expected, "expected");
        checkSample(actual, "actual");
        Validate.isTrue(cutPoints != null, "cutPoints must not be null");
        for (int i = 0; i < cutPoints.length; i++) {
            Validate.isTrue(Double.isFinite(cutPoints[i]), "cutPoints[" + i + "] must be finite, got " + cutPoints[i]);
            if (i > 0) {
                Validate.isTrue(cutPoints[i] > cutPoints[i - 1], "cutPoints must be strictly increasing; cutPoints["
                        + i + "] = " + cutPoints[i] + " follows " + cutPoints[i - 1]);
            }
        }
        return compute(expected, actual, cutPoints.clone());
    }

    /**
     * PSI over bins cut at quantiles of the reference sample (the value at sorted index
     * {@code floor(i·n/bins)}, i = 1..bins−1), so each bin holds about 1/bins of the reference;
     * duplicate cuts from tied values are dropped, so fewer bins may result.
     *
     * @param bins at least 1 (10 is usual)
     */
    public static PsiResult withQuantileBins(double[] expected, double[] actual, int bins) {
        checkSample(expected, "expected");
        checkSample(actual, "actual");
        Validate.isTrue(bins >= 1, "bins must be >= 1, got " + bins);
        double[] sorted = expected.clone();
        Arrays.sort(sorted);
        return compute(expected, actual, Checks.quantileCuts(sorted, bins));
    }

    /** The bin of value x for bins (−∞, c0), [c0, c1), …, [c_last, ∞). */
    static int binOf(double[] cuts, double x) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) { // first cut > x
            int mid = (lo + hi) >>> 1;
            if (cuts[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static PsiResult compute(double[] expected, double[] actual, double[] cuts) {
        int bins = cuts.length + 1;
        long[] e = new long[bins];
        long[] a = new long[bins];
        for (double x : expected) {
            e[binOf(cuts, x)]++;
        }
        for (double x : actual) {
            a[binOf(cuts, x)]++;
        }
        List<PsiBin> out = new ArrayList<>(bins);
        double psi = 0;
        for (int b = 0; b < bins; b++) {
            double es = (double) e[b] / expected.length;
            double as = (double) a[b] / actual.length;
            double ee = e[b] == 0 ? EMPTY_BIN_SHARE : es;
            double aa = a[b] == 0 ? EMPTY_BIN_SHARE : as;
            double term = (aa - ee) * Math.log(aa / ee);
            term = Math.max(term, 0); // never negative in exact arithmetic
            psi += term;
            double lower = b == 0 ? Double.NEGATIVE_INFINITY : cuts[b - 1];
            double upper = b == bins - 1 ? Double.POSITIVE_INFINITY : cuts[b];
            out.add(new PsiBin(lower, upper, e[b], a[b], es, as, term));
        }
        return new PsiResult(psi, out);
    }

    private static void checkSample(double[] values, String name) {
        Validate.isTrue(values != null, name + " must not be null");
        Validate.isTrue(values.length > 0, name + " must not be empty");
        Checks.noNaN(values, name);
    }
}
