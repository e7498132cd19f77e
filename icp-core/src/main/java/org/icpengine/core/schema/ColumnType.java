package org.icpengine.core.schema;

/** The type of a canonical or custom column, with the SQL type it is stored as. */
public enum ColumnType {
    /** A text key. */
    ID("VARCHAR"),
    TEXT("VARCHAR"),
    /** A text value from a fixed set (see {@link Column#allowed()}). */
    ENUM("VARCHAR"),
    INT("BIGINT"),
    NUMBER("DOUBLE"),
    /** A decimal amount in the workspace currency. */
    MONEY("DECIMAL(18,2)"),
    BOOL("BOOLEAN"),
    DATE("DATE"),
    /** A timestamp in UTC. */
    TS("TIMESTAMP"),
    /** A list of text values. */
    LIST("VARCHAR[]");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The DuckDB / portable SQL type this column is stored as. */
    public String sqlType() {
        return sqlType;
    }

    /** A short phrase for error messages: what a value of this type looks like. */
    public String expected() {
        return switch (this) {
            case ID, TEXT -> "text";
            case ENUM -> "one of the allowed values";
            case INT -> "a whole number";
            case NUMBER -> "a number";
            case MONEY -> "an amount (a number, at most 2 decimals kept)";
            case BOOL -> "true/false (also yes/no, 1/0)";
            case DATE -> "a date";
            case TS -> "a timestamp";
            case LIST -> "a list of text values";
        };
    }
}
