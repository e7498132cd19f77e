package org.icpengine.core.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The columns an expression may refer to, with their types. Immutable and thread-safe.
 *
 * <p>Names are matched case-insensitively, as unquoted SQL identifiers are: with a column
 * {@code industry}, the expression {@code Industry = 'SaaS'} refers to {@code industry}, and the parsed
 * tree, {@link Expr#columns()} and the row lookups of a {@link RowPredicate} all use the name as declared
 * here. A valid name is ASCII: a letter or {@code _}, then letters, digits or {@code _}; it is not one of
 * the {@linkplain #RESERVED reserved words}.
 */
public final class Columns {

    /** Words of the language, which cannot be column names (matched case-insensitively). */
    public static final Set<String> RESERVED = Set.of(
            "and", "or", "not", "in", "is", "null", "between", "true", "false", "date", "timestamp");

    private static final Columns NONE = new Columns(Map.of());

    private final Map<String, ValueType> types;   // declared name -> type, in the caller's order
    private final Map<String, String> byLowerName; // lower-case name -> declared name

    private Columns(Map<String, ValueType> types) {
        Map<String, ValueType> copy = new LinkedHashMap<>();
        Map<String, String> lower = new LinkedHashMap<>();
        types.forEach((name, type) -> {
            Objects.requireNonNull(name, "column name");
            Objects.requireNonNull(type, () -> "type of column " + name);
            if (!isValidName(name)) {
                throw new IllegalArgumentException("not a valid column name for expressions: '" + name
                        + "' (use ASCII letters, digits and '_', starting with a letter or '_', and no reserved word)");
            }
            String previous = lower.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "column names differ only in case: '" + previous + "' and '" + name + "'");
            }
            copy.put(name, type);
        });
        this.types = Collections.unmodifiableMap(copy);
        this.byLowerName = lower;
    }

    /**
     * The given columns, in the map's iteration order.
     *
     * @throws IllegalArgumentException if a name is not {@linkplain #isValidName valid} or two names
     *                                  differ only in case
     */
    public static Columns of(Map<String, ValueType> types) {
        return new Columns(Objects.requireNonNull(types, "types"));
    }

    /** No columns: every identifier is unknown. */
    public static Columns none() {
        return NONE;
    }

    /**
     * Whether {@code name} can be a column of an expression. Configuration code calls this to report a
     * bad attribute name with its file and line before building {@link Columns}.
     */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The declared name matching {@code name} case-insensitively, if there is one. */
    public Optional<String> resolve(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The type of the column {@code name} (matched case-insensitively), if it is known. */
    public Optional<ValueType> typeOf(String name) {
        return resolve(name).map(types::get);
    }

    /** The declared names, sorted case-insensitively (as error messages list them). */
    public Set<String> names() {
        Set<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sorted.addAll(types.keySet());
        return Collections.unmodifiableSet(sorted);
    }

    /** The declared names and their types, in the order they were given. */
    public Map<String, ValueType> asMap() {
        return types;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Columns other && types.equals(other.types);
    }

    @Override
    public int hashCode() {
        return types.hashCode();
    }

    @Override
    public String toString() {
        return "Columns" + types;
    }
}
