package org.icpengine.core.schema;

import java.util.List;
import java.util.Objects;

/**
 * One column of a canonical table.
 *
 * @param name     canonical name, lower snake case
 * @param type     stored type
 * @param required whether every row must have a value (after defaults are applied)
 * @param allowed  for {@link ColumnType#ENUM}, the allowed values (lower case); empty otherwise
 * @param min      smallest allowed value for numbers, or {@code NaN} for none
 * @param max      largest allowed value for numbers, or {@code NaN} for none
 */
public record Column(String name, ColumnType type, boolean required, List<String> allowed, double min, double max) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowed = List.copyOf(allowed);
        if (type == ColumnType.ENUM && allowed.isEmpty()) {
            throw new IllegalArgumentException("enum column " + name + " needs allowed values");
        }
    }

    static Column of(String name, ColumnType type) {
        return new Column(name, type, false, List.of(), Double.NaN, Double.NaN);
    }

    static Column required(String name, ColumnType type) {
        return new Column(name, type, true, List.of(), Double.NaN, Double.NaN);
    }

    Column range(double lo, double hi) {
        return new Column(name, type, required, allowed, lo, hi);
    }

    static Column oneOf(String name, boolean required, String... values) {
        return new Column(name, ColumnType.ENUM, required, List.of(values), Double.NaN, Double.NaN);
    }

    /** Whether a minimum or maximum applies. */
    public boolean hasRange() {
        return !Double.isNaN(min) || !Double.isNaN(max);
    }

    /** Whether the column holds a date or timestamp. */
    public boolean isTemporal() {
        return type == ColumnType.DATE || type == ColumnType.TS;
    }
}
