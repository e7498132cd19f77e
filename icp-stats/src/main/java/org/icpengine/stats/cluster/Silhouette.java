package org.icpengine.stats.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;

/**
 * The mean silhouette of a clustering (Rousseeuw 1987, J. Comput. Appl. Math. 20:53) under the model's
 * own k-prototypes dissimilarity (squared standardized Euclidean plus gamma per categorical mismatch,
 * used as is, not square-rooted).
 *
 * <p>For a row i in cluster A: a(i) = mean dissimilarity to the other members of A, b(i) = the lowest
 * mean dissimilarity to the members of another cluster, s(i) = (b − a) / max(a, b); s(i) = 0 when i is
 * alone in its cluster (Rousseeuw's convention) or when a = b = 0. The score is the mean of s(i), in
 * [−1, 1]; higher means tighter, better separated clusters.
 *
 * <p><b>Sampling.</b> The exact silhouette is O(n²). Above {@code sampleSize} rows a uniform sample of
 * {@code sampleSize} rows is drawn without replacement (partial Fisher-Yates with a
 * {@link SplittableRandom} of the given seed) and the silhouette is computed within the sample; at or
 * below it every row is used and the seed is irrelevant.
 */
public final class Silhouette {

    /** The default sample size: 2000 rows (four million dissimilarities). */
    public static final int DEFAULT_SAMPLE_SIZE = 2000;

    private Silhouette() {
    }

    /** The mean silhouette of the model's assignment of {@code data}, sampled above {@value #DEFAULT_SAMPLE_SIZE} rows. */
    public static double score(KPrototypesModel model, ClusterData data, long seed) {
        return score(model, data, DEFAULT_SAMPLE_SIZE, seed);
    }

    /**
     * The mean silhouette of the model's assignment of {@code data}.
     *
     * @param sampleSize rows used at most, at least 2
     * @throws InsufficientDataException if the rows used fall in fewer than two clusters
     * @throws org.icpengine.errors.InputException if the data's columns differ from the model's
     */
    public static double score(KPrototypesModel model, ClusterData data, int sampleSize, long seed) {
        Validate.isTrue(model != null, "model must not be null");
        Validate.isTrue(sampleSize >= 2, "sampleSize must be >= 2, got " + sampleSize);
        model.checkColumns(data);
        Encoded e = Encoded.of(data, model.center(), model.scale());
        int[][] modeCodes = model.modeCodes(e);
        int n = e.n;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        int m = n;
        if (n > sampleSize) {
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = 0; i < sampleSize; i++) {
                int j = i + rng.nextInt(n - i);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            m = sampleSize;
        }
        int k = model.k();
        int[] label = new int[m];
        int[] count = new int[k];
        for (int a = 0; a < m; a++) {
            label[a] = model.nearest(e, rows[a], modeCodes);
            count[label[a]]++;
        }
        int present = 0;
        for (int c : count) {
            present += c > 0 ? 1 : 0;
        }
        if (present < 2) {
            throw new InsufficientDataException("the silhouette needs rows in at least two clusters; all " + m
                    + " rows used fall in one");
        }
        double gamma = model.gamma();
        double[] sum = new double[k];
        double total = 0;
        for (int a = 0; a < m; a++) {
            Arrays.fill(sum, 0);
            int i = rows[a];
            for (int b = 0; b < m; b++) {
                if (b != a) {
                    sum[label[b]] += e.between(i, rows[b], gamma);
                }
            }
            int own = label[a];
            if (count[own] == 1) {
                continue; // s(i) = 0
            }
            double ai = sum[own] / (count[own] - 1);
            double bi = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    bi = Math.min(bi, sum[c] / count[c]);
                }
            }
            double max = Math.max(ai, bi);
            if (max > 0) {
                total += (bi - ai) / max;
            }
        }
        return total / m;
    }
}
