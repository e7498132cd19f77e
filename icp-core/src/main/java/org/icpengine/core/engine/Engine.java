package org.icpengine.core.engine;

import java.util.List;

import org.icpengine.core.expr.Dialect;
import org.icpengine.core.expr.SqlFragment;

/**
 * The seam between the metric, segment and scoring SQL and the engine that runs it: embedded DuckDB
 * now, Apache Spark later. SQL handed to an engine is written once in the portable subset that both
 * run; what differs goes through {@link #dialect()}. Values always travel as bind parameters.
 *
 * <p>Not thread-safe: one engine per thread.
 */
public interface Engine extends AutoCloseable {

    /** The SQL dialect of this engine, for expressions and the few functions that differ. */
    Dialect dialect();

    /** Runs a statement that returns no rows. */
    void execute(SqlFragment statement);

    /** Runs a query and returns all its rows. */
    ResultTable query(SqlFragment query);

    /** Whether a table exists. */
    boolean hasTable(String name);

    /** Whether a table exists and has at least one row. */
    boolean hasRows(String name);

    /**
     * Runs {@code work} (statements on this engine) so that they take effect together or not at all where
     * the engine has transactions: DuckDB commits them as one transaction, or rolls them back and rethrows
     * if {@code work} throws. Inside a transaction already, {@code work} simply joins it. This default,
     * for engines without transactions, just runs {@code work}.
     */
    default void inTransaction(Runnable work) {
        work.run();
    }

    /** Runs a statement with no parameters. */
    default void execute(String sql) {
        execute(new SqlFragment(sql, List.of()));
    }

    /** Runs a query with no parameters. */
    default ResultTable query(String sql) {
        return query(new SqlFragment(sql, List.of()));
    }

    @Override
    void close();
}
