package org.icpengine.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.icpengine.core.expr.TestColumns.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;

class RowPredicateTest {

    /** A row from alternating names and values; values may be null. */
    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Boolean eval(String text, Map<String, Object> row) {
        return parse(text).toPredicate().evaluate(row::get);
    }

    @Test
    void followsKleeneThreeValuedLogic() {
        Boolean[] values = {Boolean.TRUE, Boolean.FALSE, null};
        for (Boolean a : values) {
            for (Boolean b : values) {
                Map<String, Object> r = row("retained_12m", a, "is_active", b);
                assertThat(eval("retained_12m and is_active", r)).as("%s and %s", a, b).isEqualTo(and(a, b));
                assertThat(eval("retained_12m or is_active", r)).as("%s or %s", a, b).isEqualTo(or(a, b));
            }
            assertThat(eval("not retained_12m", row("retained_12m", a))).isEqualTo(a == null ? null : !a);
        }
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    @Test
    void aComparisonWithNullIsUnknownAndItsNegationToo() {
        Map<String, Object> nulls = row("industry", null);
        for (String text : new String[] {"industry = 'x'", "industry != 'x'", "industry in ('x')",
            "industry not in ('x')", "industry between 'a' and 'z'", "industry not between 'a' and 'z'",
            "not industry = 'x'", "'x' in tech_stack", "'x' not in tech_stack"}) {
            assertThat(eval(text, nulls)).as(text).isNull();
            assertThat(parse(text).toPredicate().test(nulls)).as(text).isFalse();
        }
        assertThat(eval("industry is null", nulls)).isTrue();
        assertThat(eval("industry is not null", nulls)).isFalse();
    }

    @Test
    void anAbsentColumnIsNull() {
        RowPredicate p = parse("industry is null and employees is null").toPredicate();
        assertThat(p.test(Map.of())).isTrue();
        assertThat(p.test(column -> null)).isTrue();
    }

    @Test
    void unknownOrTrueIsTrueAndUnknownAndFalseIsFalse() {
        assertThat(eval("industry = 'x' or employees = 1", row("employees", 1L))).isTrue();
        assertThat(eval("industry = 'x' and employees = 1", row("employees", 2L))).isFalse();
        assertThat(eval("industry = 'x' and employees = 1", row("employees", 1L))).isNull();
    }

    @Test
    void betweenIncludesBothBounds() {
        for (long v : new long[] {10, 30, 50}) {
            assertThat(eval("employees between 10 and 50", row("employees", v))).as("%d", v).isTrue();
        }
        assertThat(eval("employees between 10 and 50", row("employees", 9L))).isFalse();
        assertThat(eval("employees between 10 and 50", row("employees", 51L))).isFalse();
        assertThat(eval("employees not between 10 and 50", row("employees", 10L))).isFalse();
        assertThat(eval("created_at between '2026-01-01' and '2026-01-31'", row("created_at", LocalDate.of(2026, 1, 31)))).isTrue();
    }

    @Test
    void textComparisonIsCaseSensitiveInCodePointOrder() {
        assertThat(eval("industry = 'SaaS'", row("industry", "saas"))).isFalse();
        assertThat(eval("industry in ('SaaS')", row("industry", "SAAS"))).isFalse();
        assertThat(eval("industry < 'a'", row("industry", "B"))).isTrue();
        // UTF-16 order would put the emoji (a surrogate pair) below U+FFFF; UTF-8 byte order does not
        assertThat(eval("name > '\uffff'", row("name", "😀"))).isTrue();
        assertThat(eval("name < 'ab'", row("name", "a"))).isTrue();
        assertThat(eval("name = 'x'", row("name", new StringBuilder("x")))).isTrue();
    }

    @Test
    void wholeNumbersCompareExactlyAcrossNumberTypes() {
        assertThat(eval("employees = 9223372036854775807", row("employees", Long.MAX_VALUE))).isTrue();
        assertThat(eval("employees = 9007199254740992", row("employees", 9_007_199_254_740_993L))).isFalse();
        assertThat(eval("employees = 50", row("employees", 50))).isTrue();
        assertThat(eval("employees = 50", row("employees", (short) 50))).isTrue();
        assertThat(eval("employees = 50", row("employees", new BigDecimal("50.00")))).isTrue();
        assertThat(eval("employees < 50", row("employees", new BigDecimal("49.99")))).isTrue();
        assertThat(eval("employees > 50", row("employees", new BigInteger("99999999999999999999")))).isTrue();
        assertThat(eval("employees = 50", row("employees", 50.0))).isTrue();
        assertThat(eval("employees = 50", row("employees", "50"))).isTrue();
    }

    @Test
    void decimalsCompareInDoublePrecision() {
        assertThat(eval("nrr_12m = 0.1", row("nrr_12m", 0.1))).isTrue();
        assertThat(eval("nrr_12m >= 1.0", row("nrr_12m", 1.0))).isTrue();
        assertThat(eval("annual_revenue = 12.34", row("annual_revenue", new BigDecimal("12.34")))).isTrue();
        assertThat(eval("employees > 49.5", row("employees", 50L))).isTrue();
        assertThat(eval("nrr_12m = 0.0", row("nrr_12m", -0.0))).isTrue();
        assertThat(eval("nrr_12m = 0", row("nrr_12m", -0.0))).isTrue();
    }

    @Test
    void nanIsGreaterThanEveryNumberAsInSqlEngines() {
        Map<String, Object> nan = row("nrr_12m", Double.NaN);
        assertThat(eval("nrr_12m > 1000000", nan)).isTrue();
        assertThat(eval("nrr_12m > 1.5", nan)).isTrue();
        assertThat(eval("nrr_12m = 1", nan)).isFalse();
        assertThat(eval("nrr_12m between 0 and 1", nan)).isFalse();
        assertThat(eval("nrr_12m is null", nan)).isFalse();
    }

    @Test
    void listMembershipIgnoresNullElementsAndAnEmptyListIsNotNull() {
        assertThat(eval("'a' in tech_stack", row("tech_stack", List.of("a", "b")))).isTrue();
        assertThat(eval("'A' in tech_stack", row("tech_stack", List.of("a", "b")))).isFalse();
        assertThat(eval("'a' in tech_stack", row("tech_stack", List.of()))).isFalse();
        assertThat(eval("'a' not in tech_stack", row("tech_stack", List.of()))).isTrue();
        assertThat(eval("tech_stack is null", row("tech_stack", List.of()))).isFalse();
        assertThat(eval("'a' in tech_stack", row("tech_stack", Arrays.asList(null, "b")))).isFalse();
        assertThat(eval("'a' in tech_stack", row("tech_stack", new Object[] {"x", "a"}))).isTrue();
        assertThat(eval("'a' in tech_stack", row("tech_stack", new String[] {"x"}))).isFalse();
    }

    @Test
    void acceptsTheDateAndTimeTypesOfJdbcAndJson() {
        assertThat(eval("created_at = '2026-01-31'", row("created_at", java.sql.Date.valueOf("2026-01-31")))).isTrue();
        assertThat(eval("created_at = '2026-01-31'", row("created_at", "2026-01-31"))).isTrue();
        String ts = "opened_at = '2026-01-31 10:00:00'";
        assertThat(eval(ts, row("opened_at", LocalDateTime.of(2026, 1, 31, 10, 0)))).isTrue();
        assertThat(eval(ts, row("opened_at", Timestamp.valueOf("2026-01-31 10:00:00")))).isTrue();
        assertThat(eval(ts, row("opened_at", Instant.parse("2026-01-31T10:00:00Z")))).isTrue();
        assertThat(eval(ts, row("opened_at", OffsetDateTime.of(2026, 1, 31, 12, 0, 0, 0, ZoneOffset.ofHours(2))))).isTrue();
        assertThat(eval(ts, row("opened_at", OffsetDateTime.of(2026, 1, 31, 10, 0, 0, 0, ZoneOffset.ofHours(2)).toZonedDateTime()))).isFalse();
        assertThat(eval(ts, row("opened_at", "2026-01-31T10:00:00"))).isTrue();
        assertThat(eval("opened_at = '2026-01-31'", row("opened_at", LocalDate.of(2026, 1, 31)))).isTrue();
        assertThat(eval("opened_at >= '2026-01-31'", row("opened_at", LocalDateTime.of(2026, 1, 30, 23, 59, 59, 999_999_000)))).isFalse();
    }

    @Test
    void booleansAcceptBooleanOrTrueFalseText() {
        assertThat(eval("retained_12m", row("retained_12m", "TRUE"))).isTrue();
        assertThat(eval("retained_12m = false", row("retained_12m", "false"))).isTrue();
        assertThat(eval("retained_12m in (true)", row("retained_12m", true))).isTrue();
        assertThat(eval("retained_12m != true", row("retained_12m", true))).isFalse();
    }

    @Test
    void aValueOfTheWrongTypeIsAnInputErrorNamingTheColumn() {
        assertThatThrownBy(() -> eval("employees > 5", row("employees", "many")))
                .isInstanceOf(InputException.class)
                .hasMessage("column 'employees' has the value 'many' (String); expected a number");
        assertThatThrownBy(() -> eval("industry = 'x'", row("industry", 5L)))
                .isInstanceOf(InputException.class).hasMessageContaining("column 'industry'").hasMessageContaining("expected text");
        assertThatThrownBy(() -> eval("'x' in tech_stack", row("tech_stack", "x;y")))
                .isInstanceOf(InputException.class).hasMessageContaining("expected a list");
        assertThatThrownBy(() -> eval("created_at = '2026-01-01'", row("created_at", "31/01/2026")))
                .isInstanceOf(InputException.class).hasMessageContaining("expected a date");
        assertThatThrownBy(() -> eval("retained_12m", row("retained_12m", "yes")))
                .isInstanceOf(InputException.class).hasMessageContaining("expected true or false");
    }

    @Test
    void testAcceptsAMapOrAFunction() {
        RowPredicate p = parse("industry in ('Fintech', 'SaaS') and employees >= 50").toPredicate();
        assertThat(p.test(Map.of("industry", "SaaS", "employees", 120L))).isTrue();
        assertThat(p.test(column -> column.equals("industry") ? "SaaS" : 10L)).isFalse();
        assertThat(p.evaluate(Map.of("industry", "SaaS", "employees", 120L)::get)).isTrue();
        assertThat(p).hasToString("RowPredicate[industry in ('Fintech', 'SaaS') and employees >= 50]");
    }

    @Test
    void looksUpColumnsByTheirDeclaredName() {
        Columns columns = Columns.of(Map.of("Contract", ValueType.TEXT));
        RowPredicate p = Expr.parse("CONTRACT = 'annual'", columns).toPredicate();
        assertThat(p.test(Map.of("Contract", "annual"))).isTrue();
    }
}
