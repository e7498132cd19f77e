package org.icpengine.core.expr;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.icpengine.core.expr.Token.Kind;

/**
 * Recursive descent parser for the grammar in {@link Expr}, with type checks against {@link Columns}.
 * Recursion happens only through parentheses and {@code not}, both counted against
 * {@link Limits#maxDepth()}; {@code and}/{@code or} chains are loops.
 */
final class Parser {

    private static final List<String> OPERATOR_WORDS = List.of("between", "in", "is", "not", "and", "or");

    private final String text;
    private final Columns columns;
    private final Limits limits;
    private final List<Token> tokens;
    private int index;

    private Parser(String text, Columns columns, Limits limits, List<Token> tokens) {
        this.text = text;
        this.columns = columns;
        this.limits = limits;
        this.tokens = tokens;
    }

    static Expr parse(String text, Columns columns, Limits limits) {
        if (text.length() > limits.maxLength()) {
            throw new ExpressionException(text, limits.maxLength(), "the expression is too long: "
                    + text.length() + " characters, at most " + limits.maxLength() + " allowed");
        }
        List<Token> tokens = Lexer.tokenize(text);
        Parser parser = new Parser(text, columns, limits, tokens);
        if (tokens.size() == 1) {
            throw parser.error(tokens.get(0), "the expression is empty; expected a condition such as industry = 'SaaS'");
        }
        Expr e = parser.parseOr(0);
        Token end = parser.peek();
        if (end.kind() == Kind.RPAREN) {
            throw parser.error(end, "unmatched ')': no '(' is open here");
        }
        if (end.kind() != Kind.END) {
            throw parser.error(end, "expected 'and', 'or' or the end of the expression, found " + end.describe());
        }
        return e;
    }

    // ---- boolean structure ------------------------------------------------------------------------

    private Expr parseOr(int depth) {
        List<Expr> operands = new ArrayList<>();
        operands.add(parseAnd(depth));
        while (peek().is("or")) {
            advance();
            operands.add(parseAnd(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new Expr.Or(operands);
    }

    private Expr parseAnd(int depth) {
        List<Expr> operands = new ArrayList<>();
        operands.add(parseNot(depth));
        while (peek().is("and")) {
            advance();
            operands.add(parseNot(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new Expr.And(operands);
    }

    private Expr parseNot(int depth) {
        Token t = peek();
        if (t.is("not")) {
            enter(depth + 1, t);
            advance();
            return new Expr.Not(parseNot(depth + 1));
        }
        if (t.kind() == Kind.LPAREN) {
            enter(depth + 1, t);
            advance();
            Expr inner = parseOr(depth + 1);
            Token close = peek();
            if (close.kind() != Kind.RPAREN) {
                throw error(close, "expected 'and', 'or' or ')' to close the '(' at column "
                        + columnOf(t) + ", found " + close.describe());
            }
            advance();
            return inner;
        }
        return parseCondition();
    }

    private void enter(int depth, Token t) {
        if (depth > limits.maxDepth()) {
            throw error(t, "the expression is nested too deeply: more than " + limits.maxDepth()
                    + " levels of parentheses and 'not'");
        }
    }

    // ---- conditions -------------------------------------------------------------------------------

    private Expr parseCondition() {
        Token t = peek();
        switch (t.kind()) {
            case WORD:
                if (isValueWord(t)) {
                    return parseValueFirst();
                }
                if (Columns.RESERVED.contains(t.text().toLowerCase(java.util.Locale.ROOT))) {
                    throw error(t, "expected a condition, found the keyword " + t.describe());
                }
                if (peek(1).kind() == Kind.LPAREN) {
                    throw error(t, "functions are not supported: " + t.describe() + " is followed by '('; "
                            + "an expression compares columns with values, as in industry = 'SaaS'. Known columns: "
                            + Texts.listNames(columns.names()));
                }
                String column = resolveColumn(t);
                advance();
                return parseColumnCondition(column, columns.typeOf(column).orElseThrow());
            case STRING:
            case NUMBER:
                return parseValueFirst();
            case END:
                throw error(t, "expected a condition (such as industry = 'SaaS'), found the end of the expression");
            default:
                throw error(t, "expected a condition (such as industry = 'SaaS'), found " + t.describe());
        }
    }

    /** {@code 'x' [not] in list_column}; any other condition that starts with a value is an error. */
    private Expr parseValueFirst() {
        Token first = peek();
        Raw value = parseValue("a condition");
        Token t = peek();
        boolean negated = t.is("not") && peek(1).is("in");
        if (!negated && !t.is("in")) {
            throw error(first, "a condition starts with a column name, found " + value.describe()
                    + "; write column = value, or 'value' in list_column");
        }
        advance();
        if (negated) {
            advance();
        }
        Token columnToken = peek();
        if (columnToken.kind() == Kind.LPAREN) {
            throw error(first, "a condition starts with a column name, found " + value.describe()
                    + "; to test a column against several values write column in ('a', 'b')");
        }
        if (columnToken.kind() != Kind.WORD || isKeyword(columnToken)) {
            throw error(columnToken, "expected the name of a list column after 'in', as in 'snowflake' in tech_stack,"
                    + " found " + columnToken.describe());
        }
        String column = resolveColumn(columnToken);
        ValueType type = columns.typeOf(column).orElseThrow();
        if (type != ValueType.LIST) {
            throw error(columnToken, "'value' in " + column + " needs a list column, but column '" + column
                    + "' holds " + type.holds() + "; to compare it write " + column + " = value");
        }
        if (!(value.literal() instanceof Literal.TextValue textValue)) {
            throw error(first, "column '" + column + "' holds lists of text; the value before 'in' must be a"
                    + " 'string', found " + value.describe());
        }
        advance();
        Expr contains = new Expr.Contains(column, textValue.value());
        return negated ? new Expr.Not(contains) : contains;
    }

    private Expr parseColumnCondition(String column, ValueType type) {
        Token t = peek();
        if (t.kind() == Kind.OPERATOR) {
            CompareOp op = CompareOp.fromSymbol(t.text());
            if (type == ValueType.LIST) {
                throw error(t, listHint(column));
            }
            if (type == ValueType.BOOLEAN && !op.isEquality()) {
                throw error(t, "column '" + column + "' holds true/false values; compare it with = or !=,"
                        + " or use it on its own as a condition");
            }
            advance();
            Raw raw = parseValue("'" + t.text() + "'");
            return new Expr.Compare(column, op, coerce(column, type, raw, "a comparison"));
        }
        if (t.is("not")) {
            Token next = peek(1);
            if (next.is("between") || next.is("in")) {
                advance();
                return new Expr.Not(next.is("between") ? parseBetween(column, type) : parseIn(column, type));
            }
            throw error(next, "expected 'between' or 'in' after '" + column + " not', found " + next.describe()
                    + "; to negate a condition put not before it, as in not (" + column + " = value)");
        }
        if (t.is("between")) {
            return parseBetween(column, type);
        }
        if (t.is("in")) {
            return parseIn(column, type);
        }
        if (t.is("is")) {
            advance();
            boolean negated = false;
            if (peek().is("not")) {
                advance();
                negated = true;
            }
            Token nul = peek();
            if (!nul.is("null")) {
                throw error(nul, "expected 'null' after '" + (negated ? "is not" : "is") + "', found " + nul.describe());
            }
            advance();
            Expr isNull = new Expr.IsNull(column);
            return negated ? new Expr.Not(isNull) : isNull;
        }
        boolean endsCondition = t.kind() == Kind.END || t.kind() == Kind.RPAREN || t.is("and") || t.is("or");
        if (type == ValueType.BOOLEAN && endsCondition) {
            return new Expr.BooleanColumn(column);
        }
        if (type == ValueType.LIST) {
            throw error(t, listHint(column) + "; found " + t.describe());
        }
        String reason = "expected an operator after the column '" + column
                + "' (=, !=, <, <=, >, >=, between, in, is null), found " + t.describe();
        if (t.kind() == Kind.WORD) {
            Optional<String> suggestion = Texts.closest(t.text(), OPERATOR_WORDS);
            if (suggestion.isPresent()) {
                reason += "; did you mean '" + suggestion.get() + "'?";
            }
        }
        if (endsCondition) {
            reason += "; only a true/false column can stand alone as a condition, and '" + column
                    + "' holds " + type.holds();
        }
        throw error(t, reason);
    }

    private Expr parseBetween(String column, ValueType type) {
        Token between = peek();
        advance();
        if (type == ValueType.LIST) {
            throw error(between, listHint(column));
        }
        if (type == ValueType.BOOLEAN) {
            throw error(between, "column '" + column + "' holds true/false values; 'between' needs numbers, text,"
                    + " dates or timestamps");
        }
        Raw lowRaw = parseValue("'between'");
        Literal low = coerce(column, type, lowRaw, "a range");
        Token and = peek();
        if (!and.is("and")) {
            throw error(and, "expected 'and' between the bounds of 'between', as in " + column
                    + " between 10 and 50, found " + and.describe());
        }
        advance();
        Raw highRaw = parseValue("'between … and'");
        Literal high = coerce(column, type, highRaw, "a range");
        if (Comparisons.compareLiterals(low, high) > 0) {
            throw error(lowRaw.token(), "empty range: the lower bound " + low.text()
                    + " is greater than the upper bound " + high.text() + " ('between' includes both bounds)");
        }
        return new Expr.Between(column, low, high);
    }

    private Expr parseIn(String column, ValueType type) {
        Token in = peek();
        advance();
        if (type == ValueType.LIST) {
            throw error(in, listHint(column));
        }
        Token open = peek();
        if (open.kind() != Kind.LPAREN) {
            throw error(open, "expected '(' after 'in', as in " + column + " in ('a', 'b'), found " + open.describe());
        }
        advance();
        List<Literal> values = new ArrayList<>();
        while (true) {
            Token valueToken = peek();
            if (values.size() == limits.maxListSize()) {
                throw error(valueToken, "too many values in the list: at most " + limits.maxListSize() + " allowed");
            }
            if (values.isEmpty() && valueToken.kind() == Kind.RPAREN) {
                throw error(valueToken, "an in-list needs at least one value, as in " + column + " in ('a', 'b')");
            }
            Raw raw = parseValue(values.isEmpty() ? "'('" : "','");
            if (raw.literal() == null) {
                throw error(valueToken, "null cannot be in an in-list (it never matches); add 'or " + column
                        + " is null' instead");
            }
            values.add(coerce(column, type, raw, "an in-list"));
            Token t = peek();
            if (t.kind() == Kind.RPAREN) {
                advance();
                return new Expr.In(column, values);
            }
            if (t.kind() != Kind.COMMA) {
                throw error(t, "expected ',' or ')' in the list opened at column " + columnOf(open)
                        + ", found " + t.describe());
            }
            advance();
        }
    }

    private String listHint(String column) {
        return "column '" + column + "' holds lists of text; test membership with 'value' in " + column
                + ", or use " + column + " is null";
    }

    // ---- values -----------------------------------------------------------------------------------

    /** A value as written, before it is checked against a column's type; {@code literal} null for null. */
    private record Raw(Literal literal, Token token, boolean bareString) {
        String describe() {
            if (literal == null) {
                return "null";
            }
            if (literal instanceof Literal.TextValue) {
                return token.describe();
            }
            if (literal instanceof Literal.NumberValue n) {
                return "the number " + Texts.abbreviate(n.text());
            }
            if (literal instanceof Literal.DateValue) {
                return "the date " + literal.text();
            }
            if (literal instanceof Literal.TimestampValue) {
                return "the timestamp " + literal.text();
            }
            return literal.text();
        }
    }

    private Raw parseValue(String after) {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                advance();
                return new Raw(number(t), t, false);
            case STRING:
                advance();
                return new Raw(new Literal.TextValue(t.text()), t, true);
            case WORD:
                if (t.is("true") || t.is("false")) {
                    advance();
                    return new Raw(new Literal.BooleanValue(t.is("true")), t, false);
                }
                if (t.is("null")) {
                    advance();
                    return new Raw(null, t, false);
                }
                if (t.is("date") || t.is("timestamp")) {
                    return typedString(t);
                }
                Optional<String> column = columns.resolve(t.text());
                if (column.isPresent()) {
                    throw error(t, "expected a value after " + after + ", found the column '" + column.get()
                            + "'; comparing two columns is not supported");
                }
                throw error(t, "expected a value after " + after + " (a number, a 'string', date '…', true or"
                        + " false), found " + t.describe() + (isKeyword(t) ? "" : "; write text in single quotes"));
            default:
                throw error(t, "expected a value after " + after + " (a number, a 'string', date '…', true or"
                        + " false), found " + t.describe());
        }
    }

    private Raw typedString(Token keyword) {
        boolean isDate = keyword.is("date");
        advance();
        Token s = peek();
        String example = isDate ? "date '2026-01-31'" : "timestamp '2026-01-31 12:00:00'";
        if (s.kind() != Kind.STRING) {
            throw error(s, "expected a quoted value after '" + keyword.text() + "', as in " + example
                    + ", found " + s.describe());
        }
        advance();
        try {
            Literal literal = isDate
                    ? new Literal.DateValue(Literals.parseDate(s.text()))
                    : new Literal.TimestampValue(Literals.parseTimestamp(s.text()));
            return new Raw(literal, keyword, false);
        } catch (DateTimeException e) {
            throw error(s, e.getMessage());
        }
    }

    private Literal number(Token t) {
        try {
            return new Literal.NumberValue(new BigDecimal(t.text()));
        } catch (IllegalArgumentException e) {  // includes NumberFormatException
            throw error(t, "the number " + Texts.abbreviate(t.text()) + " is out of range"
                    + " (whole numbers must fit in 64 bits)");
        }
    }

    /** The literal {@code raw} as a value of {@code type}, or an error saying what the column takes. */
    private Literal coerce(String column, ValueType type, Raw raw, String where) {
        Literal literal = raw.literal();
        if (literal == null) {
            throw error(raw.token(), "a comparison with null is never true; write " + column + " is null or "
                    + column + " is not null");
        }
        String holds = "column '" + column + "' holds " + type.holds() + "; ";
        switch (type) {
            case TEXT:
                if (literal instanceof Literal.TextValue) {
                    return literal;
                }
                throw error(raw.token(), holds + "compare it with a 'string' in single quotes, found " + raw.describe());
            case NUMBER:
                if (literal instanceof Literal.NumberValue) {
                    return literal;
                }
                throw error(raw.token(), holds + "compare it with a number such as 50 or -2.5 (without quotes), found "
                        + raw.describe());
            case BOOLEAN:
                if (literal instanceof Literal.BooleanValue) {
                    return literal;
                }
                throw error(raw.token(), holds + "compare it with true or false (without quotes), found " + raw.describe());
            case DATE:
                if (literal instanceof Literal.DateValue) {
                    return literal;
                }
                if (raw.bareString()) {
                    try {
                        return new Literal.DateValue(Literals.parseDate(((Literal.TextValue) literal).value()));
                    } catch (DateTimeException e) {
                        throw error(raw.token(), holds + e.getMessage());
                    }
                }
                throw error(raw.token(), holds + "compare it with a date such as date '2026-01-31', found "
                        + raw.describe());
            case TIMESTAMP:
                if (literal instanceof Literal.TimestampValue) {
                    return literal;
                }
                if (literal instanceof Literal.DateValue d) {
                    return new Literal.TimestampValue(d.value().atStartOfDay());
                }
                if (raw.bareString()) {
                    try {
                        return new Literal.TimestampValue(Literals.parseTimestamp(((Literal.TextValue) literal).value()));
                    } catch (DateTimeException e) {
                        throw error(raw.token(), holds + e.getMessage());
                    }
                }
                throw error(raw.token(), holds + "compare it with a timestamp such as timestamp '2026-01-31 12:00:00'"
                        + " or a date, found " + raw.describe());
            case LIST:
            default:
                throw error(raw.token(), listHint(column) + " (" + where + " is not possible)");
        }
    }

    // ---- names ------------------------------------------------------------------------------------

    private String resolveColumn(Token t) {
        Optional<String> column = columns.resolve(t.text());
        if (column.isPresent()) {
            return column.get();
        }
        StringBuilder reason = new StringBuilder("unknown column ").append(t.describe());
        Optional<String> suggestion = Texts.closest(t.text(), columns.names());
        suggestion.ifPresent(s -> reason.append("; did you mean '").append(s).append("'?"));
        if (columns.names().isEmpty()) {
            reason.append("; no columns are known here");
        } else {
            reason.append(suggestion.isPresent() ? " " : ". ").append("Known columns: ")
                    .append(Texts.listNames(columns.names()));
        }
        throw error(t, reason.toString());
    }

    private static boolean isValueWord(Token t) {
        return t.is("true") || t.is("false") || t.is("null") || t.is("date") || t.is("timestamp");
    }

    private static boolean isKeyword(Token t) {
        return t.kind() == Kind.WORD && Columns.RESERVED.contains(t.text().toLowerCase(java.util.Locale.ROOT));
    }

    // ---- tokens -----------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(index);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private void advance() {
        if (index < tokens.size() - 1) {
            index++;
        }
    }

    private int columnOf(Token t) {
        return text.codePointCount(0, t.start()) + 1;
    }

    private ExpressionException error(Token t, String reason) {
        return new ExpressionException(text, t.start(), reason);
    }
}
