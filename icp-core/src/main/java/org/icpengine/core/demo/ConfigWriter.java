package org.icpengine.core.demo;

import java.util.List;

/**
 * Writes the demo workspace's {@code icp.yaml} in the format of DESIGN.md: a comment header, the
 * eight sources (with the column and value mappings the CRM-style accounts and deals exports
 * need), use cases for every generated event, bands, technology flags, economics, the ideal
 * outcome, models, tiers and one hand-written scorecard.
 *
 * <p>The mappings are built from {@link Catalog}, the same tables the data is drawn from.
 */
final class ConfigWriter {

    /** File names under {@code data/}, by canonical table (DESIGN.md order). */
    static final List<String> TABLES = List.of(
            "accounts", "opportunities", "subscriptions", "usage_events",
            "nps_responses", "support_tickets", "spend", "research_notes");

    static final String[] ACCOUNT_HEADER = {
        "account", "company_name", "website", "sector", "employee_count", "annual_revenue_usd", "hq_country",
        "region", "tech_stack", "created_date", "lead_source", "funding_stage",
    };
    static final String[] DEAL_HEADER = {
        "deal_id", "account", "deal_type", "deal_stage", "engage_date", "close_date", "close_value", "product",
    };
    static final String[] DEAL_TYPES = {"New Business", "Expansion", "Renewal"};
    static final String[] SUBSCRIPTION_HEADER = {
        "subscription_id", "account_id", "product", "is_addon", "start_date", "end_date", "mrr",
    };
    static final String[] USAGE_HEADER = {"account_id", "user_id", "occurred_at", "event", "quantity"};
    static final String[] NPS_HEADER = {"account_id", "respondent", "responded_at", "score", "comment"};
    static final String[] TICKET_HEADER = {"ticket_id", "account_id", "opened_at", "closed_at", "priority", "effort_minutes"};
    static final String[] SPEND_HEADER = {"month", "channel", "kind", "amount"};
    static final String[] NOTE_HEADER = {"account_id", "noted_at", "source", "culture_fit", "pain_points", "notes"};
    /** Null markers in the CRM exports. */
    static final List<String> NULL_VALUES = List.of("", "NA", "n/a", "Select");
    static final List<String> TECH_FLAGS = List.of(
            "salesforce", "hubspot", "snowflake", "slack", "aws", "gcp", "azure", "segment", "zendesk", "dbt");

    private ConfigWriter() {
    }

    static String render(DemoSettings settings) {
        StringBuilder y = new StringBuilder(8192);
        y.append("# ICP Engine demo workspace\n")
                .append("#\n")
                .append("# Written by the demo generator (seed ").append(settings.seed()).append(", ")
                .append(settings.accounts()).append(" accounts). Everything under data/ is synthetic:\n")
                .append("# the CRM, billing, product analytics, survey, help desk, finance and research exports of a\n")
                .append("# B2B SaaS company. accounts.csv and opportunities.csv keep CRM-style headers and picklist\n")
                .append("# values, mapped to the canonical tables below through `columns:` and `values:`.\n")
                .append("#\n")
                .append("# demo-truth.json records what the generator planted, for tests; the engine never reads it.\n")
                .append("# Edit this file freely and re-run `icp ingest` and the pipeline to see what changes.\n\n");
        y.append("as_of: ").append(settings.asOf()).append('\n');
        y.append("currency: USD\n\n");

        y.append("sources:\n");
        y.append("  accounts:\n")
                .append("    path: data/accounts.csv\n")
                .append("    delimiter: \",\"\n")
                .append("    columns:\n");
        String[][] accountColumns = {
            {"account_id", "account"}, {"name", "company_name"}, {"domain", "website"}, {"industry", "sector"},
            {"employees", "employee_count"}, {"annual_revenue", "annual_revenue_usd"}, {"country", "hq_country"},
            {"created_at", "created_date"}, {"acquisition_channel", "lead_source"},
        };
        for (String[] c : accountColumns) {
            y.append("      ").append(c[0]).append(": ").append(c[1]).append('\n');
        }
        y.append("    values:\n");
        y.append("      industry: {");
        boolean first = true;
        for (int i = 0; i < Catalog.INDUSTRIES.length; i++) {
            if (Catalog.INDUSTRY_LEGACY[i] != null) {
                y.append(first ? " " : ", ").append(quote(Catalog.INDUSTRY_LEGACY[i])).append(": ")
                        .append(quote(Catalog.INDUSTRIES[i]));
                first = false;
            }
        }
        y.append(" }\n");
        y.append("      acquisition_channel: {");
        for (int i = 0; i < Catalog.CHANNELS.length; i++) {
            y.append(i == 0 ? " " : ", ").append(quote(Catalog.CHANNEL_LABELS[i])).append(": ").append(Catalog.CHANNELS[i]);
        }
        y.append(" }\n");
        y.append("    null_values: ").append(list(NULL_VALUES, true)).append('\n')
                .append("    list_separator: \";\"\n")
                .append("    date_format: \"yyyy-MM-dd\"\n")
                .append("    attributes:\n")
                .append("      funding_stage: { column: funding_stage, type: category }\n");

        y.append("  opportunities:\n")
                .append("    path: data/opportunities.csv\n")
                .append("    delimiter: \",\"\n")
                .append("    columns: { opportunity_id: deal_id, account_id: account, type: deal_type, stage: deal_stage,\n")
                .append("               created_at: engage_date, closed_at: close_date, amount: close_value }\n")
                .append("    values:\n")
                .append("      type: { \"New Business\": new_business, Expansion: expansion, Renewal: renewal }\n")
                .append("      stage: { Won: won, Lost: lost, Engaging: open, Prospecting: open }\n")
                .append("    defaults: { type: new_business }\n")
                .append("    null_values: [\"\"]\n")
                .append("    date_format: \"yyyy-MM-dd\"\n");
        for (String table : TABLES.subList(2, TABLES.size())) {
            y.append("  ").append(table).append(":\n")
                    .append("    path: data/").append(table).append(".csv\n");
            if (table.equals("research_notes")) {
                y.append("    list_separator: \";\"\n");
            }
        }
        y.append('\n');

        y.append("use_cases:                        # event name (glob) -> use case\n");
        for (Catalog.UseCase u : Catalog.USE_CASES) {
            y.append("  ").append(u.name()).append(':').append(" ".repeat(Math.max(1, 16 - u.name().length())))
                    .append("{ events: ").append(list(u.globs(), true)).append(", high_value: ").append(u.highValue())
                    .append(" }\n");
        }
        y.append('\n');
        y.append("bands:\n")
                .append("  employees: [10, 50, 200, 1000, 5000]           # -> \"1-10\", \"11-50\", ..., \"5001+\"\n")
                .append("  annual_revenue: [1000000, 10000000, 100000000]\n")
                .append("tech_stack_flags: ").append(list(TECH_FLAGS, false)).append("   # -> has_<name>\n")
                .append("economics:\n")
                .append("  gross_margin: 0.80\n")
                .append("  annual_discount_rate: 0.10\n")
                .append("  cac_window_months: 3\n")
                .append("ideal: \"retained_12m and nrr_12m >= 1.0 and ltv_cac >= 3\"   # the \"ideal customer\" outcome\n")
                .append("models:\n")
                .append("  fit:        { attributes: [industry, employees, annual_revenue, country, tech_stack] }\n")
                .append("  conversion: { attributes: [industry, employees, annual_revenue, country, acquisition_channel] }\n")
                .append("  health:     { attributes: [active_days_per_week, usage_trend, high_value_use_cases, nps, tickets_per_month] }\n")
                .append("tiers: { A: 0.10, B: 0.25, C: 0.35, D: 0.30 }    # shares of the training population, best first\n\n");

        y.append("# The sales team's scoring table from its 2026 kickoff workshop, written before looking at the\n")
                .append("# data: partly right. `icp validate` scores it side by side with the learned ones.\n")
                .append("scorecards:\n")
                .append("  - name: kickoff-workshop-2026\n")
                .append("    criteria:\n")
                .append("      - name: Industry\n")
                .append("        bands:\n")
                .append("          - { when: \"industry in ('Fintech', 'SaaS')\", points: 30 }\n")
                .append("          - { when: \"industry = 'Healthcare'\", points: 15 }\n")
                .append("          - { else: 0 }\n")
                .append("      - name: Company size\n")
                .append("        bands:\n")
                .append("          - { when: \"employees between 201 and 1000\", points: 25 }\n")
                .append("          - { when: \"employees between 51 and 200\", points: 15 }\n")
                .append("          - { else: 0 }\n")
                .append("      - name: Tech stack\n")
                .append("        bands:\n")
                .append("          - { when: \"'salesforce' in tech_stack\", points: 20 }\n")
                .append("          - { when: \"'snowflake' in tech_stack\", points: 15 }\n")
                .append("          - { else: 0 }\n");
        return y.toString();
    }

    private static String list(List<String> values, boolean quoted) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quoted ? quote(values.get(i)) : values.get(i));
        }
        return sb.append(']').toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
