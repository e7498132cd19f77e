package org.icpengine.core.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.icpengine.core.engine.ResultTable;

/** The SQL aggregates of one group of accounts (a segment or the population), as read from a result row. */
final class Group {

    private static final int M = SegmentMetric.values().length;

    /** The dimension values, in query order ({@link Arrays#asList} semantics: nulls allowed, equals by value). */
    final List<Object> key;
    final long accounts;
    final long customers;
    /** Per metric ordinal: successes of a rate. */
    final long[] k = new long[M];
    /** Per metric ordinal: trials of a rate, values of a mean, accounts of NRR. */
    final long[] n = new long[M];
    /** Per metric ordinal: mean of a mean metric, NaN for none. */
    final double[] mean = new double[M];
    /** Per metric ordinal: sample standard deviation of a mean metric, NaN for fewer than two values. */
    final double[] sd = new double[M];
    /** NRR sums over the accounts paying 12 months ago: x = MRR then, y = MRR now. */
    final double sx;
    final double sy;
    final double sxx;
    final double syy;
    final double sxy;

    private Group(ResultTable t, int row, int dimensions) {
        Object[] r = t.rows().get(row);
        List<Object> values = new ArrayList<>(dimensions);
        for (int i = 0; i < dimensions; i++) {
            values.add(r[t.index("d" + i)]);
        }
        key = java.util.Collections.unmodifiableList(values);
        accounts = count(r[t.index("accounts")]);
        customers = count(r[t.index("customers")]);
        Arrays.fill(mean, Double.NaN);
        Arrays.fill(sd, Double.NaN);
        for (SegmentMetric m : SegmentMetric.values()) {
            int i = m.ordinal();
            String a = m.metricName();
            switch (m.kind()) {
                case RATE -> {
                    k[i] = count(r[t.index(a + "_k")]);
                    n[i] = count(r[t.index(a + "_n")]);
                }
                case MEAN -> {
                    n[i] = count(r[t.index(a + "_n")]);
                    mean[i] = number(r[t.index(a + "_mean")]);
                    sd[i] = number(r[t.index(a + "_sd")]);
                }
                case RATIO -> n[i] = count(r[t.index("nrr_n")]);
                case MODEL -> {
                    // derived later
                }
            }
        }
        sx = number(r[t.index("nrr_x")]);
        sy = number(r[t.index("nrr_y")]);
        sxx = number(r[t.index("nrr_xx")]);
        syy = number(r[t.index("nrr_yy")]);
        sxy = number(r[t.index("nrr_xy")]);
    }

    /** Every row of an aggregate result, with {@code dimensions} leading columns {@code d0, d1, …}. */
    static List<Group> read(ResultTable t, int dimensions) {
        List<Group> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            out.add(new Group(t, i, dimensions));
        }
        return out;
    }

    private static long count(Object v) {
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static double number(Object v) {
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
