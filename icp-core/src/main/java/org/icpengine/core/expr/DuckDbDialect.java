package org.icpengine.core.expr;

/** The DuckDB dialect; see {@link Dialect#duckdb()}. */
final class DuckDbDialect implements Dialect {

    static final DuckDbDialect INSTANCE = new DuckDbDialect();

    private DuckDbDialect() {
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public String listContains(String listSql, String elementSql) {
        // list_contains skips NULL elements and is NULL for a NULL list, as the contract asks
        return "list_contains(" + listSql + ", " + elementSql + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
