package org.icpengine.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;

import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed and malicious expressions fail with an {@link ExpressionException} that points at the problem. */
class ExprErrorsTest {

    private static final Limits GENEROUS = new Limits(10_000_000, 100, 10_000);

    /** Parses {@code text}, expecting a failure at {@code column} whose message holds every fragment. */
    private static ExpressionException fails(String text, int column, String... fragments) {
        return fails(text, Limits.DEFAULT, column, fragments);
    }

    private static ExpressionException fails(String text, Limits limits, int column, String... fragments) {
        ExpressionException e = catchThrowableOfType(ExpressionException.class,
                () -> Expr.parse(text, TestColumns.ACCOUNTS, limits));
        assertThat(e).as("parsing %s", text).isNotNull();
        assertThat(e).isInstanceOf(InputException.class);
        assertThat(e.column()).as("column of: %s", e.getMessage()).isEqualTo(column);
        assertThat(e.getMessage()).startsWith("Invalid expression at column " + column + ": ");
        assertThat(e.getMessage()).contains(fragments);
        assertThat(e.reason()).isNotBlank();
        assertThat(e.expression()).isEqualTo(text);
        return e;
    }

    /** For a short one-line ASCII expression the message shows it and puts the caret under the column. */
    private static void assertCaret(ExpressionException e) {
        String[] lines = e.getMessage().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).isEqualTo("  " + e.expression());
        assertThat(lines[2]).isEqualTo("  " + " ".repeat(e.column() - 1) + "^");
    }

    private static Arguments args(String text, int column, String... fragments) {
        return Arguments.of(text, column, fragments);
    }

    static Stream<Arguments> malicious() {
        return Stream.of(
                args("industry = 'x' OR '1'='1", 23, "unterminated string"),
                args("industry = 'x' OR '1'='1'", 19, "a condition starts with a column name, found the string '1'"),
                args("industry = 'x' OR 1=1", 19, "a condition starts with a column name, found the number 1"),
                args("industry = 'x' -- comment", 16, "comments ('--') are not allowed"),
                args("industry = 'x' /* comment */", 16, "comments ('/* */') are not allowed"),
                args("industry = 'x'; DROP TABLE accounts", 15, "';' is not allowed"),
                args("; DROP TABLE accounts", 1, "';' is not allowed"),
                args("industry = 'x' ; --", 16, "';' is not allowed"),
                args("sleep(1)", 1, "functions are not supported", "'sleep'", "Known columns: "),
                args("read_csv('x')", 1, "functions are not supported", "'read_csv'"),
                args("employees > 0 and pg_sleep (10)", 19, "functions are not supported"),
                args("exists(select 1)", 1, "functions are not supported"),
                args("industry = read_csv('x')", 12, "expected a value after '='", "found 'read_csv'"),
                args("industry in (select name from accounts)", 14, "expected a value after '('"),
                args("industry = 'x' union select name from accounts", 16,
                        "expected 'and', 'or' or the end of the expression, found 'union'"),
                args("`industry` = 'x'", 1, "backticks are not allowed"),
                args("\"industry\" = 'x'", 1, "double quotes are not allowed"),
                args("industry = \"SaaS\"", 12, "double quotes are not allowed", "single quotes"),
                args("industry = $1", 12, "unexpected character '$'"),
                args("industry = ?", 12, "unexpected character '?'"),
                args("industry = :name", 12, "unexpected character ':'"),
                args("industry = @x", 12, "unexpected character '@'"),
                args("industry = 'x' # comment", 16, "unexpected character '#'"),
                args("employees::text = '1'", 10, "unexpected character ':'"),
                args("industry = 'a' || 'b'", 16, "unexpected '|'", "'or'"),
                args("employees > 1 && retained_12m", 15, "unexpected '&'", "'and'"),
                args("employees + 1 > 5", 11, "arithmetic is not supported"),
                args("employees * 2 > 5", 11, "arithmetic is not supported"),
                args("employees - 1 > 5", 11, "'-' is only allowed as the sign of a number"),
                args("employees > 5 / 2", 15, "arithmetic is not supported"),
                args("industry = E'\\x41'", 12, "expected a value after '='", "found 'E'"),
                args("industry like 'a%'", 10, "expected an operator after the column 'industry'", "found 'like'"),
                args("accounts.industry = 'x'", 9, "column names are written without a table"),
                args("industry = 'x' and date = 1", 25, "expected a quoted value after 'date'"));
    }

    @ParameterizedTest
    @MethodSource("malicious")
    void maliciousExpressionsFailCleanlyWithPositionAndMessage(String text, int column, String[] fragments) {
        assertCaret(fails(text, column, fragments));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                args("", 1, "the expression is empty"),
                args("   ", 4, "the expression is empty"),
                args("industry = 'SaaS", 12, "unterminated string", "''"),
                args("name = 'it''s", 8, "unterminated string"),
                args("'", 1, "unterminated string"),
                args("employees >", 12, "expected a value after '>'", "found the end of the expression"),
                args("employees > 5 and", 18, "expected a condition", "found the end of the expression"),
                args("employees > 5 or or is_active", 18, "expected a condition, found the keyword 'or'"),
                args("and employees > 5", 1, "expected a condition, found the keyword 'and'"),
                args("not", 4, "expected a condition"),
                args("()", 2, "expected a condition", "found ')'"),
                args("(employees > 5", 15, "expected 'and', 'or' or ')' to close the '(' at column 1"),
                args("(employees > 5))", 16, "unmatched ')'"),
                args("employees > 5)", 14, "unmatched ')'"),
                args("employees > 5 is_active", 15, "expected 'and', 'or' or the end of the expression"),
                args("employees = = 5", 13, "expected a value after '='", "found '='"),
                args("industry == 'x'", 10, "'==' is not an operator; use '='"),
                args("industry ! 'x'", 10, "unexpected '!'"),
                args("employees = 1e5", 14, "exponents are not supported"),
                args("employees = .5", 13, "a number needs a digit before the decimal point"),
                args("employees = 5.", 15, "expected a digit after the decimal point"),
                args("employees = 12abc", 15, "a column name cannot start with a digit"),
                args("employees = 99999999999999999999", 13, "out of range"),
                args("employees between 1", 20, "expected 'and' between the bounds of 'between'"),
                args("employees between 1 and", 24, "expected a value after 'between … and'"),
                args("employees between 10 and 5", 19, "empty range", "lower bound 10", "upper bound 5"),
                args("industry in 'a'", 13, "expected '(' after 'in'"),
                args("industry in ()", 14, "an in-list needs at least one value"),
                args("industry in ('a',)", 18, "expected a value after ','"),
                args("industry in ('a' 'b')", 18, "expected ',' or ')' in the list opened at column 13"),
                args("industry in ('a', null)", 19, "null cannot be in an in-list", "or industry is null"),
                args("industry is", 12, "expected 'null' after 'is'"),
                args("industry is not 5", 17, "expected 'null' after 'is not'"),
                args("industry not like 'x'", 14, "expected 'between' or 'in' after 'industry not'"),
                args("industry bewteen 'a' and 'b'", 10, "did you mean 'between'?"),
                args("industry", 9, "expected an operator", "only a true/false column can stand alone"),
                args("employees is null or industry", 30, "only a true/false column can stand alone"),
                args("'a' = industry", 1, "a condition starts with a column name"),
                args("'a' in ('a', 'b')", 1, "to test a column against several values"),
                args("industry = industry", 12, "comparing two columns is not supported"),
                args("industry = SaaS", 12, "found 'SaaS'", "write text in single quotes"),
                args("industry = null", 12, "a comparison with null is never true", "industry is null"),
                args("date '2026-01-30' = created_at", 1, "a condition starts with a column name"),
                args("created_at = date 2026", 19, "expected a quoted value after 'date'"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedExpressionsSayWhatWasExpected(String text, int column, String[] fragments) {
        fails(text, column, fragments);
    }

    static Stream<Arguments> illTyped() {
        return Stream.of(
                args("employees = '5'", 13, "column 'employees' holds numbers", "found the string '5'"),
                args("employees in (1, 'two')", 18, "column 'employees' holds numbers"),
                args("industry = 5", 12, "column 'industry' holds text", "found the number 5"),
                args("industry > date '2026-01-01'", 12, "column 'industry' holds text", "found the date"),
                args("created_at = 5", 14, "column 'created_at' holds dates"),
                args("created_at = 'yesterday'", 14, "'yesterday' is not a date written yyyy-mm-dd"),
                args("created_at = '2026-13-01'", 14, "'2026-13-01' is not a valid date"),
                args("created_at = '2026-02-30'", 14, "not a valid date"),
                args("created_at = date '2026-02-30'", 19, "not a valid date"),
                args("created_at = timestamp '2026-01-01 10:00:00'", 14, "column 'created_at' holds dates"),
                args("created_at = '2026-01-01 10:00'", 14, "is not a date written yyyy-mm-dd"),
                args("opened_at = 'soon'", 13, "is not a timestamp"),
                args("opened_at = '2026-01-01 25:00'", 13, "is not a valid timestamp"),
                args("opened_at = timestamp '2026-01-01 10:00:00.1234567'", 23, "is not a timestamp"),
                args("retained_12m > true", 14, "compare it with = or !="),
                args("retained_12m = 'true'", 16, "holds true/false values", "without quotes"),
                args("retained_12m between false and true", 14, "'between' needs numbers"),
                args("tech_stack = 'salesforce'", 12, "holds lists of text", "'value' in tech_stack"),
                args("tech_stack in ('salesforce')", 12, "holds lists of text"),
                args("tech_stack between 'a' and 'b'", 12, "holds lists of text"),
                args("tech_stack", 11, "holds lists of text"),
                args("5 in tech_stack", 1, "the value before 'in' must be a 'string'"),
                args("'x' in industry", 8, "needs a list column", "industry = value"),
                args("'x' in (industry)", 1, "a condition starts with a column name"),
                args("'x' in and", 8, "expected the name of a list column after 'in'"));
    }

    @ParameterizedTest
    @MethodSource("illTyped")
    void typeErrorsNameTheColumnAndWhatItTakes(String text, int column, String[] fragments) {
        fails(text, column, fragments);
    }

    @Test
    void unknownColumnsListTheKnownNamesAndSuggestTheClosest() {
        ExpressionException e = fails("industy = 'SaaS'", 1, "unknown column 'industy'; did you mean 'industry'?",
                "Known columns: annual_revenue, created_at, employees, industry, is_active, ltv_cac, name,"
                        + " nrr_12m, opened_at, retained_12m, tech_stack");
        assertCaret(e);
        fails("employees > 1 and tehc_stack is null", 19, "did you mean 'tech_stack'?");
        fails("EMPLOYES > 1", 1, "did you mean 'employees'?");
        fails("zzz = 1", 1, "unknown column 'zzz'. Known columns: ");
        assertThat(catchThrowableOfType(ExpressionException.class, () -> TestColumns.parse("zzz = 1")).getMessage())
                .doesNotContain("did you mean");
    }

    @Test
    void unknownColumnWithNoKnownColumnsSaysSo() {
        ExpressionException e = catchThrowableOfType(ExpressionException.class,
                () -> Expr.parse("industry = 'x'", Columns.none()));
        assertThat(e.reason()).isEqualTo("unknown column 'industry'; no columns are known here");
    }

    // ---- characters -------------------------------------------------------------------------------

    @Test
    void controlCharactersFailWithTheirCodePoint() {
        fails("industry = 'x'\u0000", 15, "unexpected control character U+0000");
        fails("industry\u0007= 'x'", 9, "unexpected control character U+0007");
        fails("industry = 'a\u0000b'", 14, "control character U+0000 is not allowed in a string");
        fails("industry = 'line\nbreak'", 17, "control character U+000A is not allowed in a string");
        fails("industry = 'x\u001b[31m'", 14, "control character U+001B");
        ExpressionException e = fails("industry = 'x'\u0085", 15, "U+0085");
        assertThat(e.getMessage().split("\n")[1]).isEqualTo("  industry = 'x'?");
    }

    @Test
    void nonAsciiOutsideStringsFailsWithTheCharacter() {
        fails("industry = 'Zürich' and ünknown = 1", 25, "unexpected character 'ü' (U+00FC)",
                "only ASCII letters, digits and '_'");
        fails("industry = \uff07x\uff07", 12, "unexpected character '＇' (U+FF07)");
        fails("industry\u00a0= 'x'", 9, "unexpected character U+00A0");
        fails("industry =\u200b'x'", 11, "unexpected character U+200B");
        fails("industry = '\ud800'", 13, "unpaired UTF-16 surrogate U+D800");
    }

    @Test
    void columnsCountCodePointsSoAnEmojiIsOneColumn() {
        ExpressionException e = fails("name = '😀' and x = 1", 16, "unknown column 'x'");
        String[] lines = e.getMessage().split("\n");
        assertThat(lines[1]).isEqualTo("  name = '😀' and x = 1");
        assertThat(lines[2]).isEqualTo("  " + " ".repeat(15) + "^");
    }

    @Test
    void aLineBreakCountsAsOneColumnAndIsShownAsASpace() {
        ExpressionException e = fails("employees > 1\nand zzz = 1", 19, "unknown column 'zzz'");
        assertThat(e.getMessage().split("\n")[1]).isEqualTo("  employees > 1 and zzz = 1");
    }

    // ---- limits -----------------------------------------------------------------------------------

    @Test
    void aMegabyteStringIsRejectedByLengthWithAShortMessage() {
        String text = "name = '" + "a".repeat(1_000_000) + "'";
        ExpressionException e = fails(text, Limits.DEFAULT, 10_001, "the expression is too long: 1000009 characters,"
                + " at most 10000 allowed");
        assertThat(e.getMessage()).hasSizeLessThan(400).contains("…");
    }

    @Test
    void aMegabyteStringLiteralWithinARaisedLimitIsAPlainValue() {
        String value = "x".repeat(1_000_000);
        Expr e = Expr.parse("name = '" + value + "'", TestColumns.ACCOUNTS, GENEROUS);
        assertThat(e).isEqualTo(new Expr.Compare("name", CompareOp.EQ, new Literal.TextValue(value)));
    }

    @Test
    void hundredThousandNestedParenthesesFailOnLengthOrDepthNeverWithAStackOverflow() {
        String text = "(".repeat(100_000) + "employees = 1" + ")".repeat(100_000);
        fails(text, Limits.DEFAULT, 10_001, "too long");
        fails(text, GENEROUS, 101, "nested too deeply: more than 100 levels");
        String nots = "not ".repeat(100_000) + "retained_12m";
        fails(nots, GENEROUS, 401, "nested too deeply");
        String unclosed = "(".repeat(100_000);
        fails(unclosed, GENEROUS, 101, "nested too deeply");
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        String ok = "(".repeat(100) + "employees = 1" + ")".repeat(100);
        assertThat(TestColumns.parse(ok)).isEqualTo(TestColumns.parse("employees = 1"));
        String tooDeep = "(".repeat(101) + "employees = 1" + ")".repeat(101);
        fails(tooDeep, 101, "nested too deeply");
        String mixed = "not (".repeat(50) + "retained_12m" + ")".repeat(50);
        assertThat(TestColumns.parse(mixed).columns()).containsExactly("retained_12m");
        fails("not (".repeat(51) + "retained_12m" + ")".repeat(51), 251, "nested too deeply");
    }

    @Test
    void hundredThousandElementInListFailsOnLengthOrListSize() {
        StringBuilder sb = new StringBuilder("employees in (0");
        for (int i = 1; i < 100_000; i++) {
            sb.append(',').append(i);
        }
        String text = sb.append(')').toString();
        fails(text, Limits.DEFAULT, 10_001, "too long");
        int column = text.indexOf(",10000,") + 2; // the 10 001st value
        fails(text, GENEROUS, column, "too many values in the list: at most 10000 allowed");
    }

    @Test
    void listSizeLimitIsInclusive() {
        Limits three = new Limits(1_000, 10, 3);
        assertThat(Expr.parse("employees in (1, 2, 3)", TestColumns.ACCOUNTS, three)).isInstanceOf(Expr.In.class);
        fails("employees in (1, 2, 3, 4)", three, 24, "too many values in the list: at most 3 allowed");
    }

    @Test
    void longExpressionsShowAWindowAroundThePosition() {
        String text = "employees = 1 and ".repeat(100) + "zzz = 1" + " and employees = 1".repeat(100);
        ExpressionException e = fails(text, 1801, "unknown column 'zzz'");
        String[] lines = e.getMessage().split("\n");
        assertThat(lines[1]).startsWith("  …").endsWith("…").hasSizeLessThan(130);
        assertThat(lines[1].charAt(lines[2].indexOf('^'))).isEqualTo('z');
    }

    @Test
    void theDeepestAcceptedExpressionParsesAndCompilesOnAHalfSizeStack() throws InterruptedException {
        // worst case for stack use: every level is a 'not' or a parenthesis holding both 'and' and 'or'
        String text = "retained_12m";
        for (int i = 0; i < Limits.DEPTH_CEILING / 2; i++) {
            text = "not (is_active and " + text + " or is_active)";
        }
        String deepest = text;
        Limits limits = new Limits(1_000_000, Limits.DEPTH_CEILING, 10);
        Throwable[] failure = new Throwable[1];
        Runnable work = () -> {
            try {
                Expr e = Expr.parse(deepest, TestColumns.ACCOUNTS, limits);
                e.toSql(Dialect.duckdb());
                e.toPredicate().evaluate(column -> true);
                assertThat(Expr.parse(e.text(), TestColumns.ACCOUNTS, limits)).isEqualTo(e);
                assertThat(e.columns()).containsExactly("is_active", "retained_12m");
                Expr.parse("(" + deepest + ")", TestColumns.ACCOUNTS, limits);
            } catch (Throwable t) {
                failure[0] = t;
            }
        };
        Thread thread = new Thread(null, work, "small-stack", 512 * 1024);
        thread.start();
        thread.join();
        assertThat(failure[0]).isInstanceOf(ExpressionException.class).hasMessageContaining("nested too deeply");
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new Limits(0, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(10, Limits.DEPTH_CEILING + 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(10, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Limits.DEFAULT).isEqualTo(new Limits(10_000, 100, 10_000));
    }
}
