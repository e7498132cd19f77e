package org.icpengine.core.expr;

import org.icpengine.errors.InputException;

/**
 * An expression that cannot be parsed or does not fit the known columns. The message names the
 * 1-based column, says what was wrong and what was expected, and shows the expression with a caret
 * under the position:
 *
 * <pre>
 * Invalid expression at column 1: unknown column 'industy'; did you mean 'industry'? Known columns: employees, industry
 *   industy = 'SaaS'
 *   ^
 * </pre>
 *
 * <p>Long expressions are shown as a window around the position. Control and format characters are
 * shown as {@code ?}; tabs and line breaks as spaces, so that the caret lines up.
 */
public final class ExpressionException extends InputException {

    private static final long serialVersionUID = 1L;
    private static final int WINDOW = 60;

    private final String expression;
    private final int column;
    private final String reason;

    /**
     * @param expression the full expression text
     * @param offset     the 0-based char index of the problem ({@code expression.length()} for its end)
     * @param reason     what was wrong and what was expected, without the position
     */
    ExpressionException(String expression, int offset, String reason) {
        super(render(expression, offset, reason));
        this.expression = expression;
        this.column = columnOf(expression, offset);
        this.reason = reason;
    }

    /** The expression as given. */
    public String expression() {
        return expression;
    }

    /**
     * The 1-based position of the problem, counted in Unicode code points; one past the last character
     * when the expression ended too early. A line break counts as one character.
     */
    public int column() {
        return column;
    }

    /** What was wrong and what was expected, without the position or the caret display. */
    public String reason() {
        return reason;
    }

    private static int columnOf(String text, int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        return text.codePointCount(0, clamped) + 1;
    }

    private static String render(String text, int offset, String reason) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int from = Math.max(0, at - WINDOW);
        int to = Math.min(text.length(), at + WINDOW);
        // do not split a surrogate pair at the window's edges
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < text.length() && to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) {
            to++;
        }
        String prefix = from > 0 ? "…" : "";
        String suffix = to < text.length() ? "…" : "";
        String shown = display(text.substring(from, to));
        int caret = prefix.length() + text.codePointCount(from, at);
        return "Invalid expression at column " + columnOf(text, offset) + ": " + reason + "\n  "
                + prefix + shown + suffix + "\n  " + " ".repeat(caret) + "^";
    }

    private static String display(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                sb.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                sb.append('?');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
