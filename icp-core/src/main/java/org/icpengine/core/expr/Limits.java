package org.icpengine.core.expr;

/**
 * Bounds on what {@link Expr#parse(String, Columns, Limits)} accepts, so that hostile or accidental
 * input fails with an {@link ExpressionException} instead of exhausting memory or the stack.
 *
 * @param maxLength   the longest expression, in UTF-16 chars ({@link String#length()})
 * @param maxDepth    the deepest nesting of parentheses and {@code not}; at most {@value #DEPTH_CEILING}
 *                    so that the recursive descent parser can never overflow the stack
 * @param maxListSize the most values in one {@code in (…)} list
 */
public record Limits(int maxLength, int maxDepth, int maxListSize) {

    /**
     * The highest {@code maxDepth} allowed. Parsing, compiling and printing an expression nested this
     * deeply fits in a 512 KB thread stack (tested), half the JVM's default.
     */
    public static final int DEPTH_CEILING = 200;

    /**
     * 10 000 chars, 100 levels, 10 000 list values. Under the default length a list cannot reach
     * 10 000 values; the list bound matters when a caller raises {@code maxLength}.
     */
    public static final Limits DEFAULT = new Limits(10_000, 100, 10_000);

    public Limits {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        if (maxDepth < 1 || maxDepth > DEPTH_CEILING) {
            throw new IllegalArgumentException(
                    "maxDepth must be in 1.." + DEPTH_CEILING + ", was " + maxDepth);
        }
        if (maxListSize < 1) {
            throw new IllegalArgumentException("maxListSize must be at least 1, was " + maxListSize);
        }
    }
}
