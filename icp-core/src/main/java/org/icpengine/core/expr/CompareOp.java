package org.icpengine.core.expr;

/** A comparison operator of the expression language. */
public enum CompareOp {
    /** {@code =} */
    EQ("="),
    /** {@code !=} (also written {@code <>}); rendered as {@code <>} in SQL. */
    NE("!="),
    /** {@code <} */
    LT("<"),
    /** {@code <=} */
    LE("<="),
    /** {@code >} */
    GT(">"),
    /** {@code >=} */
    GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in an expression: {@code =}, {@code !=}, {@code <}, …. */
    public String symbol() {
        return symbol;
    }

    /** The operator in portable SQL ({@code <>} for not equal). */
    String sql() {
        return this == NE ? "<>" : symbol;
    }

    /** Whether this operator only tests (in)equality, the only comparisons a boolean column accepts. */
    boolean isEquality() {
        return this == EQ || this == NE;
    }

    /** Whether a comparison result {@code cmp} (negative, zero, positive) satisfies this operator. */
    boolean accepts(int cmp) {
        return switch (this) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }

    static CompareOp fromSymbol(String symbol) {
        return switch (symbol) {
            case "=" -> EQ;
            case "!=", "<>" -> NE;
            case "<" -> LT;
            case "<=" -> LE;
            case ">" -> GT;
            case ">=" -> GE;
            default -> throw new IllegalArgumentException("not a comparison operator: " + symbol);
        };
    }
}
