package org.icpengine.core.pipeline.model;

/** Which source a metric comes from, for notes that say which data would enable a model. */
final class DataNeeds {

    private DataNeeds() {
    }

    /** A short phrase naming the source table behind {@code column}. */
    static String of(String column) {
        if (column.startsWith("active_") || column.startsWith("usage_") || column.equals("use_cases")
                || column.startsWith("high_value_")) {
            return "usage_events";
        }
        if (column.equals("nps")) {
            return "nps_responses";
        }
        if (column.startsWith("tickets_") || column.startsWith("support_")) {
            return "support_tickets";
        }
        if (column.equals("culture_fit") || column.equals("pain_points")) {
            return "research_notes";
        }
        if (column.equals("cac") || column.equals("ltv_cac")) {
            return "spend and subscriptions";
        }
        if (column.contains("mrr") || column.startsWith("nrr") || column.startsWith("ltv") || column.startsWith("retained")
                || column.equals("tenure_months") || column.equals("is_active") || column.startsWith("addon")
                || column.equals("churned_at")) {
            return "subscriptions";
        }
        if (column.contains("opportunit") || column.equals("win_rate") || column.equals("aov")
                || column.equals("sales_cycle_days") || column.equals("conversion")) {
            return "opportunities";
        }
        return "the accounts column " + column;
    }
}
