package org.icpengine.stats.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.binning.Bin;
import org.icpengine.stats.binning.Binning;
import org.icpengine.stats.binning.CategoricalBinner;
import org.icpengine.stats.binning.NumericBinner;
import org.icpengine.stats.regression.LogisticModel;
import org.icpengine.stats.regression.LogisticTrainer;
import org.icpengine.stats.internal.Validate;

/**
 * Trains a {@link Scorecard} from numeric and categorical features and a 0/1 label: each feature is
 * binned ({@link NumericBinner}, {@link CategoricalBinner}) and replaced by its bins' WoE, a logistic
 * regression of the label on the WoE columns gives one coefficient per criterion, the points scale
 * turns WoE times coefficient into integer points per bin (see {@link Scorecard}), and the training
 * population's scores set the tier cut-offs. Immutable settings; thread-safe.
 *
 * <p>Tiers: given shares best first (say A 0.10, B 0.25, C 0.35, D 0.30), the training scores are
 * sorted from high to low and tier t's cut-off is the score at the last position its cumulative share
 * reaches ({@code ceil(cumulative share * n)}); every account scoring at least the cut-off belongs to
 * tier t or a better one, so accounts tied at a cut-off all go to the better tier and that tier may hold
 * more than its share (its actual share is kept as {@link Tier#trainingShare()}). Points are rounded
 * half up ({@link Math#round(double)}).
 *
 * <p>Defaults: automatic binning with {@link NumericBinner#defaults()} and
 * {@link CategoricalBinner#defaults()}, {@link LogisticTrainer#l2(double) L2 lambda = 1} (which keeps
 * the fit finite when a criterion separates the classes or two criteria are collinear),
 * {@link Scaling#standard()}, tiers A 0.10, B 0.25, C 0.35, D 0.30, and label 1 as the good outcome.
 */
public final class ScorecardTrainer {

    private static final Map<String, Double> DEFAULT_TIERS = defaultTiers();

    private final NumericBinner numericBinner;
    private final CategoricalBinner categoricalBinner;
    private final LogisticTrainer logisticTrainer;
    private final Scaling scaling;
    private final Map<String, Double> tierShares;
    private final int goodLabel;

    private ScorecardTrainer(NumericBinner numericBinner, CategoricalBinner categoricalBinner,
                             LogisticTrainer logisticTrainer, Scaling scaling, Map<String, Double> tierShares,
                             int goodLabel) {
        this.numericBinner = numericBinner;
        this.categoricalBinner = categoricalBinner;
        this.logisticTrainer = logisticTrainer;
        this.scaling = scaling;
        this.tierShares = tierShares;
        this.goodLabel = goodLabel;
    }

    /** The defaults listed in the class comment. */
    public static ScorecardTrainer defaults() {
        return new ScorecardTrainer(NumericBinner.defaults(), CategoricalBinner.defaults(), LogisticTrainer.l2(1),
                Scaling.standard(), DEFAULT_TIERS, 1);
    }

    /** The same settings with this binner for numeric features (features with fixed splits use its splits). */
    public ScorecardTrainer withNumericBinner(NumericBinner binner) {
        return new ScorecardTrainer(Objects.requireNonNull(binner, "binner"), categoricalBinner, logisticTrainer,
                scaling, tierShares, goodLabel);
    }

    /** The same settings with this binner for categorical features. */
    public ScorecardTrainer withCategoricalBinner(CategoricalBinner binner) {
        return new ScorecardTrainer(numericBinner, Objects.requireNonNull(binner, "binner"), logisticTrainer,
                scaling, tierShares, goodLabel);
    }

    /** The same settings with this logistic regression. */
    public ScorecardTrainer withLogisticTrainer(LogisticTrainer trainer) {
        return new ScorecardTrainer(numericBinner, categoricalBinner, Objects.requireNonNull(trainer, "trainer"),
                scaling, tierShares, goodLabel);
    }

    /** The same settings with this points scale. */
    public ScorecardTrainer withScaling(Scaling scaling) {
        return new ScorecardTrainer(numericBinner, categoricalBinner, logisticTrainer,
                Objects.requireNonNull(scaling, "scaling"), tierShares, goodLabel);
    }

    /**
     * The same settings with these tiers: names to shares of the training population, best first in
     * iteration order (use a {@link LinkedHashMap}); each share in (0, 1], summing to 1 within 1e-9.
     */
    public ScorecardTrainer withTiers(Map<String, Double> shares) {
        Objects.requireNonNull(shares, "shares");
        Validate.isTrue(!shares.isEmpty(), "at least one tier is needed");
        double sum = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            Validate.isTrue(e.getKey() != null && !e.getKey().isBlank(), "tier names must not be blank");
            Double share = e.getValue();
            Validate.isTrue(share != null && share > 0 && share <= 1,
                    "share of tier '" + e.getKey() + "' must be in (0, 1], got " + share);
            sum += share;
        }
        Validate.isTrue(Math.abs(sum - 1) <= 1e-9, "tier shares must sum to 1, got " + sum);
        return new ScorecardTrainer(numericBinner, categoricalBinner, logisticTrainer, scaling,
                Collections.unmodifiableMap(new LinkedHashMap<>(shares)), goodLabel);
    }

    /**
     * The same settings with this label (0 or 1) as the good outcome whose odds the score ranks up.
     * 1 suits "ideal customer", "won", "retained"; 0 suits credit risk, where 1 is a default.
     */
    public ScorecardTrainer withGoodLabel(int goodLabel) {
        Validate.isTrue(goodLabel == 0 || goodLabel == 1, "goodLabel must be 0 or 1, got " + goodLabel);
        return new ScorecardTrainer(numericBinner, categoricalBinner, logisticTrainer, scaling, tierShares, goodLabel);
    }

    /**
     * Trains a scorecard.
     *
     * @param features one or more features with unique names, each with one value per label
     * @param labels   0 or 1 per row
     * @throws InputException            on malformed input (lengths, labels, duplicate names, infinite values)
     * @throws InsufficientDataException if there are no rows, a single class, or the regression cannot be fitted
     */
    public Scorecard fit(List<Feature> features, int[] labels) {
        Objects.requireNonNull(features, "features");
        Validate.isTrue(!features.isEmpty(), "a scorecard needs at least one feature");
        if (labels == null) {
            throw new InputException("labels must not be null");
        }
        int n = labels.length;
        Set<String> names = new HashSet<>();
        for (Feature f : features) {
            Objects.requireNonNull(f, "feature");
            Validate.isTrue(names.add(f.name()), "feature '" + f.name() + "' appears more than once");
            if (f.size() != n) {
                throw new InputException("feature '" + f.name() + "' has " + f.size() + " values for " + n + " labels");
            }
        }
        if (n == 0) {
            throw new InsufficientDataException("cannot train a scorecard: no rows");
        }
        int k = features.size();
        List<Binning> binnings = new ArrayList<>(k);
        int[][] bins = new int[k][];
        for (int j = 0; j < k; j++) {
            Feature f = features.get(j);
            Binning b;
            if (f instanceof Feature.Numeric num) {
                NumericBinner binner = num.splits() == null ? numericBinner : numericBinner.withSplits(num.splits());
                b = binner.fit(num.name(), num.values(), labels);
                bins[j] = b.binIndices(num.values());
            } else {
                Feature.Categorical cat = (Feature.Categorical) f;
                b = categoricalBinner.fit(cat.name(), cat.values(), labels);
                bins[j] = b.binIndices(cat.values());
            }
            binnings.add(b);
        }

        double[] design = new double[Math.multiplyExact(n, k)];
        for (int j = 0; j < k; j++) {
            double[] woe = woeTable(binnings.get(j));
            int[] idx = bins[j];
            for (int i = 0; i < n; i++) {
                design[i * k + j] = woe[idx[i]];
            }
        }
        LogisticModel model = logisticTrainer.fit(design, k, labels);

        double factor = scaling.factor();
        double offset = scaling.offset();
        double sign = goodLabel == 1 ? 1 : -1;
        double alpha = model.intercept();
        double[] beta = model.coefficients();
        int[][] points = new int[k][];
        for (int j = 0; j < k; j++) {
            List<Bin> jb = binnings.get(j).bins();
            points[j] = new int[jb.size()];
            for (int b = 0; b < jb.size(); b++) {
                double raw = sign * (beta[j] * jb.get(b).woe() + alpha / k) * factor + offset / k;
                if (!(Math.abs(raw) <= 1e9)) {
                    throw new InputException("points of criterion '" + binnings.get(j).name() + "', bin " + b
                            + " would be " + raw + "; the scaling " + scaling + " or the fit is out of range");
                }
                points[j][b] = (int) Math.round(raw);
            }
        }

        int[] scores = new int[n];
        List<Criterion> criteria = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            int[] idx = bins[j];
            int[] pts = points[j];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                scores[i] += pts[idx[i]];
                sum += pts[idx[i]];
            }
            List<Integer> boxed = Arrays.stream(pts).boxed().toList();
            criteria.add(new Criterion(binnings.get(j).name(), binnings.get(j), beta[j], boxed, sum / n));
        }
        return new Scorecard(criteria, model, scaling, goodLabel, tiers(scores));
    }

    /** Cut-offs from the training scores (see the class comment). */
    List<Tier> tiers(int[] scores) {
        int n = scores.length;
        int[] sorted = scores.clone();
        Arrays.sort(sorted);
        List<Tier> tiers = new ArrayList<>(tierShares.size());
        double cumulative = 0;
        int i = 0;
        int previousCut = Integer.MAX_VALUE;
        long previousCount = 0;
        for (Map.Entry<String, Double> e : tierShares.entrySet()) {
            cumulative += e.getValue();
            boolean last = ++i == tierShares.size();
            int cut;
            if (last) {
                cut = Integer.MIN_VALUE;
            } else {
                // position (1-based, from the top) of the last account within the cumulative share
                long position = Math.max(1, Math.min(n, (long) Math.ceil(cumulative * n - 1e-9)));
                cut = Math.min(previousCut, sorted[(int) (n - position)]);
            }
            long atOrAbove = n - lowerBound(sorted, cut);
            tiers.add(new Tier(e.getKey(), e.getValue(), cut, (double) (atOrAbove - previousCount) / n));
            previousCount = atOrAbove;
            previousCut = cut;
        }
        return tiers;
    }

    /** Index of the first element &ge; value in an ascending array. */
    private static int lowerBound(int[] sorted, int value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] woeTable(Binning b) {
        double[] woe = new double[b.size()];
        for (int i = 0; i < woe.length; i++) {
            woe[i] = b.bins().get(i).woe();
        }
        return woe;
    }

    private static Map<String, Double> defaultTiers() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("A", 0.10);
        m.put("B", 0.25);
        m.put("C", 0.35);
        m.put("D", 0.30);
        return Collections.unmodifiableMap(m);
    }
}
