package org.icpengine.core.pipeline.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.icpengine.errors.InputException;
import org.icpengine.stats.scorecard.Feature;

/**
 * How one criterion of a learned scorecard reads its value from an account row: which column, and
 * whether it is used as a number, as a category, or as the presence of one element of a list column.
 * Immutable; serialized in model files, so that scoring reads inputs exactly as training did.
 *
 * <p>Values are read as {@link org.icpengine.core.engine.ResultTable} gives them (see
 * {@link #numeric(Object)} and {@link #categorical(Object)}); {@code null} is always missing, and a
 * missing value scores in the criterion's own "missing" bin.
 *
 * @param name    the criterion's name: the column, or {@code has_<element>} for {@code tech_stack}
 *                elements and {@code <column>:<element>} for elements of other list columns
 * @param column  the account column read
 * @param kind    how the value is used
 * @param element for {@link Kind#LIST_ELEMENT}, the element looked for (case-insensitively); else null
 */
public record FeatureSpec(String name, String column, Kind kind, String element) {

    /** How a column's value becomes a feature value. */
    public enum Kind {
        /** A number (integers, decimals, money; dates as days since 1970-01-01). */
        NUMERIC,
        /** Text or boolean, used as the category's text ({@code "true"}/{@code "false"} for booleans). */
        CATEGORICAL,
        /** {@code "yes"} when the list contains {@link #element()}, {@code "no"} when not, missing for no list. */
        LIST_ELEMENT
    }

    /** Validates the parts. */
    public FeatureSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.LIST_ELEMENT) != (element != null)) {
            throw new InputException("feature '" + name + "': an element is needed exactly for list elements");
        }
    }

    /** Whether the criterion is numeric. */
    @JsonIgnore
    public boolean isNumeric() {
        return kind == Kind.NUMERIC;
    }

    /** The value of this criterion in {@code row} (column name to value): a {@link Double} or a {@link String}. */
    public Object value(Function<String, ?> row) {
        Object v = row.apply(column);
        return isNumeric() ? (Object) numeric(v) : categorical(v);
    }

    /**
     * A value as a number: {@code NaN} for null or an empty text; numbers as they are; a text holding a
     * number parsed; a date as its epoch day; a boolean as 1 or 0.
     *
     * @throws InputException for a text that is not a number
     */
    public double numeric(Object v) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof LocalDate d) {
            return d.toEpochDay();
        }
        if (v instanceof LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC) / 86_400.0;
        }
        String s = v.toString().strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(column + ": expected a number, got '" + s + "'");
        }
    }

    /** A value as a category: null stays null (missing); lists become the element flag for list elements. */
    public String categorical(Object v) {
        if (v == null) {
            return null;
        }
        if (kind == Kind.LIST_ELEMENT) {
            return contains(v, element) ? "yes" : "no";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    /** Whether a list value (a collection, an array or a separated text) contains {@code element}, ignoring case. */
    static boolean contains(Object list, String element) {
        if (list instanceof Collection<?> c) {
            for (Object o : c) {
                if (o != null && o.toString().strip().equalsIgnoreCase(element)) {
                    return true;
                }
            }
            return false;
        }
        if (list instanceof Object[] a) {
            return contains(java.util.Arrays.asList(a), element);
        }
        String text = list.toString().toLowerCase(Locale.ROOT);
        for (String part : text.split("[;,|]")) {
            if (part.strip().equals(element.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** An icp-stats feature over these values (one per row, as {@link #value} gives them). */
    Feature feature(Object[] values) {
        if (isNumeric()) {
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (Double) values[i];
            }
            return Feature.numeric(name, d);
        }
        String[] s = new String[values.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (String) values[i];
        }
        return Feature.categorical(name, s);
    }
}
