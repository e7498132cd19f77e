package org.icpengine.core.expr;

import java.util.LinkedHashMap;
import java.util.Map;

/** The columns the expression tests use: one or more of every type, named as in DESIGN.md. */
final class TestColumns {

    static final Columns ACCOUNTS = Columns.of(accounts());

    private TestColumns() {
    }

    private static Map<String, ValueType> accounts() {
        Map<String, ValueType> m = new LinkedHashMap<>();
        m.put("industry", ValueType.TEXT);
        m.put("name", ValueType.TEXT);
        m.put("employees", ValueType.NUMBER);
        m.put("annual_revenue", ValueType.NUMBER);
        m.put("nrr_12m", ValueType.NUMBER);
        m.put("ltv_cac", ValueType.NUMBER);
        m.put("tech_stack", ValueType.LIST);
        m.put("created_at", ValueType.DATE);
        m.put("opened_at", ValueType.TIMESTAMP);
        m.put("retained_12m", ValueType.BOOLEAN);
        m.put("is_active", ValueType.BOOLEAN);
        return m;
    }

    static Expr parse(String text) {
        return Expr.parse(text, ACCOUNTS);
    }
}
