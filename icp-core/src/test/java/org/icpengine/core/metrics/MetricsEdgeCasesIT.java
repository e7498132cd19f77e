package org.icpengine.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.icpengine.core.metrics.MetricsWorkspace.T;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.ConfigException;
import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edge cases of DESIGN.md "Metrics" and issue 4, each on a small workspace of its own. */
class MetricsEdgeCasesIT {

    private static final double M = 30.4375;

    @TempDir
    Path dir;

    private MetricsWorkspace workspace(String sources) {
        return new MetricsWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                """ + sources + """
                use_cases:
                  reporting: { events: ["report_*"], high_value: false }
                """);
    }

    private static final String SUBSCRIPTIONS = "  subscriptions: { path: data/subscriptions.csv }\n";
    private static final String OPPORTUNITIES = "  opportunities: { path: data/opportunities.csv }\n";
    private static final String USAGE = "  usage_events: { path: data/usage_events.csv }\n";

    // ------------------------------------------------------------------ usage

    @Test
    void weeksWithoutEventsCountAsZeroInTheTrendAndAccountsWithoutEventsGetZeros() {
        MetricsWorkspace ws = workspace(USAGE)
                .file("data/accounts.csv", "account_id\nfirst\nlast\nflat\nnone\n")
                .file("data/usage_events.csv", "account_id,user_id,occurred_at,event\n"
                        // four events in week 1 (2026-04-08..14), none after
                        + "first,u,2026-04-08T00:00:00Z,report_view\nfirst,u,2026-04-09T00:00:00Z,report_view\n"
                        + "first,u,2026-04-10T00:00:00Z,report_view\nfirst,u,2026-04-14T23:59:59Z,report_view\n"
                        // two events in week 12 (2026-06-24..30) only
                        + "last,u,2026-06-24T00:00:00Z,report_view\nlast,u,2026-06-30T12:00:00Z,report_view\n"
                        + flatWeeks())
                .ingest();

        ws.compute(T);
        Map<String, Map<String, Object>> rows = ws.rows(T);

        // y = (4, 0, ..., 0): Σy = 4, Σxy = 4, (12 × 4 / 4 - 78) / 143 = -66 / 143, not the 0 of a single point
        assertThat((Double) rows.get("first").get("usage_trend")).isCloseTo(-66 / 143.0, within(1e-12));
        // y = (0, ..., 0, 2): Σxy = 24, (12 × 24 / 2 - 78) / 143 = 66 / 143
        assertThat((Double) rows.get("last").get("usage_trend")).isCloseTo(66 / 143.0, within(1e-12));
        assertThat((Double) rows.get("flat").get("usage_trend")).isCloseTo(0.0, within(1e-12));
        assertThat(rows.get("flat").get("active_days_per_week")).isEqualTo(12 / (90 / 7.0));
        assertThat(rows.get("none")).containsEntry("active_days_per_week", 0.0).containsEntry("active_users", 0L)
                .containsEntry("usage_trend", 0.0).containsEntry("use_cases", 0L)
                .containsEntry("high_value_use_cases", 0L).containsEntry("high_value_share", 0.0);
    }

    /** One event on the Wednesday starting each of the 12 trend weeks. */
    private static String flatWeeks() {
        StringBuilder b = new StringBuilder();
        for (int k = 12; k >= 1; k--) {
            b.append("flat,u,").append(T.plusDays(1).minusDays(7L * k)).append("T06:00:00Z,report_view\n");
        }
        return b.toString();
    }

    @Test
    void aWorkspaceWithoutUsageHasNullUsageMetricsAndSaysSo() {
        MetricsWorkspace ws = workspace(USAGE).file("data/accounts.csv", "account_id\na\n")
                .file("data/usage_events.csv", "account_id,user_id,occurred_at,event\n").ingest();

        MetricsRun run = ws.compute(T);

        assertThat(ws.rows(T).get("a")).containsEntry("active_days_per_week", null).containsEntry("usage_trend", null)
                .containsEntry("active_users", null).containsEntry("high_value_share", null);
        assertThat(run.notes()).contains("no usage_events: usage metrics (active_days_per_week, active_users, "
                + "usage_trend, use_cases, high_value_use_cases, high_value_share) are null");
    }

    // ------------------------------------------------------------------ customers over time

    @Test
    void twelveMonthMetricsAreNullUntilTheCustomerIsTwelveMonthsOld() {
        MetricsWorkspace ws = workspace(SUBSCRIPTIONS)
                .file("data/accounts.csv", "account_id\nyear\nyoung\n")
                .file("data/subscriptions.csv", "subscription_id,account_id,is_addon,start_date,end_date,mrr\n"
                        + "s1,year,false,2025-06-30,,100\ns2,young,false,2025-07-01,,100\n"
                        + "s3,year,true,2026-01-01,,10\ns4,young,true,2026-01-01,,10\n")
                .ingest();

        ws.compute(T);
        Map<String, Map<String, Object>> rows = ws.rows(T);

        // acquired exactly 12 months before T: every 12-month metric is known
        assertThat(rows.get("year")).containsEntry("mrr_12m_ago", 100.0).containsEntry("nrr_12m", 1.1)
                .containsEntry("retained_12m", true).containsEntry("expansion_mrr_12m", 10.0)
                .containsEntry("addon_purchases_12m", 1L).containsEntry("tenure_months", 12.0);
        // one day younger: null, not 0
        assertThat(rows.get("young")).containsEntry("mrr_12m_ago", null).containsEntry("nrr_12m", null)
                .containsEntry("retained_12m", null).containsEntry("expansion_mrr_12m", null)
                .containsEntry("addon_purchases_12m", null).containsEntry("mrr", 110.0);
    }

    @Test
    void churnedAtIsTheLastDayMrrFellToZeroAndStayedThere() {
        MetricsWorkspace ws = workspace(SUBSCRIPTIONS)
                .file("data/accounts.csv", "account_id\ntwice\nback\nfree\n")
                .file("data/subscriptions.csv", "subscription_id,account_id,is_addon,start_date,end_date,mrr\n"
                        // churned, came back, churned again
                        + "s1,twice,false,2024-01-01,2024-06-01,100\ns2,twice,false,2024-09-01,2025-02-01,100\n"
                        + "s3,twice,false,2025-05-01,2025-09-15,200\n"
                        // churned and came back: active on T
                        + "s4,back,false,2024-01-01,2024-06-01,100\ns5,back,false,2025-01-01,,300\n"
                        // a paid plan ended, a free one runs on: MRR is 0, so churned
                        + "s6,free,false,2024-01-01,2025-03-01,50\ns7,free,false,2025-03-01,,0\n")
                .ingest();

        ws.compute(T);
        Map<String, Map<String, Object>> rows = ws.rows(T);

        assertThat(rows.get("twice")).containsEntry("churned_at", LocalDate.of(2025, 9, 15))
                .containsEntry("is_active", false).containsEntry("customer_since", LocalDate.of(2024, 1, 1))
                // 2024-01-01 to 2025-09-01 is 20 months, then 14 days
                .containsEntry("tenure_months", 20 + 14 / M);
        // realized margin: 0.8 × (100 × 152 + 100 × 153 + 200 × 137 days) / M
        assertThat((Double) rows.get("twice").get("ltv")).isCloseTo(0.8 * (100 * 152 + 100 * 153 + 200 * 137) / M,
                within(1e-9));
        assertThat(rows.get("back")).containsEntry("churned_at", null).containsEntry("is_active", true)
                .containsEntry("mrr", 300.0);
        assertThat(rows.get("free")).containsEntry("churned_at", LocalDate.of(2025, 3, 1))
                .containsEntry("is_active", false).containsEntry("mrr", 0.0);
    }

    @Test
    void openOpportunitiesCountAsConversionButNeitherWonNorLost() {
        MetricsWorkspace ws = workspace(OPPORTUNITIES)
                .file("data/accounts.csv", "account_id\nopen\nclosed_later\n")
                .file("data/opportunities.csv", "opportunity_id,account_id,stage,amount,created_at,closed_at\n"
                        + "o1,open,open,100,2026-01-01,\no2,closed_later,lost,100,2026-06-01,2026-07-01\n")
                .ingest();

        ws.compute(T);
        Map<String, Map<String, Object>> rows = ws.rows(T);

        for (String a : List.of("open", "closed_later")) {
            assertThat(rows.get(a)).as(a).containsEntry("conversion", true).containsEntry("won_opportunities", 0L)
                    .containsEntry("lost_opportunities", 0L).containsEntry("win_rate", null).containsEntry("aov", null)
                    .containsEntry("sales_cycle_days", null).containsEntry("is_customer", false);
        }
    }

    // ------------------------------------------------------------------ CAC

    @Test
    void withoutSpendCacIsNullWithANote() {
        MetricsWorkspace ws = workspace(SUBSCRIPTIONS)
                .file("data/accounts.csv", "account_id,acquisition_channel\na,paid\n")
                .file("data/subscriptions.csv", "subscription_id,account_id,start_date,mrr\ns1,a,2025-01-01,100\n")
                .ingest();

        MetricsRun run = ws.compute(T);

        assertThat(ws.rows(T).get("a")).containsEntry("cac", null).containsEntry("ltv_cac", null);
        assertThat(run.notes()).contains("no spend: cac and ltv_cac are null");
    }

    @Test
    void cacIsNullWhenTheSpendDataDoesNotCoverTheAcquisitionWindowAndBlendedWithoutChannel() {
        MetricsWorkspace ws = workspace(SUBSCRIPTIONS + "  spend: { path: data/spend.csv }\n")
                .file("data/accounts.csv", "account_id,acquisition_channel\nearly,paid\nnone,\npaid,paid\n")
                .file("data/subscriptions.csv", "subscription_id,account_id,start_date,mrr\n"
                        + "s1,early,2023-01-15,100\ns2,none,2025-03-10,100\ns3,paid,2025-03-20,100\n")
                .file("data/spend.csv", "month,channel,kind,amount\n2025-01-01,paid,marketing,900\n"
                        + "2025-03-01,other,marketing,300\n2025-02-01,sales,sales,600\n")
                .ingest();

        MetricsRun run = ws.compute(T);
        Map<String, Map<String, Object>> rows = ws.rows(T);

        assertThat(rows.get("early").get("cac")).isNull();
        // window 2025-01..03, 2 customers: sales 600 / 2 + marketing of all channels (900 + 300) / 2
        assertThat(rows.get("none").get("cac")).isEqualTo(900.0);
        // sales 600 / 2 + paid marketing 900 / 1 paid customer
        assertThat(rows.get("paid").get("cac")).isEqualTo(1200.0);
        assertThat(run.notes()).noneMatch(n -> n.contains("spend"));
    }

    // ------------------------------------------------------------------ missing tables

    @Test
    void onlyAccountsAndOpportunitiesGiveConversionWinRateAovAndCycleTime() {
        MetricsWorkspace ws = workspace(OPPORTUNITIES)
                .file("data/accounts.csv", "account_id\nwon\nlost\nprospect\n")
                .file("data/opportunities.csv", "opportunity_id,account_id,stage,amount,created_at,closed_at\n"
                        + "o1,won,won,1000,2026-01-01,2026-01-31\no2,won,lost,500,2025-06-01,2025-06-11\n"
                        + "o3,won,won,3000,2026-02-01,2026-02-21\no4,lost,lost,800,2026-03-01,2026-03-05\n")
                .ingest();

        MetricsRun run = ws.compute(T);
        Map<String, Map<String, Object>> rows = ws.rows(T);

        assertThat(rows.get("won")).containsEntry("conversion", true).containsEntry("won_opportunities", 2L)
                .containsEntry("lost_opportunities", 1L).containsEntry("win_rate", 2 / 3.0)
                .containsEntry("aov", 2000.0).containsEntry("sales_cycle_days", 25.0)
                .containsEntry("is_customer", true).containsEntry("customer_since", LocalDate.of(2026, 1, 31))
                .containsEntry("mrr", null).containsEntry("ltv", null).containsEntry("cac", null)
                .containsEntry("nps", null).containsEntry("tickets_per_month", null)
                .containsEntry("active_days_per_week", null);
        assertThat(rows.get("lost")).containsEntry("win_rate", 0.0).containsEntry("is_customer", false);
        assertThat(rows.get("prospect")).containsEntry("conversion", false).containsEntry("win_rate", null);
        assertThat(run.notes()).containsExactly(
                "no usage_events: usage metrics (active_days_per_week, active_users, usage_trend, use_cases, "
                        + "high_value_use_cases, high_value_share) are null",
                "no subscriptions: mrr, churned_at, is_active, mrr_12m_ago, nrr_12m, retained_12m, expansion_mrr_12m, "
                        + "addon_purchases_12m, ltv, ltv_simple and ltv_cac are null",
                "no nps_responses: nps is null",
                "no support_tickets: tickets_per_month and support_minutes_per_month are null",
                "no spend: cac and ltv_cac are null",
                "no research_notes: culture_fit and pain_points are null");
    }

    @Test
    void onlyAccountsGiveFirmographicsAndNotesForEveryOtherTable() {
        MetricsWorkspace ws = new MetricsWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                tech_stack_flags: [snowflake]
                """).file("data/accounts.csv", "account_id,employees,tech_stack\na,75,Snowflake\n").ingest();

        MetricsRun run = ws.compute(T);

        assertThat(ws.rows(T).get("a")).containsEntry("employees_band", "51-200").containsEntry("has_snowflake", true)
                .containsEntry("is_customer", null).containsEntry("conversion", null).containsEntry("customer_since", null);
        assertThat(run.notes()).hasSize(7).contains("no opportunities: conversion, won/lost opportunities, win_rate, "
                + "aov and sales_cycle_days are null; with no subscriptions either, customers cannot be told from "
                + "prospects, so is_customer, customer_since, tenure_months, cac and support load are null too");
        assertThat(run.customers()).isZero();
    }

    @Test
    void ticketsWithoutEffortLeaveSupportMinutesNullWithANote() {
        MetricsWorkspace ws = workspace(SUBSCRIPTIONS + "  support_tickets: { path: data/tickets.csv }\n")
                .file("data/accounts.csv", "account_id\na\n")
                .file("data/subscriptions.csv", "subscription_id,account_id,start_date,mrr\ns1,a,2024-01-01,100\n")
                .file("data/tickets.csv", "ticket_id,account_id,opened_at\nt1,a,2026-01-01T00:00:00Z\n")
                .ingest();

        MetricsRun run = ws.compute(T);

        assertThat(ws.rows(T).get("a")).containsEntry("tickets_per_month", 1 / 12.0)
                .containsEntry("support_minutes_per_month", null);
        assertThat(run.notes()).contains("no support_tickets.effort_minutes: support_minutes_per_month is null");
    }

    // ------------------------------------------------------------------ the table and the date

    @Test
    void theTableIsRecreatedWhenTheConfigurationChangesItsColumns() {
        MetricsWorkspace ws = workspace("").file("data/accounts.csv", "account_id\na\n").ingest();
        ws.compute(T);
        ws.compute(LocalDate.of(2026, 1, 1));
        ws.yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                tech_stack_flags: [dbt]
                """);

        MetricsRun run = ws.compute(T);

        assertThat(run.notes()).contains("account_metrics was recreated because its columns changed with icp.yaml; "
                + "metrics of other dates were dropped");
        assertThat(ws.table(T).columns()).contains("has_dbt");
        assertThat(ws.table(LocalDate.of(2026, 1, 1)).size()).isZero();
        assertThat(ws.compute(T).notes()).noneMatch(n -> n.contains("recreated"));
    }

    @Test
    void theTableHasAsOfThenTheCatalogColumnsWithTheirTypes() {
        MetricsWorkspace ws = HandDataset.write(new MetricsWorkspace(dir)).ingest();
        ws.compute(T);
        Workspace w = ws.open();

        List<List<Object>> described = ws.query("DESCRIBE account_metrics").rows().stream()
                .map(r -> List.of(r[0], r[1])).toList();

        List<List<Object>> expected = new java.util.ArrayList<>();
        AccountMetrics.columns(w.config()).forEach((name, type) -> expected.add(List.of(name, type.sqlType())));
        assertThat(described).isEqualTo(expected);
        assertThat(expected.get(0)).isEqualTo(List.of("as_of", "DATE"));
        assertThat(expected.get(1)).isEqualTo(List.of("account_id", "VARCHAR"));
        assertThat(expected.subList(2, expected.size()).stream().map(c -> c.get(0)).toList())
                .containsExactlyElementsOf(MetricCatalog.accountColumns(w.config()).keySet().stream().skip(1).toList());
    }

    @Test
    void theDefaultDateIsAsOfOfIcpYamlElseTheLatestDateInTheData() {
        MetricsWorkspace ws = workspace(OPPORTUNITIES + USAGE)
                .file("data/accounts.csv", "account_id,created_at\na,2025-01-01\n")
                .file("data/opportunities.csv", "opportunity_id,account_id,stage,created_at,closed_at\n"
                        + "o1,a,won,2026-01-01,2026-03-04\n")
                .file("data/usage_events.csv", "account_id,occurred_at,event\na,2026-03-02T23:00:00Z,x\n")
                .ingest();
        Workspace w = ws.open();
        try (Store store = Store.open(w.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            assertThat(AccountMetrics.on(engine, w.config()).defaultAsOf()).isEqualTo(LocalDate.of(2026, 3, 4));
        }
        ws.yaml("as_of: 2026-05-31\nsources:\n  accounts: { path: data/accounts.csv }\n");
        w = ws.open();
        try (Store store = Store.open(w.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            assertThat(AccountMetrics.on(engine, w.config()).defaultAsOf()).isEqualTo(LocalDate.of(2026, 5, 31));
        }
    }

    @Test
    void aStoreWithoutDatesOrAccountsIsBadInput() {
        MetricsWorkspace ws = workspace("").file("data/accounts.csv", "account_id\na\n").ingest();
        Workspace w = ws.open();
        try (Store store = Store.open(w.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            assertThatThrownBy(() -> AccountMetrics.on(engine, w.config()).defaultAsOf())
                    .isInstanceOf(InputException.class).hasMessageContaining("pass --as-of YYYY-MM-DD");
        }
        try (Store store = Store.inMemory(); DuckDbEngine engine = DuckDbEngine.over(store)) {
            assertThatThrownBy(() -> AccountMetrics.on(engine, w.config()).compute(T))
                    .isInstanceOf(InputException.class).hasMessage("the store has no accounts yet; run 'icp ingest' first");
        }
    }

    @Test
    void ltvCannotBeSegmentedByAMetric() {
        MetricsWorkspace ws = new MetricsWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                ltv: { segment_by: [nrr_12m] }
                """).file("data/accounts.csv", "account_id\na\n").ingest();

        assertThatThrownBy(() -> ws.compute(T)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ltv.segment_by: 'nrr_12m' cannot segment LTV");
        assertThat(ws.query("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'account_metrics'")
                .rows().get(0)[0]).isEqualTo(0L);
    }
}
