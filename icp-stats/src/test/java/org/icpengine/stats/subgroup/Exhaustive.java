package org.icpengine.stats.subgroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A brute-force reference for the tests: every conjunction of nominal equality conditions on distinct
 * attributes up to a depth, enumerated depth-first over plain row-index lists, with StandardQF(a) and
 * the redundancy rule computed independently of the production bitsets and beam.
 */
final class Exhaustive {

    /** One conjunction: its conditions ("attribute=value", in attribute order), size and positives. */
    record Found(List<String> conditions, int size, int positives) {
    }

    private final String[][] columns;
    private final String[] names;
    private final boolean[] target;
    private final int n;
    private final int totalPositives;
    private final List<List<String>> values = new ArrayList<>();
    final List<Found> all = new ArrayList<>();
    private final Map<List<String>, Found> byConditions = new HashMap<>();

    Exhaustive(String[] names, String[][] columns, boolean[] target, int depth) {
        this.names = names;
        this.columns = columns;
        this.target = target;
        this.n = target.length;
        int p = 0;
        for (boolean b : target) {
            p += b ? 1 : 0;
        }
        this.totalPositives = p;
        for (String[] c : columns) {
            values.add(List.copyOf(new TreeSet<>(List.of(c))));
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        dfs(0, depth, rows, new ArrayList<>());
    }

    private void dfs(int fromAttribute, int depth, int[] rows, List<String> conditions) {
        if (conditions.size() == depth) {
            return;
        }
        for (int a = fromAttribute; a < columns.length; a++) {
            for (String v : values.get(a)) {
                int[] next = new int[rows.length];
                int size = 0;
                int positives = 0;
                for (int i : rows) {
                    if (columns[a][i].equals(v)) {
                        next[size++] = i;
                        positives += target[i] ? 1 : 0;
                    }
                }
                if (size == 0) {
                    continue;
                }
                conditions.add(names[a] + "=" + v);
                Found f = new Found(List.copyOf(conditions), size, positives);
                all.add(f);
                byConditions.put(f.conditions(), f);
                dfs(a + 1, depth, java.util.Arrays.copyOf(next, size), conditions);
                conditions.remove(conditions.size() - 1);
            }
        }
    }

    double quality(Found f, double alpha) {
        return Math.pow((double) f.size() / n, alpha) * ((double) f.positives() / f.size() - (double) totalPositives / n);
    }

    /** Whether a conjunction's quality is strictly above each conjunction with one condition removed. */
    boolean beatsGeneralisations(Found f, double alpha) {
        double q = quality(f, alpha);
        if (f.conditions().size() == 1) {
            return q > 0;
        }
        for (int drop = 0; drop < f.conditions().size(); drop++) {
            List<String> g = new ArrayList<>(f.conditions());
            g.remove(drop);
            if (!(q > quality(byConditions.get(g), alpha))) {
                return false;
            }
        }
        return true;
    }

    /** The k best qualities, descending, of all conjunctions or of the non-redundant ones. */
    double[] topQualities(int k, double alpha, boolean nonRedundantOnly) {
        return all.stream()
                .filter(f -> !nonRedundantOnly || beatsGeneralisations(f, alpha))
                .mapToDouble(f -> -quality(f, alpha))
                .sorted().limit(k).map(q -> -q).toArray();
    }
}
