package org.icpengine.core.expr;

/**
 * The type of a column as the expression language sees it. It decides which operators and which
 * literals a column accepts; see {@link Expr} for the rules.
 *
 * <p>Named {@code ValueType} rather than {@code ColumnType} so that it does not clash with the storage
 * type {@code org.icpengine.core.schema.ColumnType}, which callers map onto it (ID, TEXT, ENUM →
 * {@link #TEXT}; INT, NUMBER, MONEY → {@link #NUMBER}; BOOL → {@link #BOOLEAN}; TS → {@link #TIMESTAMP}).
 */
public enum ValueType {
    /** Text, compared case-sensitively in Unicode code point order (the order of UTF-8 bytes). */
    TEXT("text"),
    /** A whole or decimal number. */
    NUMBER("numbers"),
    /** A calendar date without time of day. */
    DATE("dates"),
    /** A date and time of day in UTC, without zone. */
    TIMESTAMP("timestamps"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true/false values"),
    /** A list of text values, tested with {@code 'x' in column}. */
    LIST("lists of text");

    private final String holds;

    ValueType(String holds) {
        this.holds = holds;
    }

    /** What a column of this type holds, for messages: "column 'x' holds numbers". */
    String holds() {
        return holds;
    }
}
