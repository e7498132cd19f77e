package org.icpengine.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.icpengine.core.expr.TestColumns.parse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlCompilerTest {

    private static SqlFragment sql(String text) {
        return parse(text).toSql(Dialect.duckdb());
    }

    @Test
    void comparisonsBindTheirValue() {
        assertThat(sql("employees >= 50")).isEqualTo(new SqlFragment("(\"employees\" >= ?)", List.of(50L)));
        assertThat(sql("industry != 'SaaS'")).isEqualTo(new SqlFragment("(\"industry\" <> ?)", List.of("SaaS")));
        assertThat(sql("industry <> 'SaaS'").sql()).isEqualTo("(\"industry\" <> ?)");
        assertThat(sql("nrr_12m < 1.5")).isEqualTo(new SqlFragment("(\"nrr_12m\" < ?)", List.of(1.5)));
        assertThat(sql("nrr_12m <= -0.25").params()).containsExactly(-0.25);
        assertThat(sql("employees > -3").params()).containsExactly(-3L);
        assertThat(sql("retained_12m = false")).isEqualTo(new SqlFragment("(\"retained_12m\" = ?)", List.of(false)));
    }

    @Test
    void datesAndTimestampsBindAsJavaTimeValues() {
        assertThat(sql("created_at = '2026-01-31'"))
                .isEqualTo(new SqlFragment("(\"created_at\" = ?)", List.of(LocalDate.of(2026, 1, 31))));
        assertThat(sql("opened_at > date '2026-01-31'").params()).containsExactly(LocalDateTime.of(2026, 1, 31, 0, 0));
        assertThat(sql("opened_at > timestamp '2026-01-31 10:20:30.000001'").params())
                .containsExactly(LocalDateTime.of(2026, 1, 31, 10, 20, 30, 1_000));
    }

    @Test
    void betweenInAndNullTests() {
        assertThat(sql("employees between 10 and 50"))
                .isEqualTo(new SqlFragment("(\"employees\" BETWEEN ? AND ?)", List.of(10L, 50L)));
        assertThat(sql("employees not between 10 and 50").sql()).isEqualTo("(NOT (\"employees\" BETWEEN ? AND ?))");
        assertThat(sql("industry in ('a', 'b', 'c')"))
                .isEqualTo(new SqlFragment("(\"industry\" IN (?, ?, ?))", List.of("a", "b", "c")));
        assertThat(sql("industry not in ('a')").sql()).isEqualTo("(NOT (\"industry\" IN (?)))");
        assertThat(sql("industry is null")).isEqualTo(new SqlFragment("(\"industry\" IS NULL)", List.of()));
        assertThat(sql("industry is not null").sql()).isEqualTo("(NOT (\"industry\" IS NULL))");
    }

    @Test
    void membershipGoesThroughTheDialect() {
        assertThat(sql("'snowflake' in tech_stack"))
                .isEqualTo(new SqlFragment("(list_contains(\"tech_stack\", ?))", List.of("snowflake")));
        assertThat(sql("'snowflake' not in tech_stack").sql()).isEqualTo("(NOT (list_contains(\"tech_stack\", ?)))");
    }

    @Test
    void booleanStructureIsFullyParenthesized() {
        assertThat(sql("retained_12m and nrr_12m >= 1.0 and ltv_cac >= 3")).isEqualTo(new SqlFragment(
                "((\"retained_12m\") AND (\"nrr_12m\" >= ?) AND (\"ltv_cac\" >= ?))", List.of(1.0, 3L)));
        assertThat(sql("retained_12m or is_active and not employees = 1").sql())
                .isEqualTo("((\"retained_12m\") OR ((\"is_active\") AND (NOT (\"employees\" = ?))))");
    }

    @Test
    void paramsFollowTheOrderOfTheirPlaceholders() {
        SqlFragment f = sql("industry in ('a', 'b') and (employees between 1 and 2 or 'x' in tech_stack) and name = 'n'");
        assertThat(f.params()).containsExactly("a", "b", 1L, 2L, "x", "n");
        assertThat(f.sql().chars().filter(c -> c == '?').count()).isEqualTo(f.params().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "name = '''; DROP TABLE accounts; --'",
        "name = '\\'' or 1=1 --'",
        "name in ('x'') or (''1''=''1', '\"; DELETE FROM accounts; --')",
        "'x\"); DROP TABLE t; --' in tech_stack",
        "name = '/* */ ? $1 :p @v `q` \"q\"'"
    })
    void userTextReachesSqlOnlyAsBindParameters(String text) {
        SqlFragment f = sql(text);
        assertThat(f.sql()).doesNotContain("'", "DROP", "DELETE", "--", ";", "/*", "$", "`", ":", "@", "1=1");
        assertThat(f.sql().chars().filter(c -> c == '?').count()).isEqualTo(f.params().size());
        assertThat(f.params()).allSatisfy(p -> assertThat(p).isInstanceOf(String.class));
    }

    @Test
    void columnsAreWrittenAsTheCallerMapsThem() {
        ColumnSql qualified = column -> "a." + Dialect.duckdb().quoteIdentifier(column);
        assertThat(parse("industry = 'x' and 'y' in tech_stack").toSql(Dialect.duckdb(), qualified).sql())
                .isEqualTo("((a.\"industry\" = ?) AND (list_contains(a.\"tech_stack\", ?)))");
        assertThat(parse("Industry = 'x'").toSql(Dialect.duckdb(), ColumnSql.quoted(Dialect.duckdb())).sql())
                .isEqualTo("(\"industry\" = ?)");
        assertThatThrownBy(() -> parse("industry = 'x'").toSql(Dialect.duckdb(), column -> null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("industry");
    }

    @Test
    void anotherDialectChangesOnlyQuotingAndMembership() {
        Dialect sparkLike = new Dialect() {
            @Override
            public String name() {
                return "spark-like";
            }

            @Override
            public String quoteIdentifier(String name) {
                return "`" + name + "`";
            }

            @Override
            public String listContains(String listSql, String elementSql) {
                return "array_contains(" + listSql + ", " + elementSql + ")";
            }
        };
        assertThat(parse("industry = 'x' and 'y' not in tech_stack").toSql(sparkLike).sql())
                .isEqualTo("((`industry` = ?) AND (NOT (array_contains(`tech_stack`, ?))))");
    }

    @Test
    void duckDbDialectQuotesIdentifiersSafely() {
        assertThat(Dialect.duckdb().name()).isEqualTo("duckdb");
        assertThat(Dialect.duckdb().quoteIdentifier("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void sqlFragmentsAreImmutable() {
        List<Object> params = new ArrayList<>(List.of("a"));
        SqlFragment f = new SqlFragment("(?)", params);
        params.add("b");
        assertThat(f.params()).containsExactly("a");
        assertThatThrownBy(() -> f.params().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
