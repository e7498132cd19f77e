package org.icpengine.core.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.icpengine.core.config.AttributeConfig;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.schema.CanonicalTable;
import org.icpengine.core.schema.Column;
import org.icpengine.core.schema.ColumnType;

/**
 * The names and types of everything known about an account: canonical account columns, derived
 * firmographics ({@code employees_band}, {@code revenue_band}, {@code has_<tech>}), custom attributes and
 * the metrics of DESIGN.md "Metrics". This is the vocabulary of expressions ({@code ideal}, filters,
 * hand-written scorecards) and of model inputs.
 */
public final class MetricCatalog {

    /**
     * Metrics of DESIGN.md "Metrics", in the order they are defined there, plus the counts segments pool
     * ({@code mrr_12m_ago}, {@code won_opportunities}, {@code lost_opportunities}).
     */
    public static final Map<String, ColumnType> METRICS = metrics();

    private MetricCatalog() {
    }

    private static Map<String, ColumnType> metrics() {
        Map<String, ColumnType> m = new LinkedHashMap<>();
        m.put("active_days_per_week", ColumnType.NUMBER);
        m.put("active_users", ColumnType.INT);
        m.put("usage_trend", ColumnType.NUMBER);
        m.put("use_cases", ColumnType.INT);
        m.put("high_value_use_cases", ColumnType.INT);
        m.put("high_value_share", ColumnType.NUMBER);
        m.put("is_customer", ColumnType.BOOL);
        m.put("customer_since", ColumnType.DATE);
        m.put("churned_at", ColumnType.DATE);
        m.put("tenure_months", ColumnType.NUMBER);
        m.put("is_active", ColumnType.BOOL);
        m.put("mrr", ColumnType.NUMBER);
        m.put("mrr_12m_ago", ColumnType.NUMBER);
        m.put("nrr_12m", ColumnType.NUMBER);
        m.put("retained_12m", ColumnType.BOOL);
        m.put("expansion_mrr_12m", ColumnType.NUMBER);
        m.put("addon_purchases_12m", ColumnType.INT);
        m.put("conversion", ColumnType.BOOL);
        m.put("won_opportunities", ColumnType.INT);
        m.put("lost_opportunities", ColumnType.INT);
        m.put("win_rate", ColumnType.NUMBER);
        m.put("aov", ColumnType.NUMBER);
        m.put("sales_cycle_days", ColumnType.NUMBER);
        m.put("cac", ColumnType.NUMBER);
        m.put("ltv", ColumnType.NUMBER);
        m.put("ltv_simple", ColumnType.NUMBER);
        m.put("ltv_cac", ColumnType.NUMBER);
        m.put("nps", ColumnType.INT);
        m.put("tickets_per_month", ColumnType.NUMBER);
        m.put("support_minutes_per_month", ColumnType.NUMBER);
        m.put("culture_fit", ColumnType.INT);
        m.put("pain_points", ColumnType.LIST);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Every name an expression or model may use in this workspace, with its type: account columns,
     * derived firmographics, {@code has_<tech>} flags, custom account attributes and metrics.
     */
    public static Map<String, ColumnType> accountColumns(WorkspaceConfig config) {
        return accountColumns(config.techStackFlags(), config.accountAttributes());
    }

    /** As {@link #accountColumns(WorkspaceConfig)}, from the parts of a configuration. */
    public static Map<String, ColumnType> accountColumns(Iterable<String> techStackFlags,
                                                         Map<String, AttributeConfig> attributes) {
        Map<String, ColumnType> m = new LinkedHashMap<>();
        for (Column c : CanonicalTable.ACCOUNTS.columns()) {
            m.put(c.name(), c.type());
        }
        m.put("employees_band", ColumnType.TEXT);
        m.put("revenue_band", ColumnType.TEXT);
        for (String tech : techStackFlags) {
            m.put("has_" + tech, ColumnType.BOOL);
        }
        for (AttributeConfig a : attributes.values()) {
            m.put(a.name(), a.type().columnType());
        }
        m.putAll(METRICS);
        return java.util.Collections.unmodifiableMap(m);
    }
}
