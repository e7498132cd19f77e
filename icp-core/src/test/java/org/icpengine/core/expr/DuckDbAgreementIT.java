package org.icpengine.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs compiled expressions on a real in-memory DuckDB and checks, row by row, that the SQL value
 * (true, false or NULL) equals what the in-memory predicate computes for the same row as read back
 * through JDBC.
 */
class DuckDbAgreementIT {

    private static final String MALICIOUS_NAME = "'; DROP TABLE accounts; --";

    private static Connection db;
    private static List<Map<String, Object>> rows;

    @BeforeAll
    static void createTable() throws SQLException {
        db = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE accounts (id INTEGER, industry VARCHAR, name VARCHAR, employees BIGINT,"
                    + " annual_revenue DECIMAL(18,2), nrr_12m DOUBLE, ltv_cac DOUBLE, tech_stack VARCHAR[],"
                    + " created_at DATE, opened_at TIMESTAMP, retained_12m BOOLEAN, is_active BOOLEAN)");
            // edge cases: nulls, ties at bounds, empty lists, null elements, case, unicode, NaN, -0.0, extremes
            s.execute("INSERT INTO accounts VALUES"
                    + " (1, 'SaaS', 'Acme', 50, 12.34, 1.0, 3.0, ['salesforce', 'snowflake'], DATE '2026-01-31',"
                    + "    TIMESTAMP '2026-01-31 00:00:00', true, true),"
                    + " (2, 'saas', 'acme', 200, 1000.00, 0.99, 2.999, [], DATE '2026-01-01',"
                    + "    TIMESTAMP '2026-01-30 23:59:59.999999', false, true),"
                    + " (3, 'SAAS', NULL, 49, NULL, 'NaN'::DOUBLE, NULL, NULL, NULL, NULL, NULL, NULL),"
                    + " (4, NULL, 'Zürich AG', 201, 0.00, -0.0::DOUBLE, 0, [NULL, 'hubspot'], DATE '2025-12-31',"
                    + "    TIMESTAMP '2026-02-01 12:00:00', true, false),"
                    + " (5, 'Fintech', '😀 Emoji', 9223372036854775807, 99999999999999.99, 1e300, -1.5, ['Salesforce'],"
                    + "    DATE '2026-06-30', TIMESTAMP '2026-06-30 23:59:59', false, NULL),"
                    + " (6, 'Healthcare', '\uffff', -5, 1.50, 1.5, 3, ['snowflake'], DATE '1970-01-01',"
                    + "    TIMESTAMP '1970-01-01 00:00:00', NULL, true),"
                    + " (7, '', '''; DROP TABLE accounts; --', 0, 1.49, 0.5, 2, [''], DATE '2026-02-01',"
                    + "    TIMESTAMP '2026-01-31 00:00:01', true, true),"
                    + " (8, 'Fin''tech', 'O''Brien', 9007199254740993, 1000, 1, 3.0000001, ['salesforce'],"
                    + "    DATE '2026-01-30', TIMESTAMP '2026-06-30 23:59:58', false, false),"
                    + " (9, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                    + " (10, 'b', 'B', -9223372036854775808, -0.01, -1e-300, 'NaN'::DOUBLE, ['a', 'b', 'c'],"
                    + "    DATE '2026-01-31', TIMESTAMP '2026-01-31 23:59:59.5', true, NULL)");
        }
        rows = readRows();
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static List<Map<String, Object>> readRows() throws SQLException {
        List<Map<String, Object>> result = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM accounts ORDER BY id")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    // values exactly as the driver gives them, lists as java.sql.Array
                    row.put(md.getColumnName(i), rs.getObject(i));
                }
                result.add(row);
            }
        }
        return result;
    }

    /** id -> the SQL value of the expression for that row (TRUE, FALSE or null). */
    private static Map<Integer, Boolean> sqlValues(SqlFragment where) throws SQLException {
        Map<Integer, Boolean> values = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id, " + where.sql() + " FROM accounts ORDER BY id")) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getInt(1), (Boolean) rs.getObject(2));
                }
            }
        }
        return values;
    }

    private static Map<Integer, Boolean> predicateValues(RowPredicate p) {
        Map<Integer, Boolean> values = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            values.put((Integer) row.get("id"), p.evaluate(row::get));
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "industry = 'SaaS'", "industry != 'SaaS'", "industry <> 'saas'", "industry < 'a'", "industry >= 'SaaS'",
        "industry > ''", "industry = ''", "industry in ('SaaS', 'Fintech')", "industry not in ('SaaS', 'Fintech')",
        "industry between 'A' and 'Z'", "industry not between 'A' and 'Z'", "industry between 'SaaS' and 'saas'",
        "industry is null", "industry is not null", "not industry = 'SaaS'", "industry = 'Fin''tech'",
        "name > '\uffff'", "name >= 'Z'", "name < '😀'", "name = 'Zürich AG'", "name = 'O''Brien'",
        "name = '''; DROP TABLE accounts; --'", "name in ('acme', 'Acme')",
        "employees = 50", "employees between 50 and 200", "employees not between 50 and 200", "employees > 49.5",
        "employees >= 9223372036854775807", "employees <= -9223372036854775808", "employees != 9007199254740992",
        "employees = 9007199254740993", "employees < -1", "employees in (0, 50, 201)", "employees not in (50)",
        "employees in (49.5, 50)", "employees between -0.5 and 0.5",
        "annual_revenue = 12.34", "annual_revenue = 1000", "annual_revenue >= 1000", "annual_revenue between 0 and 1.5",
        "annual_revenue >= 99999999999999.99", "annual_revenue < 0", "annual_revenue in (1.5, 1000)",
        "nrr_12m >= 1.0", "nrr_12m >= 1", "nrr_12m = 0", "nrr_12m = 0.0", "nrr_12m > 1000000", "nrr_12m < 0.5",
        "nrr_12m between -1 and 1", "nrr_12m in (1, 1.5)", "nrr_12m not in (1)", "nrr_12m < 0",
        "ltv_cac >= 3", "ltv_cac < 3", "ltv_cac > 2.999", "ltv_cac between 3 and 3",
        "'snowflake' in tech_stack", "'hubspot' in tech_stack", "'salesforce' not in tech_stack",
        "not 'x' in tech_stack", "'' in tech_stack", "'Salesforce' in tech_stack", "tech_stack is null",
        "tech_stack is not null",
        "created_at = '2026-01-31'", "created_at between date '2026-01-01' and '2026-01-31'",
        "created_at < date '2026-01-01'", "created_at >= '2026-01-31'", "created_at in ('2026-01-31', '1970-01-01')",
        "created_at != '2026-01-31'",
        "opened_at >= '2026-01-31'", "opened_at < date '2026-01-31'", "opened_at = '2026-01-31'",
        "opened_at between '2026-01-30 23:59:59' and '2026-01-31'", "opened_at = timestamp '2026-01-30 23:59:59.999999'",
        "opened_at > '2026-06-30T23:59:58Z'", "opened_at in ('2026-01-31', '1970-01-01 00:00')",
        "opened_at between date '2026-01-31' and timestamp '2026-01-31 23:59:59.5'",
        "retained_12m", "not retained_12m", "retained_12m = true", "retained_12m != false", "retained_12m in (false)",
        "retained_12m is null", "retained_12m and is_active", "retained_12m or is_active",
        "not (retained_12m and is_active)", "not retained_12m or not is_active",
        "retained_12m and nrr_12m >= 1.0 and ltv_cac >= 3",
        "industry in ('Fintech', 'SaaS') or employees > 100 and not is_active",
        "(industry = 'SaaS' or industry is null) and 'snowflake' in tech_stack",
        "not (industry = 'SaaS' or employees >= 200)",
        "not (industry is null or name is null) and (nrr_12m < 1 or 'a' not in tech_stack)",
        "INDUSTRY IN ('saas', 'SAAS') AND NOT Retained_12m OR Tech_Stack IS NULL"
    })
    void sqlAndPredicateAgreeOnEveryRowIncludingNulls(String text) throws SQLException {
        Expr e = TestColumns.parse(text);
        Map<Integer, Boolean> sql = sqlValues(e.toSql(Dialect.duckdb()));
        assertThat(predicateValues(e.toPredicate())).as(text + " -> " + e.toSql(Dialect.duckdb()).sql())
                .isEqualTo(sql);
        assertThat(sql.values()).as("the edge rows should make %s true for some and not for others", text)
                .contains(true).containsAnyOf(false, null);
    }

    @Test
    void theEdgeRowsDistinguishTrueFalseAndNull() throws SQLException {
        Map<Integer, Boolean> values = sqlValues(TestColumns.parse("employees between 50 and 200").toSql(Dialect.duckdb()));
        assertThat(values).containsEntry(1, true).containsEntry(2, true).containsEntry(3, false)
                .containsEntry(4, false).containsEntry(9, null);
    }

    @Test
    void aMaliciousStringLiteralIsAPlainValueAndTheTableSurvives() throws SQLException {
        Expr e = TestColumns.parse("name = '''; DROP TABLE accounts; --'");
        assertThat(e).isEqualTo(new Expr.Compare("name", CompareOp.EQ, new Literal.TextValue(MALICIOUS_NAME)));
        SqlFragment where = e.toSql(Dialect.duckdb());
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM accounts WHERE " + where.sql())) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        assertThat(ids).containsExactly(7);
        assertThat(e.toPredicate().test(Map.of("name", MALICIOUS_NAME))).isTrue();

        SqlFragment list = TestColumns.parse("industry in ('x''); DROP TABLE accounts; --', 'SaaS')"
                + " or name = 'a'' OR ''1''=''1'").toSql(Dialect.duckdb());
        assertThat(sqlValues(list).values()).containsOnlyOnce(true);
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM accounts")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(10);
        }
    }

    @Test
    void bindStartsAtTheGivenIndexSoFragmentsCombine() throws SQLException {
        SqlFragment a = TestColumns.parse("employees >= 50").toSql(Dialect.duckdb());
        SqlFragment b = TestColumns.parse("'snowflake' in tech_stack").toSql(Dialect.duckdb());
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT count(*) FROM accounts WHERE id < ? AND " + a.sql() + " AND " + b.sql())) {
            ps.setInt(1, 100);
            int next = b.bind(ps, a.bind(ps, 2));
            assertThat(next).isEqualTo(4);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
