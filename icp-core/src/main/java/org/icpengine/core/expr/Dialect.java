package org.icpengine.core.expr;

/**
 * What differs between the SQL engines the expression language compiles for. Everything else the
 * compiler writes ({@code = <> < <= > >=}, {@code BETWEEN}, {@code IN}, {@code IS NULL}, {@code AND},
 * {@code OR}, {@code NOT}, {@code ?} parameters) is portable between DuckDB and Spark SQL.
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

    /** DuckDB: double-quoted identifiers and {@code list_contains}. */
    static Dialect duckdb() {
        return DuckDbDialect.INSTANCE;
    }
}
