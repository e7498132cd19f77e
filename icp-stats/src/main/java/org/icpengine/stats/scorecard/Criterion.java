package org.icpengine.stats.scorecard;

import java.util.List;
import java.util.Objects;
import org.icpengine.stats.binning.Binning;
import org.icpengine.stats.internal.Validate;

/**
 * One criterion of a {@link Scorecard}: a binned variable, its regression coefficient on WoE, and
 * the integer points of each of its bins.
 *
 * @param name        the variable's name (that of the binning)
 * @param binning     the bins, with training counts and WoE
 * @param coefficient the logistic-regression coefficient of the criterion's WoE
 * @param points      points per bin, aligned with {@code binning.bins()}
 * @param meanPoints  mean points of the training population on this criterion: the reference from
 *                    which {@link Explanation} measures points gained and lost
 */
public record Criterion(String name, Binning binning, double coefficient, List<Integer> points, double meanPoints) {

    /** Validates and copies {@code points}. */
    public Criterion {
        Validate.isTrue(name != null && !name.isBlank(), "criterion name must not be blank");
        Objects.requireNonNull(binning, "binning");
        Validate.isTrue(name.equals(binning.name()),
                "criterion '" + name + "' must carry its own binning, got '" + binning.name() + "'");
        Validate.isTrue(Double.isFinite(coefficient), "coefficient of '" + name + "' must be finite");
        points = List.copyOf(Objects.requireNonNull(points, "points"));
        Validate.isTrue(points.size() == binning.size(), "criterion '" + name + "' needs one points value per bin ("
                + binning.size() + "), got " + points.size());
        Validate.isTrue(Double.isFinite(meanPoints), "meanPoints of '" + name + "' must be finite");
    }

    /** The points of bin {@code bin}. */
    public int pointsOf(int bin) {
        return points.get(bin);
    }

    /** The largest points any bin of this criterion gives. */
    public int maxPoints() {
        int m = Integer.MIN_VALUE;
        for (int p : points) {
            m = Math.max(m, p);
        }
        return m;
    }

    /** The smallest points any bin of this criterion gives. */
    public int minPoints() {
        int m = Integer.MAX_VALUE;
        for (int p : points) {
            m = Math.min(m, p);
        }
        return m;
    }
}
