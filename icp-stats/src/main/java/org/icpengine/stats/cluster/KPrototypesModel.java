package org.icpengine.stats.cluster;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.icpengine.stats.internal.Validate;

/**
 * A fitted k-prototypes clustering: k prototypes (numeric means and categorical modes), the scaling of
 * the numeric columns, the categorical weight gamma, and how the fit went.
 *
 * <p>The distance of a row to a prototype is {@code Σ_j ((x_j − center_j)/scale_j − m_j)² + gamma ·
 * #{l : x_l ≠ mode_l}}, with prototype means m_j stored in standardized units so that a model loaded
 * from JSON assigns bit-identically. {@link #numericCentroid} gives them back in original units.
 *
 * <p>Immutable and thread-safe. JSON properties: {@code numericColumns, categoricalColumns, center,
 * scale, gamma, centroids, modes, sizes, cost, iterations, converged, seed}.
 */
public final class KPrototypesModel {

    private final List<String> numericColumns;
    private final List<String> categoricalColumns;
    private final double[] center;
    private final double[] scale;
    private final double gamma;
    private final double[][] centroids;
    private final String[][] modes;
    private final int[] sizes;
    private final double cost;
    private final int iterations;
    private final boolean converged;
    private final long seed;

    /**
     * A model from its parts (as read from JSON); validated and copied.
     *
     * @param center per numeric column, the mean subtracted before scaling
     * @param scale per numeric column, the divisor ({@code > 0})
     * @param centroids per cluster, the standardized numeric means
     * @param modes per cluster, the categorical modes
     * @param sizes per cluster, training rows nearest to it
     * @param cost the total distance of the training rows to their nearest prototype
     */
    @JsonCreator
    public KPrototypesModel(@JsonProperty("numericColumns") List<String> numericColumns,
            @JsonProperty("categoricalColumns") List<String> categoricalColumns,
            @JsonProperty("center") double[] center, @JsonProperty("scale") double[] scale,
            @JsonProperty("gamma") double gamma, @JsonProperty("centroids") double[][] centroids,
            @JsonProperty("modes") String[][] modes, @JsonProperty("sizes") int[] sizes,
            @JsonProperty("cost") double cost, @JsonProperty("iterations") int iterations,
            @JsonProperty("converged") boolean converged, @JsonProperty("seed") long seed) {
        Validate.isTrue(numericColumns != null && categoricalColumns != null, "column lists must not be null");
        this.numericColumns = List.copyOf(numericColumns);
        this.categoricalColumns = List.copyOf(categoricalColumns);
        int p = this.numericColumns.size();
        int q = this.categoricalColumns.size();
        Validate.isTrue(p + q > 0, "a model needs at least one column");
        Validate.isTrue(center != null && center.length == p, "center must have one value per numeric column (" + p + ")");
        Validate.isTrue(scale != null && scale.length == p, "scale must have one value per numeric column (" + p + ")");
        for (int j = 0; j < p; j++) {
            Validate.isTrue(Double.isFinite(center[j]), "center[" + j + "] must be finite, got " + center[j]);
            Validate.positive(scale[j], "scale[" + j + "]");
        }
        Validate.positive(gamma, "gamma");
        Validate.isTrue(centroids != null && centroids.length >= 1, "a model needs at least one centroid");
        int k = centroids.length;
        Validate.isTrue(modes != null && modes.length == k, "modes must have one row per centroid (" + k + ")");
        Validate.isTrue(sizes != null && sizes.length == k, "sizes must have one value per centroid (" + k + ")");
        this.centroids = new double[k][];
        this.modes = new String[k][];
        for (int c = 0; c < k; c++) {
            Validate.isTrue(centroids[c] != null && centroids[c].length == p,
                    "centroids[" + c + "] must have " + p + " values");
            for (double v : centroids[c]) {
                Validate.isTrue(Double.isFinite(v), "centroids[" + c + "] must be finite");
            }
            Validate.isTrue(modes[c] != null && modes[c].length == q, "modes[" + c + "] must have " + q + " values");
            for (String m : modes[c]) {
                Validate.isTrue(m != null, "modes[" + c + "] must not contain null");
            }
            Validate.isTrue(sizes[c] >= 0, "sizes[" + c + "] must be >= 0, got " + sizes[c]);
            this.centroids[c] = centroids[c].clone();
            this.modes[c] = modes[c].clone();
        }
        this.center = center.clone();
        this.scale = scale.clone();
        this.gamma = gamma;
        this.sizes = sizes.clone();
        Validate.nonNegative(cost, "cost");
        Validate.isTrue(iterations >= 0, "iterations must be >= 0, got " + iterations);
        this.cost = cost;
        this.iterations = iterations;
        this.converged = converged;
        this.seed = seed;
    }

    /** The number of clusters. */
    public int k() {
        return centroids.length;
    }

    /**
     * The nearest cluster (0-based) of one row; ties go to the lower cluster number. A missing value —
     * NaN numeric or {@code null} categorical — is skipped: it adds the same to every cluster's
     * distance. A category never seen as a mode matches no prototype.
     *
     * @param numeric values in {@link #numericColumns()} order
     * @param categorical values in {@link #categoricalColumns()} order
     * @throws org.icpengine.errors.InputException on wrong lengths or an infinite value
     */
    public int assign(double[] numeric, String[] categorical) {
        Validate.isTrue(numeric != null && numeric.length == center.length,
                "numeric row must have " + center.length + " values " + numericColumns);
        Validate.isTrue(categorical != null && categorical.length == categoricalColumns.size(),
                "categorical row must have " + categoricalColumns.size() + " values " + categoricalColumns);
        double[] z = new double[numeric.length];
        for (int j = 0; j < z.length; j++) {
            Validate.isTrue(!Double.isInfinite(numeric[j]), "numeric value '" + numericColumns.get(j) + "' is infinite");
            z[j] = (numeric[j] - center[j]) / scale[j];
        }
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = 0;
            for (int j = 0; j < z.length; j++) {
                if (!Double.isNaN(z[j])) {
                    double t = z[j] - centroids[c][j];
                    d += t * t;
                }
            }
            int mismatches = 0;
            for (int l = 0; l < categorical.length; l++) {
                if (categorical[l] != null && !categorical[l].equals(modes[c][l])) {
                    mismatches++;
                }
            }
            d += gamma * mismatches;
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /**
     * The nearest cluster of every row of {@code data}, which must have this model's columns (same
     * names, same order).
     */
    public int[] assign(ClusterData data) {
        checkColumns(data);
        Encoded e = Encoded.of(data, center, scale);
        int[][] modeCodes = modeCodes(e);
        int[] labels = new int[e.n];
        for (int i = 0; i < e.n; i++) {
            labels[i] = nearest(e, i, modeCodes);
        }
        return labels;
    }

    int nearest(Encoded e, int i, int[][] modeCodes) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = e.toPrototype(i, centroids[c], modeCodes[c], gamma);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    int[][] modeCodes(Encoded e) {
        int[][] out = new int[centroids.length][e.q];
        for (int c = 0; c < out.length; c++) {
            for (int l = 0; l < e.q; l++) {
                out[c][l] = e.code(l, modes[c][l]);
            }
        }
        return out;
    }

    void checkColumns(ClusterData data) {
        Validate.isTrue(data != null, "data must not be null");
        Validate.isTrue(data.numericColumns().equals(numericColumns) && data.categoricalColumns().equals(categoricalColumns),
                "data columns numeric " + data.numericColumns() + ", categorical " + data.categoricalColumns()
                        + " do not match the model's numeric " + numericColumns + ", categorical " + categoricalColumns);
    }

    /** The prototype's numeric means in the columns' original units. */
    public double[] numericCentroid(int cluster) {
        checkCluster(cluster);
        double[] out = new double[center.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = center[j] + scale[j] * centroids[cluster][j];
        }
        return out;
    }

    /** The prototype's categorical modes. */
    public List<String> categoricalMode(int cluster) {
        checkCluster(cluster);
        return List.of(modes[cluster]);
    }

    /** The number of training rows nearest to the cluster. */
    public int size(int cluster) {
        checkCluster(cluster);
        return sizes[cluster];
    }

    private void checkCluster(int cluster) {
        Validate.isTrue(cluster >= 0 && cluster < centroids.length,
                "cluster must be in [0, " + (centroids.length - 1) + "], got " + cluster);
    }

    @JsonProperty("numericColumns")
    public List<String> numericColumns() {
        return numericColumns;
    }

    @JsonProperty("categoricalColumns")
    public List<String> categoricalColumns() {
        return categoricalColumns;
    }

    /** Per numeric column, the training mean subtracted before scaling. */
    @JsonProperty("center")
    public double[] center() {
        return center.clone();
    }

    /** Per numeric column, the training standard deviation (1 for a constant column). */
    @JsonProperty("scale")
    public double[] scale() {
        return scale.clone();
    }

    /** The weight of one categorical mismatch relative to squared standardized numeric distance. */
    @JsonProperty("gamma")
    public double gamma() {
        return gamma;
    }

    /** Per cluster, the standardized numeric means (a copy). */
    @JsonProperty("centroids")
    public double[][] centroids() {
        double[][] out = new double[centroids.length][];
        for (int c = 0; c < out.length; c++) {
            out[c] = centroids[c].clone();
        }
        return out;
    }

    /** Per cluster, the categorical modes (a copy). */
    @JsonProperty("modes")
    public String[][] modes() {
        String[][] out = new String[modes.length][];
        for (int c = 0; c < out.length; c++) {
            out[c] = modes[c].clone();
        }
        return out;
    }

    /** Per cluster, the number of training rows nearest to it (a copy). */
    @JsonProperty("sizes")
    public int[] sizes() {
        return sizes.clone();
    }

    /** The total distance of the training rows to their nearest prototype (the k-prototypes cost). */
    @JsonProperty("cost")
    public double cost() {
        return cost;
    }

    /** Assignment passes run by the best restart. */
    @JsonProperty("iterations")
    public int iterations() {
        return iterations;
    }

    /** Whether the best restart stopped because no assignment changed (rather than at the iteration cap). */
    @JsonProperty("converged")
    public boolean converged() {
        return converged;
    }

    /** The seed the fit was run with. */
    @JsonProperty("seed")
    public long seed() {
        return seed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KPrototypesModel m
                && numericColumns.equals(m.numericColumns) && categoricalColumns.equals(m.categoricalColumns)
                && Arrays.equals(center, m.center) && Arrays.equals(scale, m.scale)
                && Double.compare(gamma, m.gamma) == 0 && Arrays.deepEquals(centroids, m.centroids)
                && Arrays.deepEquals(modes, m.modes) && Arrays.equals(sizes, m.sizes)
                && Double.compare(cost, m.cost) == 0 && iterations == m.iterations
                && converged == m.converged && seed == m.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(numericColumns, categoricalColumns, Arrays.hashCode(center), Arrays.hashCode(scale), gamma,
                Arrays.deepHashCode(centroids), Arrays.deepHashCode(modes), Arrays.hashCode(sizes), cost, iterations,
                converged, seed);
    }

    @Override
    public String toString() {
        return "KPrototypesModel[k=" + k() + ", numeric=" + numericColumns + ", categorical=" + categoricalColumns
                + ", gamma=" + gamma + ", sizes=" + Arrays.toString(sizes) + ", cost=" + cost + ", converged=" + converged + "]";
    }
}
