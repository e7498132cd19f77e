package org.icpengine.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icpengine.core.metrics.MetricsWorkspace.T;
import static org.icpengine.core.metrics.MetricsWorkspace.assertRow;
import static org.icpengine.core.metrics.MetricsWorkspace.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric of every account of {@link HandDataset} as of T = 2026-06-30, each value worked out by hand
 * from the CSV rows (the comments show the arithmetic), compared with what the SQL computes on DuckDB.
 */
class AccountMetricsHandIT {

    /** Days per month, for the days of tenure left over after whole calendar months. */
    private static final double M = 30.4375;
    /** Monthly discount rate from the annual 10%. */
    private static final double D = Math.pow(1.10, 1.0 / 12) - 1;
    /**
     * The whole base (every segment by industry has fewer than min_customers = 50) in monthly periods: a02
     * churned in period 18 (17 months and 30 days), a10 in period 11 (10 months and 9 days); censored after their
     * complete months a01 27, a03 17, a04 8, a05 14, a09 0. Retention does not rise with tenure in these data, so
     * the sBG model is not identified and the constant churn rate of 2 churned / 95 customer-months stands in.
     */
    private static final double THETA = 2.0 / 95;
    /** Discounted residual lifetime under constant churn: Σ_{k≥1} (1-θ)^k (1+d)^-(k-1) = (1-θ)(1+d)/(d+θ). */
    private static final double L = (1 - THETA) * (1 + D) / (D + THETA);
    /** ltv_simple: 0.8 × ARPA / θ with ARPA = (1200 + 400 + 250 + 700 + 150) / 5 active customers = 540. */
    private static final double SIMPLE = 0.8 * 540 / THETA;

    @TempDir
    static Path dir;

    private static MetricsRun run;
    private static Map<String, Map<String, Object>> rows;

    @BeforeAll
    static void computeOnce() {
        MetricsWorkspace ws = HandDataset.write(new MetricsWorkspace(dir)).ingest();
        run = ws.compute(T);
        rows = ws.rows(T);
    }

    @Test
    void storesOneRowPerAccountThatExistsOnTAndCountsCustomers() {
        // a11 was created on 2026-08-01, after T; a12 has no creation date and is kept
        assertThat(rows.keySet()).containsExactly("a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08", "a09",
                "a10", "a12");
        // customers: a01 a02 a03 a04 a05 a09 a10 (a08's deal closes after T)
        assertThat(run.accounts()).isEqualTo(11);
        assertThat(run.customers()).isEqualTo(7);
        assertThat(run.asOf()).isEqualTo(T);
        assertThat(run.notes()).singleElement().asString().startsWith("ltv: whole base: sBG: the retention rate does "
                + "not rise with tenure").endsWith("every segment uses the whole base's constant churn 0.02105 per month "
                + "on 7 customers");
    }

    @Test
    void a01LongTimeCustomerWithAnAddOnUsageNpsTicketsAndNotes() {
        Map<String, Object> e = firm("a01", "Acme", "acme.io", "SaaS", 120L, 5000000.0, "US", "NA",
                List.of("Salesforce", "HubSpot"), "2024-01-15", "paid_search", "gold", "51-200", "1000001-10000000",
                true, false);
        // window events: 04-03, 04-08, 04-22 (x2), 06-25 (x2), 06-30 23:59:59 = 7 (03-15 is before W, 07-01 after T);
        // 5 distinct days / (90 / 7); users u1 u2 u3 (one event has no user)
        e.putAll(row("active_days_per_week", 5 / (90 / 7.0), "active_users", 3L,
                // weekly counts: week 1 = 1, week 3 = 2, week 12 = 3: Σy = 6, Σxy = 1 + 6 + 36 = 43,
                // slope = (43 - 6.5 × 6) / 143 = 4 / 143, mean = 6 / 12, trend = 8 / 143
                "usage_trend", 8 / 143.0,
                // reporting and automation; automation is high value: workflow_run, workflow_create, api_call = 3 of 7
                "use_cases", 2L, "high_value_use_cases", 1L, "high_value_share", 3 / 7.0));
        // won deal closed 2024-03-01, first subscription the same day
        e.putAll(row("is_customer", true, "customer_since", date("2024-03-01"), "churned_at", null,
                // 2024-03-01 to 2026-06-01 is 27 months, then 29 days
                "tenure_months", 27 + 29 / M, "is_active", true,
                // s01 1000 + s02 200 (s03 ended 2025-01-01)
                "mrr", 1200.0, "mrr_12m_ago", 1000.0, "nrr_12m", 1.2,
                // on 2025-03-01 s01 runs
                "retained_12m", true, "expansion_mrr_12m", 200.0,
                // s02 started 2025-09-01 (s03 started before T - 12 months)
                "addon_purchases_12m", 1L));
        // o01 won; o02 is an expansion deal and does not count
        e.putAll(row("conversion", true, "won_opportunities", 1L, "lost_opportunities", 0L, "win_rate", 1.0,
                "aov", 12000.0, "sales_cycle_days", 29.0,
                // paid_search, month 2024-03, window 2024-01..03: 9000 of paid_search / 1 customer of paid_search
                // + 3 × 600 sales / 1 customer in the window
                "cac", 10800.0,
                "ltv", 0.8 * 1200 * L, "ltv_simple", SIMPLE, "ltv_cac", 0.8 * 1200 * L / 10800));
        // latest NPS 9 (the 2026-07-05 answer is after T); tickets t02 t03 t04 in 2025-07-01..2026-06-30 over 12
        // months (t01 is before, t05 after); minutes 30 + 60 + (none) = 90
        e.putAll(row("nps", 9L, "tickets_per_month", 3 / 12.0, "support_minutes_per_month", 90 / 12.0,
                // the note of 2026-02-01 is the latest on or before T; pain points of every note up to T, sorted
                "culture_fit", 5L, "pain_points", List.of("data-silos", "manual-work", "reporting-gaps")));
        assertRow("a01", rows.get("a01"), e);
    }

    @Test
    void a02ChurnedCustomerWithALostAndAWonDeal() {
        Map<String, Object> e = firm("a02", "Beta", null, "Fintech", 40L, 1200000.5, "DE", "EMEA",
                List.of("snowflake"), "2024-06-01", "outbound", "silver", "11-50", "1000001-10000000", false, true);
        e.putAll(noUsage());
        e.putAll(row("is_customer", true, "customer_since", date("2024-07-01"),
                // s04 ends 2025-12-31, the first day it no longer counts: MRR fell to 0 that day and stayed there
                "churned_at", date("2025-12-31"), "tenure_months", 17 + 30 / M, "is_active", false,
                "mrr", 0.0, "mrr_12m_ago", 500.0, "nrr_12m", 0.0,
                // on 2025-07-01 s04 still ran
                "retained_12m", true, "expansion_mrr_12m", -500.0, "addon_purchases_12m", 0L));
        e.putAll(row("conversion", true, "won_opportunities", 1L, "lost_opportunities", 1L, "win_rate", 0.5,
                "aov", 6000.0, "sales_cycle_days", 21.0,
                // outbound, month 2024-07, window 2024-05..07: 3600 / 1 + 1800 / 1
                "cac", 5400.0,
                // churned: realized margin 0.8 × 500 × 548 days / M
                "ltv", 0.8 * 500 * 548 / M, "ltv_simple", SIMPLE, "ltv_cac", 0.8 * 500 * 548 / M / 5400));
        // t08 counts; t09 was opened after churn. Customer time in the 12 months: 2025-07-01..2025-12-30,
        // 183 days = 12 × 183 / 365 months
        e.putAll(row("nps", 3L, "tickets_per_month", 1 / (12 * 183 / 365.0),
                "support_minutes_per_month", 10 / (12 * 183 / 365.0),
                // the latest note with a rating is of 2024-10-01; the 2025-03-01 note has no rating and no tags
                "culture_fit", 3L, "pain_points", List.of("onboarding")));
        assertRow("a02", rows.get("a02"), e);
    }

    @Test
    void a03ReactivatedCustomerKnownFromSubscriptionsOnly() {
        Map<String, Object> e = firm("a03", "Gamma", null, "Healthcare", 800L, 90000000.0, "FR", "EMEA", null,
                "2025-01-01", "partner", null, "201+", "10000001+", null, null);
        // its only event (2026-01-05) is before the window: usage 0, trend 0
        e.putAll(noUsage());
        // s05 2025-01-10..05-10, a gap, then s06 from 2025-08-01: active again, so churned_at is null
        e.putAll(row("is_customer", true, "customer_since", date("2025-01-10"), "churned_at", null,
                "tenure_months", 17 + 20 / M, "is_active", true, "mrr", 400.0,
                // nothing ran on 2025-06-30: not active then, so no NRR; the expansion is 400 - 0
                "mrr_12m_ago", 0.0, "nrr_12m", null,
                // on 2026-01-10 s06 runs
                "retained_12m", true, "expansion_mrr_12m", 400.0, "addon_purchases_12m", 0L));
        // no deal, but a customer reached the funnel's end
        e.putAll(row("conversion", true, "won_opportunities", 0L, "lost_opportunities", 0L, "win_rate", null,
                "aov", null, "sales_cycle_days", null,
                // partner, month 2025-01, window 2024-11..2025-01: 2700 / 1 + 1800 / 1
                "cac", 4500.0, "ltv", 0.8 * 400 * L, "ltv_simple", SIMPLE, "ltv_cac", 0.8 * 400 * L / 4500));
        e.putAll(row("nps", null, "tickets_per_month", 0.0, "support_minutes_per_month", 0.0,
                "culture_fit", null, "pain_points", null));
        assertRow("a03", rows.get("a03"), e);
    }

    @Test
    void a04CustomerAcquiredLessThanTwelveMonthsAgoHasNullTwelveMonthMetrics() {
        Map<String, Object> e = firm("a04", "Delta", null, "SaaS", 10L, 500000.0, "US", "NA",
                List.of("snowflake", "dbt"), "2025-09-01", "Paid_Search", "bronze", "1-10", "1-1000000", false, true);
        e.putAll(noUsage());
        e.putAll(row("is_customer", true, "customer_since", date("2025-10-15"), "churned_at", null,
                "tenure_months", 8 + 15 / M, "is_active", true, "mrr", 250.0,
                "mrr_12m_ago", null, "nrr_12m", null, "retained_12m", null, "expansion_mrr_12m", null,
                "addon_purchases_12m", null));
        e.putAll(row("conversion", true, "won_opportunities", 1L, "lost_opportunities", 0L, "win_rate", 1.0,
                "aov", 3000.0, "sales_cycle_days", 30.0,
                // "Paid_Search" matches paid_search spend; window 2025-08..10: 3000 / 1 + 1800 / 1
                "cac", 4800.0, "ltv", 0.8 * 250 * L, "ltv_simple", SIMPLE, "ltv_cac", 0.8 * 250 * L / 4800));
        // customer from 2025-10-15: 259 days of the 12 months (to 2026-06-30 inclusive), 12 × 259 / 365 months
        e.putAll(row("nps", null, "tickets_per_month", 2 / (12 * 259 / 365.0),
                "support_minutes_per_month", 60 / (12 * 259 / 365.0), "culture_fit", null, "pain_points", null));
        assertRow("a04", rows.get("a04"), e);
    }

    @Test
    void a05CustomerWithoutChannelGetsTheBlendedCacAndTheLowestOfTiedNpsAnswers() {
        Map<String, Object> e = firm("a05", "Epsilon", null, "Fintech", null, null, "UK", "EMEA", null,
                "2025-03-01", null, "gold", null, null, null, null);
        e.putAll(noUsage());
        // won 2025-04-20, before its subscription started (2025-05-01); the end date 2026-09-30 is after T
        e.putAll(row("is_customer", true, "customer_since", date("2025-04-20"), "churned_at", null,
                "tenure_months", 14 + 10 / M, "is_active", true, "mrr", 700.0, "mrr_12m_ago", 700.0, "nrr_12m", 1.0,
                "retained_12m", true, "expansion_mrr_12m", 0.0, "addon_purchases_12m", 0L));
        // two won deals: 9000 in 50 days and 1000 in 40 days
        e.putAll(row("conversion", true, "won_opportunities", 2L, "lost_opportunities", 0L, "win_rate", 1.0,
                "aov", 5000.0, "sales_cycle_days", 45.0,
                // no channel: all spend of 2025-02..04 (500 events + 1800 sales) over the 1 customer acquired then
                "cac", 2300.0, "ltv", 0.8 * 700 * L, "ltv_simple", SIMPLE, "ltv_cac", 0.8 * 700 * L / 2300));
        // answers 8 and 10 at the same instant: the lower one
        e.putAll(row("nps", 8L, "tickets_per_month", 0.0, "support_minutes_per_month", 0.0,
                "culture_fit", null, "pain_points", null));
        assertRow("a05", rows.get("a05"), e);
    }

    @Test
    void a06ProspectWithALostAndAnOpenDeal() {
        Map<String, Object> e = firm("a06", "Zeta", null, "Retail", 30L, 1000000.0, "US", "NA", List.of("salesforce"),
                "2025-10-01", "events", null, "11-50", "1-1000000", true, false);
        e.putAll(noUsage());
        e.putAll(prospect());
        e.putAll(row("conversion", true, "won_opportunities", 0L, "lost_opportunities", 1L, "win_rate", 0.0));
        // a prospect's ticket does not count: support load is per month as a customer
        e.putAll(row("culture_fit", 2L, "pain_points", List.of("price")));
        assertRow("a06", rows.get("a06"), e);
    }

    @Test
    void a07ProspectInTrialWithUsageAndAGlobThatNeedsEscaping() {
        Map<String, Object> e = firm("a07", "Eta", null, "SaaS", 2000L, null, "US", "NA", List.of("SNOWFLAKE"),
                "2026-05-01", "organic", null, "201+", null, false, true);
        // 3 events on 2026-06-01 (week 8, twice) and 2026-06-10 (week 10): Σy = 3, Σxy = 16 + 10 = 26,
        // trend = (12 × 26 / 3 - 78) / 143 = 26 / 143
        e.putAll(row("active_days_per_week", 2 / (90 / 7.0), "active_users", 1L, "usage_trend", 26 / 143.0,
                // "50%_done" is the use case odd; "50abcXdone" would match an unescaped LIKE '50%_done' but is none;
                // report_view is reporting
                "use_cases", 2L, "high_value_use_cases", 0L, "high_value_share", 0.0));
        e.putAll(prospect());
        e.putAll(row("conversion", false, "won_opportunities", 0L, "lost_opportunities", 0L, "win_rate", null));
        assertRow("a07", rows.get("a07"), e);
    }

    @Test
    void a08ProspectWhoseDealIsWonOnlyAfterT() {
        Map<String, Object> e = firm("a08", "Theta", null, "Retail", 60L, null, "CA", "NA", null, "2026-05-15",
                "outbound", null, "51-200", null, null, null);
        e.putAll(noUsage());
        // o10 closes on 2026-07-15 and s11 starts then: on T the deal is open and a08 a prospect
        e.putAll(prospect());
        e.putAll(row("conversion", true, "won_opportunities", 0L, "lost_opportunities", 0L, "win_rate", null));
        assertRow("a08", rows.get("a08"), e);
    }

    @Test
    void a09CustomerSinceTItself() {
        Map<String, Object> e = firm("a09", "Iota", null, "Healthcare", 15L, 800000.0, "US", "NA", null, "2026-04-01",
                "events", null, "11-50", "1-1000000", null, null);
        e.putAll(noUsage());
        e.putAll(row("is_customer", true, "customer_since", T, "churned_at", null, "tenure_months", 0.0,
                "is_active", true, "mrr", 150.0, "mrr_12m_ago", null, "nrr_12m", null, "retained_12m", null,
                "expansion_mrr_12m", null, "addon_purchases_12m", null));
        e.putAll(row("conversion", true, "won_opportunities", 1L, "lost_opportunities", 0L, "win_rate", 1.0,
                "aov", 1800.0, "sales_cycle_days", 60.0,
                // events, window 2026-04..06: no events spend, 1800 sales / 1 customer
                "cac", 1800.0, "ltv", 0.8 * 150 * L, "ltv_simple", SIMPLE, "ltv_cac", 0.8 * 150 * L / 1800));
        // one day as a customer counts as the minimum of one month
        e.putAll(row("nps", null, "tickets_per_month", 1.0, "support_minutes_per_month", 15.0,
                "culture_fit", null, "pain_points", null));
        assertRow("a09", rows.get("a09"), e);
    }

    @Test
    void a10CustomerWhoChurnedMoreThanTwelveMonthsAgo() {
        Map<String, Object> e = firm("a10", "Kappa", null, "Fintech", 250L, 30000000.0, "DE", "EMEA", null,
                "2024-03-01", "outbound", null, "201+", "10000001+", null, null);
        e.putAll(noUsage());
        e.putAll(row("is_customer", true, "customer_since", date("2024-04-20"), "churned_at", date("2025-03-01"),
                "tenure_months", 10 + 9 / M, "is_active", false, "mrr", 0.0,
                // a customer 12 months ago but not active then: no NRR, expansion 0 - 0
                "mrr_12m_ago", 0.0, "nrr_12m", null,
                // on 2025-04-20 nothing ran any more
                "retained_12m", false, "expansion_mrr_12m", 0.0, "addon_purchases_12m", 0L));
        e.putAll(row("conversion", true, "won_opportunities", 1L, "lost_opportunities", 0L, "win_rate", 1.0,
                "aov", 2400.0, "sales_cycle_days", 50.0,
                // outbound, month 2024-04, window 2024-02..04: no outbound spend / 1 outbound customer
                // + 1800 sales / 2 customers (a01 in March, a10)
                "cac", 900.0,
                // realized margin: 0.8 × 200 × 304 days (2024-05-01..2025-03-01) / M
                "ltv", 0.8 * 200 * 304 / M, "ltv_simple", SIMPLE, "ltv_cac", 0.8 * 200 * 304 / M / 900));
        // churned before the 12 months began: no customer time in them, so the 1-month minimum, and no ticket
        e.putAll(row("nps", null, "tickets_per_month", 0.0, "support_minutes_per_month", 0.0,
                "culture_fit", null, "pain_points", null));
        assertRow("a10", rows.get("a10"), e);
    }

    @Test
    void a12AccountWithNothingButAnId() {
        Map<String, Object> e = firm("a12", "Mu", null, "SaaS", null, null, null, null, null, null, null, null, null,
                null, null, null);
        e.putAll(noUsage());
        e.putAll(prospect());
        e.putAll(row("conversion", false, "won_opportunities", 0L, "lost_opportunities", 0L, "win_rate", null));
        assertRow("a12", rows.get("a12"), e);
    }

    // ------------------------------------------------------------------ expected parts

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Map<String, Object> firm(String id, String name, String domain, String industry, Long employees,
                                            Double revenue, String country, String region, List<String> tech,
                                            String created, String channel, String tier, String employeesBand,
                                            String revenueBand, Boolean salesforce, Boolean snowflake) {
        return row("as_of", T, "account_id", id, "name", name, "domain", domain, "industry", industry,
                "employees", employees, "annual_revenue", revenue, "country", country, "region", region,
                "tech_stack", tech, "created_at", created == null ? null : date(created), "acquisition_channel", channel,
                "employees_band", employeesBand, "revenue_band", revenueBand, "has_salesforce", salesforce,
                "has_snowflake", snowflake, "tier", tier);
    }

    /** No event in the window: every usage metric 0, the trend 0. */
    private static Map<String, Object> noUsage() {
        return row("active_days_per_week", 0.0, "active_users", 0L, "usage_trend", 0.0, "use_cases", 0L,
                "high_value_use_cases", 0L, "high_value_share", 0.0);
    }

    /** A prospect: customer metrics null, deal counts to be filled in; no NPS. */
    private static Map<String, Object> prospect() {
        return row("is_customer", false, "customer_since", null, "churned_at", null, "tenure_months", null,
                "is_active", null, "mrr", null, "mrr_12m_ago", null, "nrr_12m", null, "retained_12m", null,
                "expansion_mrr_12m", null, "addon_purchases_12m", null, "aov", null, "sales_cycle_days", null,
                "cac", null, "ltv", null, "ltv_simple", null, "ltv_cac", null, "nps", null, "tickets_per_month", null,
                "support_minutes_per_month", null, "culture_fit", null, "pain_points", null);
    }
}
