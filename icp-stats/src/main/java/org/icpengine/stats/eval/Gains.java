package org.icpengine.stats.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;

/**
 * Lift and cumulative-gains tables: the population ranked by score (highest first) and cut into
 * equal-size groups, usually deciles.
 *
 * <p><b>Ties at group edges.</b> Every group holds exactly N/groups rows' worth. A run of tied scores
 * that straddles an edge is split between the groups in proportion to how much of the run falls in
 * each, and its positives are spread evenly over the run. That is the expected table under random
 * tie-breaking; it depends only on the (score, label) multiset, never on row order, so it is
 * deterministic and reproducible. Counts can therefore be fractional (a scorecard with a handful of
 * distinct point totals will show it). When N is a multiple of the group count and there are no ties
 * at the edges every count is a whole number.
 *
 * <p>Edges: null, empty, mismatched or NaN input throws {@link org.icpengine.errors.InputException};
 * no positives throws {@link InsufficientDataException} (lift is undefined); no negatives is fine.
 */
public final class Gains {

    private Gains() {
    }

    /** The ten-group (decile) table; see {@link #table}. */
    public static List<GainsRow> byDecile(double[] scores, boolean[] labels) {
        return table(scores, labels, 10);
    }

    /**
     * The lift and gains table with the given number of equal-size groups, best first.
     *
     * @param groups at least 1
     */
    public static List<GainsRow> table(double[] scores, boolean[] labels, int groups) {
        Validate.isTrue(groups >= 1, "groups must be >= 1, got " + groups);
        TwoClassSample s = TwoClassSample.of(scores, labels, "gains table", false);
        double[] pos = s.positives;
        double[] neg = s.negatives;
        int totalPositives = pos.length;
        if (totalPositives == 0) {
            throw new InsufficientDataException("gains table needs at least one positive label; got 0 of " + s.total());
        }
        int total = s.total();
        double baseRate = (double) totalPositives / total;
        double groupSize = (double) total / groups;

        double[] count = new double[groups];
        double[] positives = new double[groups];
        double[] minScore = new double[groups];
        double[] maxScore = new double[groups];
        Arrays.fill(minScore, Double.POSITIVE_INFINITY);
        Arrays.fill(maxScore, Double.NEGATIVE_INFINITY);

        // walk the distinct scores from the top; each run [start, start + run) spreads over the groups
        int i = pos.length - 1;
        int j = neg.length - 1;
        long start = 0;
        while (i >= 0 || j >= 0) {
            double v = i >= 0 && (j < 0 || pos[i] >= neg[j]) ? pos[i] : neg[j];
            int runPositives = 0;
            int run = 0;
            while (i >= 0 && pos[i] == v) {
                i--;
                runPositives++;
            }
            run += runPositives;
            while (j >= 0 && neg[j] == v) {
                j--;
                run++;
            }
            double a = start;
            double b = start + run;
            int g = Math.min((int) (a / groupSize), groups - 1);
            while (g < groups && g * groupSize < b) {
                double lo = Math.max(a, g * groupSize);
                double hi = g == groups - 1 ? b : Math.min(b, (g + 1) * groupSize);
                double overlap = hi - lo;
                if (overlap > 0) {
                    count[g] += overlap;
                    positives[g] += overlap * runPositives / run;
                    minScore[g] = Math.min(minScore[g], v);
                    maxScore[g] = Math.max(maxScore[g], v);
                }
                g++;
            }
            start += run;
        }

        List<GainsRow> rows = new ArrayList<>(groups);
        double cumCount = 0;
        double cumPositives = 0;
        for (int g = 0; g < groups; g++) {
            cumCount += count[g];
            cumPositives += positives[g];
            double rate = positives[g] / count[g];
            double cumRate = cumPositives / cumCount;
            rows.add(new GainsRow(g + 1, count[g], positives[g], rate, rate / baseRate, cumCount, cumPositives,
                    Math.min(1, cumPositives / totalPositives), cumRate / baseRate, minScore[g], maxScore[g]));
        }
        return List.copyOf(rows);
    }
}
