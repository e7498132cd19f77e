package org.icpengine.core.pipeline.discover;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.metrics.MetricCatalog;
import org.icpengine.core.schema.ColumnType;

/**
 * Which columns of {@code account_metrics} discovery uses, how it groups them, and which source table each
 * metric comes from (to say which data would enable a skipped part).
 */
final class Vocabulary {

    static final String USAGE = "usage";
    static final String COMMERCIAL = "commercial";
    static final String CUSTOMER_SUCCESS = "customer success";
    static final String FIRMOGRAPHIC = "firmographic";
    static final String CUSTOM = "custom";

    private static final Set<String> USAGE_COLUMNS = Set.of("active_days_per_week", "active_users", "usage_trend",
            "use_cases", "high_value_use_cases", "high_value_share");
    private static final Set<String> CS_COLUMNS = Set.of("nps", "tickets_per_month", "support_minutes_per_month",
            "culture_fit");
    /** Identifiers, names and dates: they describe an account, they do not characterize it. */
    private static final Set<String> NOT_INDICATORS = Set.of("account_id", "name", "domain", "is_customer",
            "as_of");

    /**
     * The metrics computed from the same rows as an outcome column, arithmetic parts of it: ranking them against
     * an outcome they define restates the definition ({@code mrr} "predicts" {@code nrr_12m = mrr / mrr_12m_ago}).
     */
    private static final Map<String, List<String>> PARTS = Map.of(
            "ltv_cac", List.of("ltv", "cac", "ltv_simple"),
            "nrr_12m", List.of("mrr", "mrr_12m_ago", "expansion_mrr_12m"),
            "retained_12m", List.of("is_active", "churned_at", "tenure_months"),
            "ltv", List.of("ltv_simple"),
            "win_rate", List.of("won_opportunities", "lost_opportunities"));

    private Vocabulary() {
    }

    /** The columns that are arithmetic parts of the given outcome columns (see {@link #PARTS}), sorted. */
    static Set<String> partsOf(java.util.Collection<String> outcomeColumns) {
        Set<String> out = new java.util.TreeSet<>();
        for (String c : outcomeColumns) {
            out.addAll(PARTS.getOrDefault(c, List.of()));
        }
        out.removeAll(outcomeColumns);
        return out;
    }

    /** The group of an account column (its place in DESIGN.md "Metrics"). */
    static String group(WorkspaceConfig config, String column) {
        if (config.accountAttributes().containsKey(column)) {
            return CUSTOM;
        }
        if (USAGE_COLUMNS.contains(column)) {
            return USAGE;
        }
        if (CS_COLUMNS.contains(column)) {
            return CUSTOMER_SUCCESS;
        }
        if (MetricCatalog.METRICS.containsKey(column) || column.equals("acquisition_channel")) {
            return COMMERCIAL;
        }
        return FIRMOGRAPHIC;
    }

    /**
     * Why a column is not an indicator, or {@code null} if it is one: identifiers and names, dates, lists
     * (their values are indicators through {@code has_<tech>}), and raw sizes shown through their bands.
     */
    static String notAnIndicator(WorkspaceConfig config, String column, ColumnType type) {
        if (NOT_INDICATORS.contains(column)) {
            return "an identifier or name";
        }
        if (type == ColumnType.DATE || type == ColumnType.TS || type == ColumnType.ID) {
            return "a date or identifier";
        }
        if (type == ColumnType.LIST) {
            return "a list";
        }
        if (column.equals("employees") && !config.bands().employees().isEmpty()) {
            return "shown through employees_band";
        }
        if (column.equals("annual_revenue") && !config.bands().annualRevenue().isEmpty()) {
            return "shown through revenue_band";
        }
        return null;
    }

    /** The source table whose rows a metric is computed from, for "add X to enable this" notes. */
    static String sourceOf(String column) {
        return switch (column) {
            case "active_days_per_week", "active_users", "usage_trend", "use_cases", "high_value_use_cases",
                    "high_value_share" -> "usage_events";
            case "mrr", "mrr_12m_ago", "nrr_12m", "retained_12m", "expansion_mrr_12m", "addon_purchases_12m",
                    "churned_at", "tenure_months", "is_active", "ltv", "ltv_simple" -> "subscriptions";
            case "cac" -> "spend";
            case "ltv_cac" -> "subscriptions and spend";
            case "conversion", "won_opportunities", "lost_opportunities", "win_rate", "aov", "sales_cycle_days" ->
                    "opportunities";
            case "nps" -> "nps_responses";
            case "tickets_per_month", "support_minutes_per_month" -> "support_tickets";
            case "culture_fit", "pain_points" -> "research_notes";
            default -> "accounts";
        };
    }

    /** The columns of the vocabulary with their types. */
    static Map<String, ColumnType> columns(WorkspaceConfig config) {
        return MetricCatalog.accountColumns(config);
    }
}
