package org.icpengine.stats.subgroup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.icpengine.errors.InputException;
import org.icpengine.stats.internal.Validate;

/**
 * The rows and attributes a subgroup search runs over, and the search space of selectors they imply.
 *
 * <p>A nominal attribute contributes one {@link NominalSelector} per distinct non-null value, in
 * natural (lexicographic) order. A numeric attribute with cut points c1 &lt; … &lt; ck contributes an
 * {@link IntervalSelector} {@code [b_i, b_j)} for every pair i &lt; j of the bounds
 * {−∞, c1, …, ck, +∞} except the unbounded (−∞, +∞): the k+1 bins, the one-sided thresholds and every
 * run of adjacent bins, (k+1)(k+2)/2 − 1 selectors. Because every interval of the grid is a single
 * selector, a conjunction never needs two selectors on one attribute. Selectors that match no row are
 * left out. Attributes keep the order they were added in.
 *
 * <p>Missing values — {@code null} nominal, NaN numeric — match no selector. Immutable; the builder
 * copies the arrays it is given.
 */
public final class SubgroupData {

    private final int rows;
    private final List<Column> columns;
    private final List<SelectorCoverage> space;

    /** One attribute's values. Exactly one of {@code nominal}, {@code numeric} is set. */
    record Column(String name, String[] nominal, double[] numeric, double[] cuts) {
    }

    /** A selector of the search space with its rows as a bitset. */
    record SelectorCoverage(Selector selector, int attribute, long[] bits, int count) {
    }

    private SubgroupData(int rows, List<Column> columns) {
        this.rows = rows;
        this.columns = List.copyOf(columns);
        List<SelectorCoverage> s = new ArrayList<>();
        for (int a = 0; a < columns.size(); a++) {
            Column c = columns.get(a);
            if (c.nominal() != null) {
                Set<String> values = new TreeSet<>();
                for (String v : c.nominal()) {
                    if (v != null) {
                        values.add(v);
                    }
                }
                for (String v : values) {
                    add(s, new NominalSelector(c.name(), v), a);
                }
            } else {
                double[] b = new double[c.cuts().length + 2];
                b[0] = Double.NEGATIVE_INFINITY;
                System.arraycopy(c.cuts(), 0, b, 1, c.cuts().length);
                b[b.length - 1] = Double.POSITIVE_INFINITY;
                for (int i = 0; i < b.length; i++) {
                    for (int j = i + 1; j < b.length; j++) {
                        if (i != 0 || j != b.length - 1) {
                            add(s, new IntervalSelector(c.name(), b[i], b[j]), a);
                        }
                    }
                }
            }
        }
        this.space = List.copyOf(s);
    }

    private void add(List<SelectorCoverage> space, Selector selector, int attribute) {
        long[] bits = coverage(selector);
        int count = Bits.count(bits);
        if (count > 0) {
            space.add(new SelectorCoverage(selector, attribute, bits, count));
        }
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of rows. */
    public int size() {
        return rows;
    }

    /** The attribute names, in the order they were added. */
    public List<String> attributes() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return List.copyOf(names);
    }

    /** The search space: every selector that matches at least one row, in search order. */
    public List<Selector> selectors() {
        List<Selector> out = new ArrayList<>(space.size());
        for (SelectorCoverage s : space) {
            out.add(s.selector());
        }
        return List.copyOf(out);
    }

    /**
     * The rows matched by the conjunction of the given selectors ({@code true} = matched); every row
     * for the empty conjunction. Selectors need not come from the search space (any value or interval
     * on a known attribute).
     *
     * @throws InputException if a selector names an unknown attribute or the wrong
     *     kind of attribute
     */
    public boolean[] covers(List<? extends Selector> conjunction) {
        Validate.isTrue(conjunction != null, "conjunction must not be null");
        long[] bits = Bits.all(rows);
        for (Selector s : conjunction) {
            Bits.and(bits, coverage(s), bits);
        }
        boolean[] out = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = (bits[i >>> 6] & (1L << i)) != 0;
        }
        return out;
    }

    List<SelectorCoverage> space() {
        return space;
    }

    private long[] coverage(Selector selector) {
        Validate.isTrue(selector != null, "selector must not be null");
        Column c = column(selector.attribute());
        long[] bits = new long[Bits.words(rows)];
        if (selector instanceof NominalSelector n) {
            Validate.isTrue(c.nominal() != null, "attribute '" + c.name() + "' is numeric, not nominal");
            String[] values = c.nominal();
            for (int i = 0; i < rows; i++) {
                if (n.value().equals(values[i])) {
                    bits[i >>> 6] |= 1L << i;
                }
            }
        } else if (selector instanceof IntervalSelector r) {
            Validate.isTrue(c.numeric() != null, "attribute '" + c.name() + "' is nominal, not numeric");
            double[] values = c.numeric();
            for (int i = 0; i < rows; i++) {
                if (r.matches(values[i])) {
                    bits[i >>> 6] |= 1L << i;
                }
            }
        }
        return bits;
    }

    private Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new InputException("unknown attribute '" + name + "'; known: " + attributes());
    }

    /** Collects attributes; every attribute must have the same number of rows. Not thread-safe. */
    public static final class Builder {

        private final List<Column> columns = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private int rows = -1;

        private Builder() {
        }

        /**
         * Adds a nominal attribute; {@code null} entries are missing.
         *
         * @throws InputException on a blank or repeated name or a row count that
         *     differs from earlier attributes
         */
        public Builder nominal(String name, String[] values) {
            checkName(name);
            Validate.isTrue(values != null, "values of '" + name + "' must not be null");
            checkRows(name, values.length);
            columns.add(new Column(name, values.clone(), null, null));
            return this;
        }

        /**
         * Adds a numeric attribute with the cut points of its intervals; NaN entries are missing.
         *
         * @param cutPoints finite and strictly increasing; at least one
         * @throws InputException on a blank or repeated name, a row count that
         *     differs from earlier attributes, or bad cut points
         */
        public Builder numeric(String name, double[] values, double[] cutPoints) {
            checkName(name);
            Validate.isTrue(values != null, "values of '" + name + "' must not be null");
            Validate.isTrue(cutPoints != null && cutPoints.length > 0, "cutPoints of '" + name + "' must not be empty");
            for (int i = 0; i < cutPoints.length; i++) {
                Validate.isTrue(Double.isFinite(cutPoints[i]),
                        "cutPoints of '" + name + "' must be finite; cutPoints[" + i + "] = " + cutPoints[i]);
                if (i > 0) {
                    Validate.isTrue(cutPoints[i] > cutPoints[i - 1], "cutPoints of '" + name
                            + "' must be strictly increasing; cutPoints[" + i + "] = " + cutPoints[i]
                            + " follows " + cutPoints[i - 1]);
                }
            }
            checkRows(name, values.length);
            columns.add(new Column(name, null, values.clone(), cutPoints.clone()));
            return this;
        }

        /**
         * The data set.
         *
         * @throws InputException if no attribute was added or there are no rows
         */
        public SubgroupData build() {
            Validate.isTrue(!columns.isEmpty(), "subgroup data needs at least one attribute");
            Validate.isTrue(rows > 0, "subgroup data needs at least one row");
            return new SubgroupData(rows, columns);
        }

        private void checkName(String name) {
            Validate.isTrue(name != null && !name.isBlank(), "attribute name must not be blank");
            Validate.isTrue(!names.contains(name), "attribute '" + name + "' was added twice");
        }

        private void checkRows(String name, int n) {
            Validate.isTrue(rows < 0 || n == rows,
                    "attribute '" + name + "' has " + n + " rows; earlier attributes have " + rows);
            rows = n;
            names.add(name);
        }
    }
}
