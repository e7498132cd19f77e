package org.icpengine.core.expr;

/**
 * What differs between the SQL engines the expression language compiles for. Everything else the
 * compiler writes ({@code = <> < <= > >=}, {@code BETWEEN}, {@code IN}, {@code IS NULL}, {@code AND},
 * {@code OR}, {@code NOT}, {@code ?} parameters) is portable between DuckDB and Spark SQL. The account
 * metrics use the same seam for the few functions their SQL needs that differ (day differences, month
 * arithmetic, case-insensitive list membership, list union).
 *
 * <p>Implementations must be stateless and thread-safe.
 */
public interface Dialect {

    /** The engine's name, for messages: {@code duckdb}. */
    String name();

    /** {@code name} as a quoted identifier; {@code name} is a valid {@link Columns} name. */
    String quoteIdentifier(String name);

    /**
     * A boolean SQL expression that is null when the list is null, true when some element equals the
     * element, and false otherwise, including for an empty list; null elements never match. Both
     * arguments are trusted SQL (a column expression and a {@code ?}).
     */
    String listContains(String listSql, String elementSql);

    /**
     * An integer SQL expression: the number of days from the date {@code fromSql} to the date {@code toSql}
     * ({@code to - from}; negative when {@code to} is earlier; null when either is null). Both arguments
     * are trusted SQL. Used by the account metrics; this default throws, naming the dialect.
     */
    default String daysBetween(String fromSql, String toSql) {
        throw new UnsupportedOperationException(name() + " does not implement daysBetween");
    }

    /**
     * A date SQL expression: the date {@code dateSql} plus {@code monthsSql} (an integer expression) calendar
     * months, clipped to the last day of a shorter month (2024-01-31 + 1 month = 2024-02-29), as
     * {@link java.time.LocalDate#plusMonths} does; null when either is null. Both arguments are trusted SQL.
     * Used by the account metrics; this default throws, naming the dialect.
     */
    default String addMonths(String dateSql, String monthsSql) {
        throw new UnsupportedOperationException(name() + " does not implement addMonths");
    }

    /**
     * As {@link #listContains}, comparing case-insensitively: {@code elementSql} is already lower case and
     * each list element is lowered before the comparison. Used by the account metrics' {@code has_<tech>}
     * flags; this default throws, naming the dialect.
     */
    default String listContainsIgnoreCase(String listSql, String elementSql) {
        throw new UnsupportedOperationException(name() + " does not implement listContainsIgnoreCase");
    }

    /**
     * An aggregate SQL expression: the distinct non-null elements of every list of the group, sorted; an
     * empty list when the group's lists are all null or empty. Used by the account metrics'
     * {@code pain_points}; this default throws, naming the dialect.
     */
    default String listUnion(String listSql) {
        throw new UnsupportedOperationException(name() + " does not implement listUnion");
    }

    /** DuckDB: double-quoted identifiers and {@code list_contains}. */
    static Dialect duckdb() {
        return DuckDbDialect.INSTANCE;
    }
}
