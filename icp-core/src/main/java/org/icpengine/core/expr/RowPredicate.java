package org.icpengine.core.expr;

import java.util.Map;
import java.util.function.Function;

/**
 * An {@link Expr} compiled for rows held in memory, with the meaning of its SQL: three-valued logic,
 * where a comparison with a null (or absent) value is unknown and a row passes only when the result is
 * true. Immutable and thread-safe.
 *
 * <p>A row is a function from a column name, as declared in {@link Columns}, to its value; a value that
 * is {@code null} or absent is null. Values are accepted as a JDBC driver or a JSON parser gives them:
 * <ul>
 *   <li>text: {@link CharSequence};</li>
 *   <li>numbers: any {@link Number} (a {@link Double} NaN is greater than every number, as in DuckDB and
 *       Spark), or a {@link String} holding a decimal number;</li>
 *   <li>dates: {@link java.time.LocalDate}, {@link java.sql.Date} or a {@code yyyy-mm-dd} string;</li>
 *   <li>timestamps: {@link java.time.LocalDateTime} (UTC), {@link java.sql.Timestamp},
 *       {@link java.time.Instant}, {@link java.time.OffsetDateTime}, {@link java.time.ZonedDateTime},
 *       {@link java.time.LocalDate} (midnight) or an ISO string;</li>
 *   <li>booleans: {@link Boolean} or the string {@code true}/{@code false};</li>
 *   <li>lists: a {@link java.util.Collection}, an {@code Object[]} or a {@link java.sql.Array}.</li>
 * </ul>
 * Any other value is an {@link org.icpengine.errors.InputException} naming the column.
 *
 * <p>This is deliberately not a {@link java.util.function.Predicate}: its {@code negate()} would turn
 * unknown into true, which SQL's {@code NOT} does not.
 */
public interface RowPredicate {

    /**
     * The value of the expression for {@code row}: {@link Boolean#TRUE}, {@link Boolean#FALSE}, or
     * {@code null} when it is unknown because of null values.
     */
    Boolean evaluate(Function<String, ?> row);

    /** Whether the expression is true for {@code row} (false and unknown both give {@code false}). */
    default boolean test(Function<String, ?> row) {
        return evaluate(row) == Boolean.TRUE;
    }

    /** As {@link #test(Function)}, for a row held in a map from column name to value. */
    default boolean test(Map<String, ?> row) {
        return test(row::get);
    }
}
