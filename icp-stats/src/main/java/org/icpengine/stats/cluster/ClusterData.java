package org.icpengine.stats.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.icpengine.stats.internal.Validate;

/**
 * The rows to cluster: named numeric and categorical columns of equal length, complete (no NaN,
 * infinity or {@code null}: map missing values to a category such as "unknown", or impute, before
 * clustering). Immutable; the builder copies the arrays it is given.
 */
public final class ClusterData {

    private final int rows;
    private final List<String> numericNames;
    private final List<String> categoricalNames;
    private final double[][] numeric; // [column][row]
    private final String[][] categorical; // [column][row]

    private ClusterData(int rows, List<String> numericNames, List<double[]> numeric, List<String> categoricalNames,
            List<String[]> categorical) {
        this.rows = rows;
        this.numericNames = List.copyOf(numericNames);
        this.categoricalNames = List.copyOf(categoricalNames);
        this.numeric = numeric.toArray(new double[0][]);
        this.categorical = categorical.toArray(new String[0][]);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of rows. */
    public int size() {
        return rows;
    }

    /** The numeric column names, in the order they were added. */
    public List<String> numericColumns() {
        return numericNames;
    }

    /** The categorical column names, in the order they were added. */
    public List<String> categoricalColumns() {
        return categoricalNames;
    }

    double numeric(int column, int row) {
        return numeric[column][row];
    }

    double[] numericColumn(int column) {
        return numeric[column];
    }

    String[] categoricalColumn(int column) {
        return categorical[column];
    }

    /** Collects columns; every column must have the same number of rows. Not thread-safe. */
    public static final class Builder {

        private final List<String> numericNames = new ArrayList<>();
        private final List<double[]> numeric = new ArrayList<>();
        private final List<String> categoricalNames = new ArrayList<>();
        private final List<String[]> categorical = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private int rows = -1;

        private Builder() {
        }

        /**
         * Adds a numeric column.
         *
         * @throws org.icpengine.errors.InputException on a blank or repeated name, a row count that
         *     differs from earlier columns, or a value that is NaN or infinite
         */
        public Builder numeric(String name, double[] values) {
            check(name, values == null ? -1 : values.length);
            for (int i = 0; i < values.length; i++) {
                Validate.isTrue(Double.isFinite(values[i]),
                        "numeric column '" + name + "' row " + i + " must be finite, got " + values[i]);
            }
            numericNames.add(name);
            numeric.add(values.clone());
            accept(name, values.length);
            return this;
        }

        /**
         * Adds a categorical column; values are compared exactly (case-sensitive).
         *
         * @throws org.icpengine.errors.InputException on a blank or repeated name, a row count that
         *     differs from earlier columns, or a {@code null} value
         */
        public Builder categorical(String name, String[] values) {
            check(name, values == null ? -1 : values.length);
            for (int i = 0; i < values.length; i++) {
                Validate.isTrue(values[i] != null, "categorical column '" + name + "' row " + i + " is null");
            }
            categoricalNames.add(name);
            categorical.add(values.clone());
            accept(name, values.length);
            return this;
        }

        /**
         * The data.
         *
         * @throws org.icpengine.errors.InputException without any column or without rows
         */
        public ClusterData build() {
            Validate.isTrue(!names.isEmpty(), "cluster data needs at least one column");
            Validate.isTrue(rows > 0, "cluster data needs at least one row");
            return new ClusterData(rows, numericNames, numeric, categoricalNames, categorical);
        }

        private void check(String name, int n) {
            Validate.isTrue(name != null && !name.isBlank(), "column name must not be blank");
            Validate.isTrue(!names.contains(name), "column '" + name + "' was added twice");
            Validate.isTrue(n >= 0, "values of '" + name + "' must not be null");
            Validate.isTrue(rows < 0 || n == rows, "column '" + name + "' has " + n + " rows; earlier columns have " + rows);
        }

        private void accept(String name, int n) {
            names.add(name);
            rows = n;
        }
    }
}
