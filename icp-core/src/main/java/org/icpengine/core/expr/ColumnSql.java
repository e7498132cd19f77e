package org.icpengine.core.expr;

/**
 * Maps a column name of an expression to the SQL that reads it, such as {@code a."industry"} or
 * {@code m.metrics['nps']}. The result is trusted: it is written into the SQL as is, so it must come
 * from the caller's code, never from user text. Column names passed in are always valid identifiers
 * as declared in {@link Columns}.
 */
@FunctionalInterface
public interface ColumnSql {

    /** The SQL expression for {@code column}; never null. */
    String sql(String column);

    /** Each column as {@code dialect}'s quoted identifier, such as {@code "industry"} in DuckDB. */
    static ColumnSql quoted(Dialect dialect) {
        return dialect::quoteIdentifier;
    }
}
