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
    public String daysBetween(String fromSql, String toSql) {
        return "datediff('day', " + fromSql + ", " + toSql + ")";
    }

    @Override
    public String addMonths(String dateSql, String monthsSql) {
        // DATE + INTERVAL is a TIMESTAMP in DuckDB; the month arithmetic clips to the month's last day
        return "CAST(" + dateSql + " + INTERVAL (" + monthsSql + ") MONTH AS DATE)";
    }

    @Override
    public String listContainsIgnoreCase(String listSql, String elementSql) {
        return "list_contains(list_transform(" + listSql + ", lambda x: lower(x)), " + elementSql + ")";
    }

    @Override
    public String listUnion(String listSql) {
        return "list_sort(list_distinct(flatten(list(" + listSql + "))))";
    }

    @Override
    public String toString() {
        return name();
    }
}
