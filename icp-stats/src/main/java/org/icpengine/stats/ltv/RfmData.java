package org.icpengine.stats.ltv;

import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.internal.Validate;

/**
 * Validated frequency/recency summaries {@code (x, t_x, T)}, with identical customers merged into
 * weighted groups so that a likelihood evaluation touches each distinct summary once.
 */
final class RfmData {

    /** Per group: repeat purchases, time of last purchase, length of observation, number of customers. */
    final int[] x;
    final double[] tx;
    final double[] t;
    final double[] weight;
    /** Per group: index into {@link #distinctX}. */
    final int[] xIndex;
    /** The distinct values of x, ascending. */
    final int[] distinctX;
    final int customers;
    final double meanX;
    final double meanT;

    private RfmData(int[] x, double[] tx, double[] t, double[] weight, int[] xIndex, int[] distinctX, int customers,
            double meanX, double meanT) {
        this.x = x;
        this.tx = tx;
        this.t = t;
        this.weight = weight;
        this.xIndex = xIndex;
        this.distinctX = distinctX;
        this.customers = customers;
        this.meanX = meanX;
        this.meanT = meanT;
    }

    int groups() {
        return x.length;
    }

    /**
     * Validates and groups the summaries of a fit.
     *
     * @throws InputException on null or different-length arrays or an invalid summary (message names the index)
     * @throws InsufficientDataException on empty input or when nobody made a repeat purchase
     */
    static RfmData of(int[] x, double[] tx, double[] t, String model) {
        Validate.isTrue(x != null && tx != null && t != null, model + ": x, t_x and T must not be null");
        Validate.isTrue(x.length == tx.length && x.length == t.length, model
                + ": x, t_x and T must have the same length, got " + x.length + ", " + tx.length + " and " + t.length);
        int n = x.length;
        if (n == 0) {
            throw new InsufficientDataException(model + ": no customers to fit");
        }
        boolean anyRepeat = false;
        double sumX = 0;
        double sumT = 0;
        for (int i = 0; i < n; i++) {
            checkCustomer(x[i], tx[i], t[i], i, false);
            anyRepeat |= x[i] > 0;
            sumX += x[i];
            sumT += t[i];
        }
        if (!anyRepeat) {
            throw new InsufficientDataException(model + ": none of the " + n
                    + " customers made a repeat purchase (every x = 0), so the purchase and dropout processes "
                    + "cannot be told apart");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        mergeSort(order, new int[n], 0, n, x, tx, t);
        int groups = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || compare(order[k - 1], order[k], x, tx, t) != 0) {
                groups++;
            }
        }
        int[] gx = new int[groups];
        double[] gtx = new double[groups];
        double[] gt = new double[groups];
        double[] w = new double[groups];
        int g = -1;
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (k == 0 || compare(order[k - 1], i, x, tx, t) != 0) {
                g++;
                gx[g] = x[i];
                gtx[g] = tx[i];
                gt[g] = t[i];
                if (g == 0 || gx[g] != gx[g - 1]) {
                    distinct++;
                }
            }
            w[g]++;
        }
        int[] dx = new int[distinct];
        int[] xIndex = new int[groups];
        int d = -1;
        for (g = 0; g < groups; g++) {
            if (g == 0 || gx[g] != gx[g - 1]) {
                dx[++d] = gx[g];
            }
            xIndex[g] = d;
        }
        return new RfmData(gx, gtx, gt, w, xIndex, dx, n, sumX / n, sumT / n);
    }

    /**
     * Checks one summary: {@code x >= 0}, {@code T} finite and {@code > 0} (or {@code >= 0} when
     * {@code allowZeroT}), {@code 0 <= t_x <= T}, and {@code t_x = 0} when {@code x = 0}.
     */
    static void checkCustomer(int x, double tx, double t, int index, boolean allowZeroT) {
        String at = index >= 0 ? "[" + index + "]" : "";
        if (x < 0) {
            throw new InputException("x" + at + " (repeat purchases) must be >= 0, got " + x);
        }
        if (!(allowZeroT ? t >= 0 : t > 0) || Double.isInfinite(t)) {
            throw new InputException("T" + at + " (length of observation) must be a finite number "
                    + (allowZeroT ? ">= 0" : "> 0") + ", got " + t);
        }
        if (!(tx >= 0 && tx <= t)) {
            throw new InputException("t_x" + at + " (time of the last purchase) must be in [0, T = " + t + "], got " + tx);
        }
        if (x == 0 && tx != 0) {
            throw new InputException("t_x" + at + " must be 0 for a customer with no repeat purchase (x = 0), got " + tx);
        }
    }

    private static int compare(int i, int j, int[] x, double[] tx, double[] t) {
        int c = Integer.compare(x[i], x[j]);
        if (c != 0) {
            return c;
        }
        c = Double.compare(tx[i], tx[j]);
        return c != 0 ? c : Double.compare(t[i], t[j]);
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, int[] x, double[] tx, double[] t) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, x, tx, t);
        mergeSort(a, tmp, mid, to, x, tx, t);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            tmp[k++] = compare(a[i], a[j], x, tx, t) <= 0 ? a[i++] : a[j++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
    }
}
