package org.icpengine.stats.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.icpengine.errors.InputException;
import org.icpengine.stats.binning.Binning;
import org.icpengine.stats.binning.VariableType;

/**
 * The compiled form of a {@link Scorecard}: split points, category tables and points per bin in
 * primitive arrays, so that scoring allocates nothing per account. Immutable and thread-safe; build
 * one per scorecard with {@link Scorecard#scorer()} and reuse it.
 *
 * <p>Inputs are indexed by criterion: for criterion {@code c}, a numeric criterion reads
 * {@code numeric[c]} ({@code NaN} = missing) and a categorical one reads {@code categorical[c]}
 * ({@code null} = missing; an unseen category scores as the criterion's "other" bin). Entries for
 * criteria of the other type are ignored, and an array may be {@code null} when no criterion needs it.
 */
public final class ScorecardScorer {

    private static final int LINEAR_SPLITS = 16;

    private final Scorecard scorecard;
    private final int k;
    private final boolean[] isNumeric;
    private final double[][] splits;
    private final int[][] points;
    private final List<Map<String, Integer>> categories;
    private final int[] otherBin;
    private final int[] missingBin;
    private final int[] tierMin;
    private final String[] tierNames;
    private final String[] criterionNames;
    private final double[] meanPoints;

    ScorecardScorer(Scorecard scorecard) {
        this.scorecard = scorecard;
        List<Criterion> criteria = scorecard.criteria();
        this.k = criteria.size();
        this.isNumeric = new boolean[k];
        this.splits = new double[k][];
        this.points = new int[k][];
        this.categories = new ArrayList<>(k);
        this.otherBin = new int[k];
        this.missingBin = new int[k];
        this.criterionNames = new String[k];
        this.meanPoints = new double[k];
        for (int c = 0; c < k; c++) {
            Criterion criterion = criteria.get(c);
            Binning b = criterion.binning();
            criterionNames[c] = criterion.name();
            meanPoints[c] = criterion.meanPoints();
            isNumeric[c] = b.type() == VariableType.NUMERIC;
            points[c] = criterion.points().stream().mapToInt(Integer::intValue).toArray();
            missingBin[c] = b.missingIndex();
            if (isNumeric[c]) {
                splits[c] = b.splits();
                categories.add(Map.of());
                otherBin[c] = -1;
            } else {
                categories.add(new HashMap<>(b.categoryLookup()));
                otherBin[c] = b.size() - 2;
            }
        }
        List<Tier> tiers = scorecard.tiers();
        this.tierMin = new int[tiers.size()];
        this.tierNames = new String[tiers.size()];
        for (int t = 0; t < tiers.size(); t++) {
            tierMin[t] = tiers.get(t).minScore();
            tierNames[t] = tiers.get(t).name();
        }
    }

    /** The scorecard this scorer was compiled from. */
    public Scorecard scorecard() {
        return scorecard;
    }

    /** Number of criteria. */
    public int criteria() {
        return k;
    }

    /**
     * The score of one account.
     *
     * @param numeric     values of the numeric criteria, by criterion index
     * @param categorical values of the categorical criteria, by criterion index
     * @throws InputException if an array needed by some criterion is null or too short
     */
    public int score(double[] numeric, String[] categorical) {
        checkRow(numeric, categorical);
        int s = 0;
        for (int c = 0; c < k; c++) {
            s += points[c][isNumeric[c] ? numericBin(c, numeric[c]) : categoricalBin(c, categorical[c])];
        }
        return s;
    }

    /**
     * Scores {@code out.length} accounts given as columns: {@code numericColumns[c]} or
     * {@code categoricalColumns[c]} holds criterion {@code c}'s value for every account.
     *
     * @throws InputException if a column needed by some criterion is missing or of the wrong length
     */
    public void score(double[][] numericColumns, String[][] categoricalColumns, int[] out) {
        int n = out.length;
        for (int c = 0; c < k; c++) {
            Object column = isNumeric[c] ? column(numericColumns, c) : column(categoricalColumns, c);
            int len = column == null ? -1 : isNumeric[c] ? ((double[]) column).length : ((String[]) column).length;
            if (len != n) {
                throw new InputException("criterion " + c + " ('" + criterionNames[c] + "') needs a "
                        + (isNumeric[c] ? "numeric" : "categorical") + " column of " + n + " values, got "
                        + (len < 0 ? "none" : len + " values"));
            }
        }
        Arrays.fill(out, 0);
        // criterion by criterion: each pass reads one column and one small table
        for (int c = 0; c < k; c++) {
            int[] pts = points[c];
            if (isNumeric[c]) {
                double[] s = splits[c];
                double[] col = numericColumns[c];
                int missing = missingBin[c];
                for (int i = 0; i < n; i++) {
                    double v = col[i];
                    out[i] += pts[v == v ? rangeBin(s, v) : missing];
                }
            } else {
                Map<String, Integer> lookup = categories.get(c);
                String[] col = categoricalColumns[c];
                int other = otherBin[c];
                int missing = missingBin[c];
                for (int i = 0; i < n; i++) {
                    String v = col[i];
                    int bin;
                    if (v == null) {
                        bin = missing;
                    } else {
                        Integer found = lookup.get(v);
                        bin = found == null ? other : found;
                    }
                    out[i] += pts[bin];
                }
            }
        }
    }

    /** Scores accounts given as columns (see {@link #score(double[][], String[][], int[])}) into a new array. */
    public int[] score(double[][] numericColumns, String[][] categoricalColumns, int accounts) {
        int[] out = new int[accounts];
        score(numericColumns, categoricalColumns, out);
        return out;
    }

    /** Bin index of a value of numeric criterion {@code c} ({@code NaN} to the missing bin). */
    public int numericBin(int c, double value) {
        return value == value ? rangeBin(splits[c], value) : missingBin[c];
    }

    /** Bin index of a category of categorical criterion {@code c} ({@code null} to missing, unseen to other). */
    public int categoricalBin(int c, String value) {
        if (value == null) {
            return missingBin[c];
        }
        Integer found = categories.get(c).get(value);
        return found == null ? otherBin[c] : found;
    }

    /** Points of bin {@code bin} of criterion {@code c}. */
    public int points(int c, int bin) {
        return points[c][bin];
    }

    /** Index of the tier of a score (0 = best). */
    public int tierIndex(int score) {
        for (int t = 0; t < tierMin.length - 1; t++) {
            if (score >= tierMin[t]) {
                return t;
            }
        }
        return tierMin.length - 1;
    }

    /** Name of the tier of a score. */
    public String tier(int score) {
        return tierNames[tierIndex(score)];
    }

    /**
     * Explains one account's score (see {@link Explanation}); allocates, unlike {@code score}.
     *
     * @param topReasons how many reasons gained and lost to list, &ge; 0
     */
    public Explanation explain(double[] numeric, String[] categorical, int topReasons) {
        if (topReasons < 0) {
            throw new InputException("topReasons must be >= 0, got " + topReasons);
        }
        checkRow(numeric, categorical);
        List<Contribution> all = new ArrayList<>(k);
        List<String> missing = new ArrayList<>();
        int score = 0;
        for (int c = 0; c < k; c++) {
            int bin = isNumeric[c] ? numericBin(c, numeric[c]) : categoricalBin(c, categorical[c]);
            if (bin == missingBin[c]) {
                missing.add(criterionNames[c]);
            }
            int pts = points[c][bin];
            score += pts;
            String label = scorecard.criteria().get(c).binning().bins().get(bin).label();
            all.add(new Contribution(criterionNames[c], label, bin, pts, pts - meanPoints[c]));
        }
        List<Contribution> gained = new ArrayList<>();
        List<Contribution> lost = new ArrayList<>();
        for (Contribution contribution : all) {
            if (contribution.delta() > 0) {
                gained.add(contribution);
            } else if (contribution.delta() < 0) {
                lost.add(contribution);
            }
        }
        // List.sort is stable: equal deltas keep criterion order
        gained.sort(Comparator.comparingDouble(Contribution::delta).reversed());
        lost.sort(Comparator.comparingDouble(Contribution::delta));
        return new Explanation(score, tier(score), all, gained.subList(0, Math.min(topReasons, gained.size())),
                lost.subList(0, Math.min(topReasons, lost.size())), missing);
    }

    /** The range bin of a non-NaN value: the number of splits at or below it. */
    private static int rangeBin(double[] s, double v) {
        if (s.length <= LINEAR_SPLITS) {
            // a branch-free count beats a binary search's unpredictable branches on short arrays
            int count = 0;
            for (double split : s) {
                count += split <= v ? 1 : 0;
            }
            return count;
        }
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void checkRow(double[] numeric, String[] categorical) {
        for (int c = 0; c < k; c++) {
            if (isNumeric[c] ? numeric == null || numeric.length <= c : categorical == null || categorical.length <= c) {
                throw new InputException("criterion " + c + " ('" + criterionNames[c] + "') needs a "
                        + (isNumeric[c] ? "numeric" : "categorical") + " value at index " + c);
            }
        }
    }

    private static Object column(Object[] columns, int c) {
        return columns == null || columns.length <= c ? null : columns[c];
    }
}
