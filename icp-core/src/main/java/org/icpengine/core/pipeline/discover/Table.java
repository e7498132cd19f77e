package org.icpengine.core.pipeline.discover;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.icpengine.core.engine.ResultTable;

/**
 * A subset of the rows of {@code account_metrics} with column access by name: the labelled customers, the
 * ideal ones, all customers. Values are read as the engine returns them (numbers, booleans, text, lists).
 */
final class Table {

    private final ResultTable source;
    private final int[] rows;

    Table(ResultTable source, int[] rows) {
        this.source = source;
        this.rows = rows.clone();
    }

    /** Every row of {@code source} for which {@code keep} holds. */
    static Table where(ResultTable source, java.util.function.Predicate<Object[]> keep) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            if (keep.test(source.rows().get(i))) {
                out.add(i);
            }
        }
        return new Table(source, out.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The rows of {@code source} whose {@code account_id} is a key of {@code ids}, in {@code source} order. */
    static Table ofIds(ResultTable source, Map<String, ?> ids) {
        int id = source.index("account_id");
        return where(source, r -> ids.containsKey((String) r[id]));
    }

    int size() {
        return rows.length;
    }

    boolean has(String column) {
        return source.columns().contains(column);
    }

    Object value(int row, String column) {
        return source.rows().get(rows[row])[source.index(column)];
    }

    /** The column as numbers; {@code NaN} for null or a non-number. */
    double[] numbers(String column) {
        int c = source.index(column);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Object v = source.rows().get(rows[i])[c];
            out[i] = v instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return out;
    }

    /** The column as text ({@code "true"}/{@code "false"} for booleans); {@code null} for null. */
    String[] texts(String column) {
        int c = source.index(column);
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Object v = source.rows().get(rows[i])[c];
            out[i] = v == null ? null : v.toString();
        }
        return out;
    }

    /** The column as lists of text; {@code null} for null. */
    List<List<String>> lists(String column) {
        int c = source.index(column);
        List<List<String>> out = new ArrayList<>(rows.length);
        for (int row : rows) {
            Object v = source.rows().get(row)[c];
            if (v instanceof List<?> l) {
                List<String> s = new ArrayList<>(l.size());
                for (Object o : l) {
                    if (o != null) {
                        s.add(o.toString());
                    }
                }
                out.add(s);
            } else {
                out.add(null);
            }
        }
        return out;
    }

    /** Rows with a non-null value in the column. */
    int present(String column) {
        int c = source.index(column);
        int n = 0;
        for (int row : rows) {
            if (source.rows().get(row)[c] != null) {
                n++;
            }
        }
        return n;
    }

    /** The median of the non-NaN values, or {@code null} if there are none (the mean of the middle two on even counts). */
    static Double median(double[] values) {
        double[] v = java.util.Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return null;
        }
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
