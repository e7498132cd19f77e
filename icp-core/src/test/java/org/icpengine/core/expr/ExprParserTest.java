package org.icpengine.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.icpengine.core.expr.TestColumns.parse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.icpengine.core.expr.Expr.And;
import org.icpengine.core.expr.Expr.Between;
import org.icpengine.core.expr.Expr.BooleanColumn;
import org.icpengine.core.expr.Expr.Compare;
import org.icpengine.core.expr.Expr.Contains;
import org.icpengine.core.expr.Expr.In;
import org.icpengine.core.expr.Expr.IsNull;
import org.icpengine.core.expr.Expr.Not;
import org.icpengine.core.expr.Expr.Or;
import org.icpengine.core.expr.Literal.BooleanValue;
import org.icpengine.core.expr.Literal.DateValue;
import org.icpengine.core.expr.Literal.NumberValue;
import org.icpengine.core.expr.Literal.TextValue;
import org.icpengine.core.expr.Literal.TimestampValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExprParserTest {

    private static TextValue text(String s) {
        return new TextValue(s);
    }

    private static NumberValue num(String s) {
        return new NumberValue(new BigDecimal(s));
    }

    private static Compare eq(String column, Literal value) {
        return new Compare(column, CompareOp.EQ, value);
    }

    private static BooleanColumn flag(String column) {
        return new BooleanColumn(column);
    }

    @Test
    void parsesEveryComparisonOperator() {
        assertThat(parse("employees = 5")).isEqualTo(new Compare("employees", CompareOp.EQ, num("5")));
        assertThat(parse("employees != 5")).isEqualTo(new Compare("employees", CompareOp.NE, num("5")));
        assertThat(parse("employees <> 5")).isEqualTo(new Compare("employees", CompareOp.NE, num("5")));
        assertThat(parse("employees < 5")).isEqualTo(new Compare("employees", CompareOp.LT, num("5")));
        assertThat(parse("employees <= 5")).isEqualTo(new Compare("employees", CompareOp.LE, num("5")));
        assertThat(parse("employees > 5")).isEqualTo(new Compare("employees", CompareOp.GT, num("5")));
        assertThat(parse("employees >= 5")).isEqualTo(new Compare("employees", CompareOp.GE, num("5")));
        assertThat(parse("employees>=5")).isEqualTo(parse("employees >= 5"));
    }

    @Test
    void parsesBetweenAndNotBetween() {
        Between between = new Between("employees", num("10"), num("50"));
        assertThat(parse("employees between 10 and 50")).isEqualTo(between);
        assertThat(parse("employees not between 10 and 50")).isEqualTo(new Not(between));
        assertThat(parse("employees between 10 and 10")).isEqualTo(new Between("employees", num("10"), num("10")));
        assertThat(parse("industry between 'A' and 'M'")).isEqualTo(new Between("industry", text("A"), text("M")));
    }

    @Test
    void parsesInListsAndNotIn() {
        In in = new In("industry", List.of(text("Fintech"), text("SaaS")));
        assertThat(parse("industry in ('Fintech', 'SaaS')")).isEqualTo(in);
        assertThat(parse("industry not in ('Fintech','SaaS')")).isEqualTo(new Not(in));
        assertThat(parse("employees in (1)")).isEqualTo(new In("employees", List.of(num("1"))));
        assertThat(parse("retained_12m in (true, false)"))
                .isEqualTo(new In("retained_12m", List.of(new BooleanValue(true), new BooleanValue(false))));
    }

    @Test
    void parsesMembershipInAListColumn() {
        assertThat(parse("'snowflake' in tech_stack")).isEqualTo(new Contains("tech_stack", "snowflake"));
        assertThat(parse("'snowflake' not in tech_stack")).isEqualTo(new Not(new Contains("tech_stack", "snowflake")));
        assertThat(parse("'' in tech_stack")).isEqualTo(new Contains("tech_stack", ""));
    }

    @Test
    void parsesIsNullAndIsNotNull() {
        assertThat(parse("industry is null")).isEqualTo(new IsNull("industry"));
        assertThat(parse("industry is not null")).isEqualTo(new Not(new IsNull("industry")));
        assertThat(parse("tech_stack is null")).isEqualTo(new IsNull("tech_stack"));
        assertThat(parse("created_at IS NOT NULL")).isEqualTo(new Not(new IsNull("created_at")));
    }

    @Test
    void parsesABooleanColumnOnItsOwn() {
        assertThat(parse("retained_12m")).isEqualTo(flag("retained_12m"));
        assertThat(parse("not retained_12m")).isEqualTo(new Not(flag("retained_12m")));
        assertThat(parse("retained_12m and nrr_12m >= 1.0 and ltv_cac >= 3")).isEqualTo(new And(List.of(
                flag("retained_12m"),
                new Compare("nrr_12m", CompareOp.GE, num("1.0")),
                new Compare("ltv_cac", CompareOp.GE, num("3")))));
        assertThat(parse("(retained_12m)")).isEqualTo(flag("retained_12m"));
        assertThat(parse("retained_12m = true")).isEqualTo(eq("retained_12m", new BooleanValue(true)));
        assertThat(parse("retained_12m != FALSE"))
                .isEqualTo(new Compare("retained_12m", CompareOp.NE, new BooleanValue(false)));
    }

    @Test
    void parsesNumbers() {
        assertThat(parse("employees = 0")).isEqualTo(eq("employees", num("0")));
        assertThat(parse("employees = 007")).isEqualTo(eq("employees", num("7")));
        assertThat(parse("nrr_12m = 1.25")).isEqualTo(eq("nrr_12m", num("1.25")));
        assertThat(parse("nrr_12m = -1.25")).isEqualTo(eq("nrr_12m", num("-1.25")));
        assertThat(parse("nrr_12m > -0.5")).isEqualTo(new Compare("nrr_12m", CompareOp.GT, num("-0.5")));
        assertThat(parse("employees>-5")).isEqualTo(new Compare("employees", CompareOp.GT, num("-5")));
        assertThat(parse("employees between -10 and -1")).isEqualTo(new Between("employees", num("-10"), num("-1")));
        assertThat(parse("employees = 9223372036854775807")).isEqualTo(eq("employees", num("9223372036854775807")));
        assertThat(parse("employees = -9223372036854775808")).isEqualTo(eq("employees", num("-9223372036854775808")));
    }

    @Test
    void parsesStringsWithDoubledQuotes() {
        assertThat(parse("name = 'O''Brien'")).isEqualTo(eq("name", text("O'Brien")));
        assertThat(parse("name = ''")).isEqualTo(eq("name", text("")));
        assertThat(parse("name = ''''")).isEqualTo(eq("name", text("'")));
        assertThat(parse("name = 'a \"quoted\" -- /* not a comment */ ; value'"))
                .isEqualTo(eq("name", text("a \"quoted\" -- /* not a comment */ ; value")));
    }

    @Test
    void keepsUnicodeInStringsAsIs() {
        String value = "Zürich 北京 😀 \u202e\u200d";
        assertThat(parse("name = '" + value + "'")).isEqualTo(eq("name", text(value)));
    }

    @Test
    void parsesDatesAsLiteralsOrBareStringsForDateColumns() {
        DateValue jan31 = new DateValue(LocalDate.of(2026, 1, 31));
        assertThat(parse("created_at = date '2026-01-31'")).isEqualTo(eq("created_at", jan31));
        assertThat(parse("created_at = DATE '2026-01-31'")).isEqualTo(eq("created_at", jan31));
        assertThat(parse("created_at = '2026-01-31'")).isEqualTo(eq("created_at", jan31));
        assertThat(parse("created_at between '2026-01-01' and date '2026-01-31'"))
                .isEqualTo(new Between("created_at", new DateValue(LocalDate.of(2026, 1, 1)), jan31));
        assertThat(parse("created_at = '2024-02-29'")).isEqualTo(eq("created_at", new DateValue(LocalDate.of(2024, 2, 29))));
    }

    @Test
    void parsesTimestampsAndTreatsADateAsMidnight() {
        TimestampValue midnight = new TimestampValue(LocalDateTime.of(2026, 1, 31, 0, 0));
        assertThat(parse("opened_at >= '2026-01-31'")).isEqualTo(new Compare("opened_at", CompareOp.GE, midnight));
        assertThat(parse("opened_at >= date '2026-01-31'")).isEqualTo(new Compare("opened_at", CompareOp.GE, midnight));
        TimestampValue noon = new TimestampValue(LocalDateTime.of(2026, 1, 31, 12, 30, 15, 123_000_000));
        assertThat(parse("opened_at = timestamp '2026-01-31 12:30:15.123'")).isEqualTo(eq("opened_at", noon));
        assertThat(parse("opened_at = '2026-01-31T12:30:15.123Z'")).isEqualTo(eq("opened_at", noon));
        assertThat(parse("opened_at = '2026-01-31 12:30'"))
                .isEqualTo(eq("opened_at", new TimestampValue(LocalDateTime.of(2026, 1, 31, 12, 30))));
    }

    @Test
    void keywordsAndColumnNamesAreCaseInsensitive() {
        Expr lower = parse("industry in ('SaaS') and employees between 1 and 2 or tech_stack is not null");
        Expr mixed = parse("INDUSTRY In ('SaaS') AnD Employees BETWEEN 1 AND 2 OR Tech_Stack IS NOT NULL");
        assertThat(mixed).isEqualTo(lower);
        assertThat(mixed.columns()).containsExactly("industry", "employees", "tech_stack");
    }

    @Test
    void stringValuesStayCaseSensitive() {
        assertThat(parse("industry = 'SaaS'")).isNotEqualTo(parse("industry = 'saas'"));
    }

    @Test
    void acceptsTabsAndLineBreaksAsWhitespace() {
        assertThat(parse("\n\tindustry\r\n=\t'SaaS'\n")).isEqualTo(eq("industry", text("SaaS")));
    }

    // ---- precedence -------------------------------------------------------------------------------

    @Test
    void andBindsTighterThanOr() {
        assertThat(parse("retained_12m or is_active and employees > 1")).isEqualTo(new Or(List.of(
                flag("retained_12m"),
                new And(List.of(flag("is_active"), new Compare("employees", CompareOp.GT, num("1")))))));
        assertThat(parse("retained_12m and is_active or employees > 1")).isEqualTo(new Or(List.of(
                new And(List.of(flag("retained_12m"), flag("is_active"))),
                new Compare("employees", CompareOp.GT, num("1")))));
    }

    @Test
    void notBindsTighterThanAndButLooserThanAComparison() {
        assertThat(parse("not retained_12m and is_active"))
                .isEqualTo(new And(List.of(new Not(flag("retained_12m")), flag("is_active"))));
        assertThat(parse("not retained_12m or is_active"))
                .isEqualTo(new Or(List.of(new Not(flag("retained_12m")), flag("is_active"))));
        assertThat(parse("not employees = 1")).isEqualTo(new Not(eq("employees", num("1"))));
        assertThat(parse("not not retained_12m")).isEqualTo(new Not(new Not(flag("retained_12m"))));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(parse("(retained_12m or is_active) and employees > 1")).isEqualTo(new And(List.of(
                new Or(List.of(flag("retained_12m"), flag("is_active"))),
                new Compare("employees", CompareOp.GT, num("1")))));
        assertThat(parse("not (retained_12m and is_active)"))
                .isEqualTo(new Not(new And(List.of(flag("retained_12m"), flag("is_active")))));
        assertThat(parse("((((employees = 1))))")).isEqualTo(eq("employees", num("1")));
    }

    @Test
    void chainsOfTheSameOperatorAreFlattenedButParenthesizedGroupsAreKept() {
        assertThat(parse("retained_12m or is_active or employees = 1"))
                .isEqualTo(new Or(List.of(flag("retained_12m"), flag("is_active"), eq("employees", num("1")))));
        assertThat(parse("(retained_12m or is_active) or employees = 1")).isEqualTo(new Or(List.of(
                new Or(List.of(flag("retained_12m"), flag("is_active"))), eq("employees", num("1")))));
    }

    @Test
    void betweenTakesItsAndBeforeTheBooleanAnd() {
        assertThat(parse("employees between 1 and 5 and retained_12m"))
                .isEqualTo(new And(List.of(new Between("employees", num("1"), num("5")), flag("retained_12m"))));
    }

    // ---- columns(), text(), records -----------------------------------------------------------

    @Test
    void columnsListsReferencedNamesOnceInOrderOfAppearance() {
        Expr e = parse("Industry = 'a' and (employees > 1 or INDUSTRY is null) and 'x' in tech_stack"
                + " and not retained_12m");
        assertThat(e.columns()).containsExactly("industry", "employees", "tech_stack", "retained_12m");
        assertThatThrownBy(() -> e.columns().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "industry = 'O''Brien'",
        "industry in ('Fintech', 'SaaS') and employees >= 50 and 'snowflake' in tech_stack",
        "retained_12m and nrr_12m >= 1.0 and ltv_cac >= 3",
        "not (industry = 'x' or employees is null) or (retained_12m and is_active) and not is_active",
        "(retained_12m or is_active) or (employees = 1 and (employees = 2 and employees = 3))",
        "employees not between -1.5 and 2 and industry not in ('a') and 'b' not in tech_stack",
        "tech_stack is not null and created_at = '2026-01-31' and opened_at < '2026-01-31 10:00:00.5'",
        "not not retained_12m and not industry is null and not (not is_active)",
        "not (industry not in ('a'))",
        "name = 'Zürich 😀'"
    })
    void canonicalTextParsesBackToTheSameTree(String text) {
        Expr e = parse(text);
        assertThat(parse(e.text())).isEqualTo(e);
        assertThat(e.text()).isEqualTo(parse(e.text()).text());
    }

    @Test
    void canonicalTextIsReadable() {
        assertThat(parse("INDUSTRY IN ('a','b') AND (employees>=5 OR NOT retained_12m)").text())
                .isEqualTo("industry in ('a', 'b') and (employees >= 5 or not retained_12m)");
        assertThat(parse("created_at >= '2026-01-31'").text()).isEqualTo("created_at >= date '2026-01-31'");
        assertThat(parse("opened_at >= '2026-01-31'").text()).isEqualTo("opened_at >= timestamp '2026-01-31 00:00:00'");
    }

    @Test
    void treesAreImmutable() {
        List<Literal> values = new ArrayList<>(List.of(text("a")));
        In in = new In("industry", values);
        values.add(text("b"));
        assertThat(in.values()).containsExactly(text("a"));
        assertThatThrownBy(() -> in.values().add(text("c"))).isInstanceOf(UnsupportedOperationException.class);
        And and = (And) parse("retained_12m and is_active");
        assertThatThrownBy(() -> and.operands().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void recordsRejectMalformedTreesBuiltInCode() {
        assertThatThrownBy(() -> new Compare("industry; DROP TABLE x", CompareOp.EQ, text("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IsNull("\"industry\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new And(List.of(flag("is_active")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new In("industry", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> num("99999999999999999999")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimestampValue(LocalDateTime.of(2026, 1, 1, 0, 0, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepTreesBuiltInCodeFailCleanlyInsteadOfOverflowingTheStack() {
        Expr e = flag("is_active");
        for (int i = 0; i < 100_000; i++) {
            e = new Not(e);
        }
        Expr deep = e;
        assertThatThrownBy(deep::columns).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deeper");
        assertThatThrownBy(() -> deep.toSql(Dialect.duckdb())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(deep::toPredicate).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(deep::text).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longAndOrChainsAreLoopsNotRecursion() {
        StringBuilder sb = new StringBuilder("employees = 0");
        for (int i = 1; i < 50_000; i++) {
            sb.append(i % 2 == 0 ? " and " : " or ").append("employees = ").append(i);
        }
        Expr e = Expr.parse(sb.toString(), TestColumns.ACCOUNTS, new Limits(10_000_000, 100, 10_000));
        assertThat(e.toSql(Dialect.duckdb()).params()).hasSize(50_000);
        assertThat(e.toPredicate().test(java.util.Map.of("employees", 0L))).isTrue();
        assertThat(e.toPredicate().test(java.util.Map.of("employees", 1L))).isFalse();
    }
}
