package org.icpengine.stats.cluster;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Cluster data in the form the distance loops need: standardized numeric values row-major
 * ({@code z[i*p + j]}) and categorical values as codes into each column's sorted distinct values
 * ({@code codes[i*q + l]}).
 */
final class Encoded {

    final int n;
    final int p;
    final int q;
    final double[] z;
    final int[] codes;
    final String[][] levels;

    private Encoded(int n, int p, int q, double[] z, int[] codes, String[][] levels) {
        this.n = n;
        this.p = p;
        this.q = q;
        this.z = z;
        this.codes = codes;
        this.levels = levels;
    }

    static Encoded of(ClusterData data, double[] center, double[] scale) {
        int n = data.size();
        int p = data.numericColumns().size();
        int q = data.categoricalColumns().size();
        double[] z = new double[n * p];
        for (int j = 0; j < p; j++) {
            double[] col = data.numericColumn(j);
            for (int i = 0; i < n; i++) {
                z[i * p + j] = (col[i] - center[j]) / scale[j];
            }
        }
        int[] codes = new int[n * q];
        String[][] levels = new String[q][];
        for (int l = 0; l < q; l++) {
            String[] col = data.categoricalColumn(l);
            levels[l] = new TreeSet<>(Arrays.asList(col)).toArray(new String[0]);
            for (int i = 0; i < n; i++) {
                codes[i * q + l] = Arrays.binarySearch(levels[l], col[i]);
            }
        }
        return new Encoded(n, p, q, z, codes, levels);
    }

    /** The code of {@code value} in column l, or -1 if the data never has it. */
    int code(int l, String value) {
        int c = value == null ? -1 : Arrays.binarySearch(levels[l], value);
        return c >= 0 ? c : -1;
    }

    /** Mixed distance of row i to a prototype (standardized numeric part, categorical codes). */
    double toPrototype(int i, double[] numeric, int[] modes, double gamma) {
        double d = 0;
        int base = i * p;
        for (int j = 0; j < p; j++) {
            double t = z[base + j] - numeric[j];
            d += t * t;
        }
        int mismatches = 0;
        int cb = i * q;
        for (int l = 0; l < q; l++) {
            if (codes[cb + l] != modes[l]) {
                mismatches++;
            }
        }
        return d + gamma * mismatches;
    }

    /** Mixed distance between rows i and j. */
    double between(int i, int j, double gamma) {
        double d = 0;
        int bi = i * p;
        int bj = j * p;
        for (int k = 0; k < p; k++) {
            double t = z[bi + k] - z[bj + k];
            d += t * t;
        }
        int mismatches = 0;
        int ci = i * q;
        int cj = j * q;
        for (int l = 0; l < q; l++) {
            if (codes[ci + l] != codes[cj + l]) {
                mismatches++;
            }
        }
        return d + gamma * mismatches;
    }
}
