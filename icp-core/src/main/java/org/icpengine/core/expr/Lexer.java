package org.icpengine.core.expr;

import java.util.ArrayList;
import java.util.List;

import org.icpengine.core.expr.Token.Kind;

/**
 * Splits an expression into tokens, recording where each starts. Anything outside the language
 * (quotes other than single quotes, comments, semicolons, arithmetic, non-ASCII outside strings,
 * control characters) is rejected here with a specific message.
 */
final class Lexer {

    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}, ending with one {@link Kind#END} token. */
    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= text.length()) {
                tokens.add(new Token(Kind.END, "", text.length()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (isLetter(c) || c == '_') {
            return word(start);
        }
        if (isDigit(c)) {
            return number(start);
        }
        switch (c) {
            case '\'':
                return string(start);
            case '(':
                pos++;
                return new Token(Kind.LPAREN, "(", start);
            case ')':
                pos++;
                return new Token(Kind.RPAREN, ")", start);
            case ',':
                pos++;
                return new Token(Kind.COMMA, ",", start);
            case '=':
                if (peek(1) == '=') {
                    throw error(start, "'==' is not an operator; use '=' to test equality");
                }
                pos++;
                return new Token(Kind.OPERATOR, "=", start);
            case '<':
                if (peek(1) == '=' || peek(1) == '>') {
                    pos += 2;
                    return new Token(Kind.OPERATOR, text.substring(start, pos), start);
                }
                pos++;
                return new Token(Kind.OPERATOR, "<", start);
            case '>':
                if (peek(1) == '=') {
                    pos += 2;
                    return new Token(Kind.OPERATOR, ">=", start);
                }
                pos++;
                return new Token(Kind.OPERATOR, ">", start);
            case '!':
                if (peek(1) == '=') {
                    pos += 2;
                    return new Token(Kind.OPERATOR, "!=", start);
                }
                throw error(start, "unexpected '!'; write 'not' to negate a condition, '!=' for not equal");
            case '-':
                if (peek(1) == '-') {
                    throw error(start, "comments ('--') are not allowed in an expression");
                }
                if (isDigit(peek(1))) {
                    return number(start);
                }
                throw error(start, "'-' is only allowed as the sign of a number, as in -5; arithmetic is not supported");
            case '/':
                if (peek(1) == '*') {
                    throw error(start, "comments ('/* */') are not allowed in an expression");
                }
                throw arithmetic(start, c);
            case '+':
            case '*':
            case '%':
                throw arithmetic(start, c);
            case '"':
                throw error(start, "double quotes are not allowed; write column names without quotes"
                        + " and strings in single quotes, as in industry = 'SaaS'");
            case '`':
                throw error(start, "backticks are not allowed; write column names without quotes");
            case ';':
                throw error(start, "';' is not allowed; an expression is one condition, not a statement");
            case '&':
                throw error(start, "unexpected '&'; write 'and' to combine conditions");
            case '|':
                throw error(start, "unexpected '|'; write 'or' to combine conditions");
            case '.':
                throw error(start, isDigit(peek(1))
                        ? "a number needs a digit before the decimal point, as in 0.5"
                        : "unexpected '.'; column names are written without a table or schema");
            default:
                throw unexpected(start);
        }
    }

    private Token word(int start) {
        while (pos < text.length() && (isLetter(text.charAt(pos)) || isDigit(text.charAt(pos))
                || text.charAt(pos) == '_')) {
            pos++;
        }
        return new Token(Kind.WORD, text.substring(start, pos), start);
    }

    private Token number(int start) {
        if (text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (!isDigit(peek(0))) {
                throw error(pos, "expected a digit after the decimal point");
            }
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        char after = peek(0);
        if (after == 'e' || after == 'E') {
            throw error(pos, "exponents are not supported; write the number out, as in 100000");
        }
        if (isLetter(after) || after == '_' || after == '.') {
            throw error(pos, "unexpected '" + after + "' after the number " + text.substring(start, pos)
                    + "; a column name cannot start with a digit");
        }
        return new Token(Kind.NUMBER, text.substring(start, pos), start);
    }

    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        pos++; // opening quote
        while (true) {
            if (pos >= text.length()) {
                throw error(start, "unterminated string: the quote opened here is never closed"
                        + " (write a quote inside a string as '')");
            }
            char c = text.charAt(pos);
            if (c == '\'') {
                if (peek(1) == '\'') {
                    value.append('\'');
                    pos += 2;
                    continue;
                }
                pos++;
                return new Token(Kind.STRING, value.toString(), start);
            }
            if (Character.isISOControl(c)) {
                throw error(pos, "control character " + Texts.describeCodePoint(c) + " is not allowed in a string");
            }
            if (Character.isHighSurrogate(c) && Character.isLowSurrogate(peek(1))) {
                value.append(c).append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw error(pos, "invalid text: unpaired UTF-16 surrogate " + Texts.describeCodePoint(c));
            }
            value.append(c);
            pos++;
        }
    }

    private ExpressionException arithmetic(int start, char c) {
        return error(start, "unexpected '" + c + "'; arithmetic is not supported, only comparisons with values");
    }

    private ExpressionException unexpected(int start) {
        int cp = text.codePointAt(start);
        String what = Character.isISOControl(cp) ? "control character " + Texts.describeCodePoint(cp)
                : "character " + Texts.describeCodePoint(cp);
        String hint = cp < 128 ? "" : "; outside 'strings' only ASCII letters, digits and '_' are allowed";
        return error(start, "unexpected " + what + hint);
    }

    private ExpressionException error(int offset, String reason) {
        return new ExpressionException(text, offset, reason);
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
