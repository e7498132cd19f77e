package org.icpengine.stats.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;

/**
 * A k-prototypes trainer for rows with numeric and categorical columns (Huang 1998, "Extensions to the
 * k-means algorithm for clustering large data sets with categorical values", Data Mining and Knowledge
 * Discovery 2:283).
 *
 * <p><b>Distance.</b> Numeric columns are standardized (training mean and population standard
 * deviation; a constant column keeps scale 1), and the dissimilarity of a row to a prototype is the
 * squared Euclidean distance of the standardized values plus {@code gamma} times the number of
 * categorical mismatches (Huang's eq. 9). <b>Default gamma</b>: half the mean standard deviation of the
 * standardized numeric columns — 0.5 when every numeric column varies. Huang (section 5) suggests gamma
 * between 1/3 and 2/3 of the average numeric standard deviation; the kmodes Python package also uses
 * one half. With no varying numeric column gamma is 1 (its value then only scales the cost).
 *
 * <p><b>Fit.</b> Seeding is k-means++ (Arthur &amp; Vassilvitskii 2007) with this dissimilarity: the first
 * prototype is a uniformly drawn row, each further one a row drawn with probability proportional to its
 * dissimilarity to the nearest prototype so far. Then batch (Lloyd-style) iterations: assign every row
 * to its nearest prototype (ties to the lower cluster number), then set each prototype to its members'
 * numeric means and categorical modes (ties to the lexicographically smallest value); a cluster left
 * empty is re-seeded with the row farthest from its prototype. Iteration stops when no assignment
 * changes or after {@code maxIterations}. The best of {@code restarts} runs (lowest cost) is kept.
 * Huang's original updates prototypes after each row; the batch form converges to the same kind of
 * local optimum and does not depend on row order.
 *
 * <p><b>Determinism.</b> All randomness comes from one {@link SplittableRandom} seeded with
 * {@code seed} (one split per restart), so a fit is a function of (data, settings).
 *
 * <p>Edges: the data are complete by construction ({@link ClusterData} rejects NaN and null). Fewer rows
 * than k, or fewer distinct rows than k, throw {@link InsufficientDataException}. k = 1 is allowed
 * (one prototype: the means and modes of all rows).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KPrototypes {

    private final int k;
    private final long seed;
    private final int maxIterations;
    private final int restarts;
    private final double gamma; // NaN = default
    private final int silhouetteSample;

    private KPrototypes(Builder b) {
        this.k = b.k;
        this.seed = b.seed;
        this.maxIterations = b.maxIterations;
        this.restarts = b.restarts;
        this.gamma = b.gamma;
        this.silhouetteSample = b.silhouetteSample;
    }

    /**
     * A builder with k = 3, seed = 0, maxIterations = 100, restarts = 5, the default gamma and a
     * silhouette sample of {@value Silhouette#DEFAULT_SAMPLE_SIZE} rows for {@link #chooseK}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fits k prototypes.
     *
     * @throws InsufficientDataException if the data have fewer than k rows, or fewer than k distinct
     *     rows under the dissimilarity (no k distinct prototypes exist)
     */
    public KPrototypesModel fit(ClusterData data) {
        return fit(data, k);
    }

    /**
     * Fits every k in [kMin, kMax] and picks the one with the highest mean silhouette (ties: the smaller
     * k); silhouettes use this trainer's seed and silhouette sample size (see {@link Silhouette}).
     *
     * @param kMin at least 2 (the silhouette is undefined for one cluster)
     * @throws InsufficientDataException if some k in the range cannot be fitted (see {@link #fit})
     */
    public KChoice chooseK(ClusterData data, int kMin, int kMax) {
        Validate.isTrue(kMin >= 2, "kMin must be >= 2, got " + kMin);
        Validate.isTrue(kMax >= kMin, "kMax must be >= kMin = " + kMin + ", got " + kMax);
        List<KScore> scores = new ArrayList<>();
        KPrototypesModel best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int kk = kMin; kk <= kMax; kk++) {
            KPrototypesModel model = fit(data, kk);
            double s = Silhouette.score(model, data, silhouetteSample, seed);
            scores.add(new KScore(kk, s, model.cost()));
            if (s > bestScore) {
                bestScore = s;
                best = model;
            }
        }
        return new KChoice(best.k(), scores, best);
    }

    private KPrototypesModel fit(ClusterData data, int clusters) {
        Validate.isTrue(data != null, "data must not be null");
        int n = data.size();
        if (n < clusters) {
            throw new InsufficientDataException("k-prototypes with k = " + clusters + " needs at least " + clusters
                    + " rows; got " + n);
        }
        int p = data.numericColumns().size();
        double[] center = new double[p];
        double[] scale = new double[p];
        double varying = 0;
        for (int j = 0; j < p; j++) {
            double[] col = data.numericColumn(j);
            double sum = 0;
            for (double v : col) {
                sum += v;
            }
            double mean = sum / n;
            double ss = 0;
            for (double v : col) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / n);
            center[j] = mean;
            scale[j] = sd > 0 ? sd : 1;
            varying += sd > 0 ? 1 : 0;
        }
        double g = !Double.isNaN(gamma) ? gamma : varying > 0 ? 0.5 * varying / p : 1.0;
        Encoded e = Encoded.of(data, center, scale);

        SplittableRandom root = new SplittableRandom(seed);
        Run best = null;
        for (int r = 0; r < restarts; r++) {
            Run run = new Run(e, clusters, g, root.split());
            run.execute();
            if (best == null || run.cost < best.cost) {
                best = run;
            }
        }
        String[][] modes = new String[clusters][e.q];
        double[][] centroids = new double[clusters][];
        for (int c = 0; c < clusters; c++) {
            centroids[c] = best.numeric[c];
            for (int l = 0; l < e.q; l++) {
                modes[c][l] = e.levels[l][best.modes[c][l]];
            }
        }
        return new KPrototypesModel(data.numericColumns(), data.categoricalColumns(), center, scale, g, centroids, modes,
                best.sizes, best.cost, best.iterations, best.converged, seed);
    }

    /** One seeded k-prototypes run. */
    private final class Run {
        private final Encoded e;
        private final int k;
        private final double gamma;
        private final SplittableRandom rng;
        final double[][] numeric;
        final int[][] modes;
        final int[] labels;
        final double[] distance;
        int[] sizes;
        double cost;
        int iterations;
        boolean converged;

        Run(Encoded e, int k, double gamma, SplittableRandom rng) {
            this.e = e;
            this.k = k;
            this.gamma = gamma;
            this.rng = rng;
            this.numeric = new double[k][e.p];
            this.modes = new int[k][e.q];
            this.labels = new int[e.n];
            this.distance = new double[e.n];
        }

        void execute() {
            seed();
            Arrays.fill(labels, -1);
            for (iterations = 1; iterations <= maxIterations; iterations++) {
                if (!assign()) {
                    converged = true;
                    break;
                }
                update();
            }
            iterations = Math.min(iterations, maxIterations);
            assign(); // final labels and distances against the final prototypes
            sizes = new int[k];
            cost = 0;
            for (int i = 0; i < e.n; i++) {
                sizes[labels[i]]++;
                cost += distance[i];
            }
        }

        /** k-means++ seeding with the mixed dissimilarity. */
        private void seed() {
            int first = rng.nextInt(e.n);
            setPrototype(0, first);
            double[] nearest = new double[e.n];
            double total = 0;
            for (int i = 0; i < e.n; i++) {
                nearest[i] = e.toPrototype(i, numeric[0], modes[0], gamma);
                total += nearest[i];
            }
            for (int c = 1; c < k; c++) {
                if (!(total > 0)) {
                    throw new InsufficientDataException("k-prototypes with k = " + k + " needs " + k
                            + " distinct rows; the data have only " + c);
                }
                double u = rng.nextDouble() * total;
                int pick = -1;
                double cumulative = 0;
                for (int i = 0; i < e.n; i++) {
                    if (nearest[i] > 0) {
                        cumulative += nearest[i];
                        pick = i;
                        if (cumulative > u) {
                            break;
                        }
                    }
                }
                setPrototype(c, pick);
                total = 0;
                for (int i = 0; i < e.n; i++) {
                    nearest[i] = Math.min(nearest[i], e.toPrototype(i, numeric[c], modes[c], gamma));
                    total += nearest[i];
                }
            }
        }

        private void setPrototype(int c, int row) {
            System.arraycopy(e.z, row * e.p, numeric[c], 0, e.p);
            System.arraycopy(e.codes, row * e.q, modes[c], 0, e.q);
        }

        /** Assigns every row to its nearest prototype; returns whether any label changed. */
        private boolean assign() {
            boolean changed = false;
            for (int i = 0; i < e.n; i++) {
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double d = e.toPrototype(i, numeric[c], modes[c], gamma);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = c;
                    }
                }
                distance[i] = bestDistance;
                if (labels[i] != best) {
                    labels[i] = best;
                    changed = true;
                }
            }
            return changed;
        }

        /** Prototypes from members: numeric means and categorical modes; empty clusters re-seeded. */
        private void update() {
            int[] count = new int[k];
            for (int label : labels) {
                count[label]++;
            }
            for (int c = 0; c < k; c++) {
                if (count[c] == 0) {
                    int far = -1;
                    for (int i = 0; i < e.n; i++) {
                        if (count[labels[i]] > 1 && (far < 0 || distance[i] > distance[far])) {
                            far = i;
                        }
                    }
                    count[labels[far]]--;
                    labels[far] = c;
                    distance[far] = 0;
                    count[c] = 1;
                }
            }
            double[][] sums = new double[k][e.p];
            for (int i = 0; i < e.n; i++) {
                double[] s = sums[labels[i]];
                int base = i * e.p;
                for (int j = 0; j < e.p; j++) {
                    s[j] += e.z[base + j];
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < e.p; j++) {
                    numeric[c][j] = sums[c][j] / count[c];
                }
            }
            for (int l = 0; l < e.q; l++) {
                int levels = e.levels[l].length;
                int[] freq = new int[k * levels];
                for (int i = 0; i < e.n; i++) {
                    freq[labels[i] * levels + e.codes[i * e.q + l]]++;
                }
                for (int c = 0; c < k; c++) {
                    int mode = 0;
                    for (int v = 1; v < levels; v++) {
                        if (freq[c * levels + v] > freq[c * levels + mode]) {
                            mode = v;
                        }
                    }
                    modes[c][l] = mode;
                }
            }
        }
    }

    /** Collects settings. Not thread-safe. */
    public static final class Builder {
        private int k = 3;
        private long seed;
        private int maxIterations = 100;
        private int restarts = 5;
        private double gamma = Double.NaN;
        private int silhouetteSample = Silhouette.DEFAULT_SAMPLE_SIZE;

        private Builder() {
        }

        /** The number of clusters for {@link #fit}, at least 1; default 3. */
        public Builder k(int k) {
            Validate.isTrue(k >= 1, "k must be >= 1, got " + k);
            this.k = k;
            return this;
        }

        /** The seed of seeding, restarts and silhouette sampling; default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The cap on assignment passes per restart, at least 1; default 100. */
        public Builder maxIterations(int maxIterations) {
            Validate.isTrue(maxIterations >= 1, "maxIterations must be >= 1, got " + maxIterations);
            this.maxIterations = maxIterations;
            return this;
        }

        /** The number of seeded runs, best kept, at least 1; default 5. */
        public Builder restarts(int restarts) {
            Validate.isTrue(restarts >= 1, "restarts must be >= 1, got " + restarts);
            this.restarts = restarts;
            return this;
        }

        /** The weight of a categorical mismatch, finite and {@code > 0}; default see {@link KPrototypes}. */
        public Builder gamma(double gamma) {
            this.gamma = Validate.positive(gamma, "gamma");
            return this;
        }

        /** Rows sampled for the silhouette in {@link #chooseK}, at least 2; default {@value Silhouette#DEFAULT_SAMPLE_SIZE}. */
        public Builder silhouetteSample(int rows) {
            Validate.isTrue(rows >= 2, "silhouetteSample must be >= 2, got " + rows);
            this.silhouetteSample = rows;
            return this;
        }

        /** The trainer. */
        public KPrototypes build() {
            return new KPrototypes(this);
        }
    }
}
