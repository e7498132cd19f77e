package org.icpengine.core.expr;

/**
 * One token of an expression.
 *
 * @param kind  what it is
 * @param text  a word, an operator symbol, a number's digits, or a string's value with quotes removed
 * @param start 0-based char index of the first character in the expression
 */
record Token(Kind kind, String text, int start) {

    enum Kind { WORD, NUMBER, STRING, OPERATOR, LPAREN, RPAREN, COMMA, END }

    /** Whether this is the word {@code keyword}, ignoring case. */
    boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** The token as a message refers to it: {@code 'and'}, {@code the string 'x'}, {@code the end of the expression}. */
    String describe() {
        return switch (kind) {
            case WORD -> "'" + Texts.abbreviate(text) + "'";
            case NUMBER -> "the number " + Texts.abbreviate(text);
            case STRING -> "the string '" + Texts.abbreviate(text) + "'";
            case OPERATOR -> "'" + text + "'";
            case LPAREN -> "'('";
            case RPAREN -> "')'";
            case COMMA -> "','";
            case END -> "the end of the expression";
        };
    }
}
