package org.icpengine.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.icpengine.core.metrics.MetricsWorkspace.T;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.icpengine.stats.ltv.SbgModel;
import org.icpengine.stats.ltv.SbgTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LTV from the sBG model of the account's segment: a large segment gets its own model, a small one the whole
 * base's, both as the test fits them itself on the monthly lifetimes it generated.
 */
class LtvSegmentsIT {

    @TempDir
    Path dir;

    /** One generated customer: segment, start, months it stayed (or -1 if still active on T). */
    private record Customer(String id, String industry, LocalDate since, int churnedAfter) {

        int periods() {
            return churnedAfter > 0 ? churnedAfter : (int) ChronoUnit.MONTHS.between(since, T);
        }
    }

    @Test
    void aLargeSegmentHasItsOwnSbgModelAndASmallOneTheWholeBases() {
        // two kinds of customers (monthly churn 25% and 2%), so that retention rises with tenure; seeded
        SplittableRandom rnd = new SplittableRandom(42);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String industry = i < 390 ? "Big" : "Small";
            LocalDate since = LocalDate.of(2023, 1, 1).plusMonths(rnd.nextInt(40));
            double theta = i % 2 == 0 ? 0.25 : 0.02;
            int months = 1;
            while (rnd.nextDouble() >= theta) {
                months++;
            }
            boolean churned = !since.plusMonths(months).isAfter(T);
            customers.add(new Customer(String.format("c%03d", i), industry, since, churned ? months : -1));
        }
        StringBuilder accounts = new StringBuilder("account_id,industry\n");
        StringBuilder subs = new StringBuilder("subscription_id,account_id,start_date,end_date,mrr\n");
        for (Customer c : customers) {
            accounts.append(c.id()).append(',').append(c.industry()).append('\n');
            subs.append('s').append(c.id()).append(',').append(c.id()).append(',').append(c.since()).append(',')
                    .append(c.churnedAfter() > 0 ? c.since().plusMonths(c.churnedAfter()).toString() : "")
                    .append(",100\n");
        }
        MetricsWorkspace ws = new MetricsWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                  subscriptions: { path: data/subscriptions.csv }
                economics: { gross_margin: 0.7, annual_discount_rate: 0.12 }
                ltv: { segment_by: [industry], min_customers: 50 }
                """).file("data/accounts.csv", accounts.toString()).file("data/subscriptions.csv", subs.toString())
                .ingest();

        MetricsRun run = ws.compute(T);
        Map<String, Map<String, Object>> rows = ws.rows(T);

        SbgModel big = fit(customers.stream().filter(c -> c.industry().equals("Big")).toList());
        SbgModel base = fit(customers);
        double d = Math.pow(1.12, 1.0 / 12) - 1;
        int checked = 0;
        for (Customer c : customers) {
            Map<String, Object> r = rows.get(c.id());
            assertThat(r.get("tenure_months")).as(c.id()).isEqualTo(c.churnedAfter() > 0 ? (double) c.churnedAfter()
                    : ChronoUnit.MONTHS.between(c.since(), T) + ChronoUnit.DAYS.between(
                            c.since().plusMonths(ChronoUnit.MONTHS.between(c.since(), T)), T) / 30.4375);
            if (c.churnedAfter() > 0) {
                // realized margin of a churned customer: 0.7 × 100 × days / 30.4375
                assertThat((Double) r.get("ltv")).as(c.id()).isCloseTo(0.7 * 100 * ChronoUnit.DAYS.between(c.since(),
                        c.since().plusMonths(c.churnedAfter())) / 30.4375, within(1e-9));
                continue;
            }
            SbgModel model = c.industry().equals("Big") ? big : base;
            double expected = 0.7 * 100 * model.discountedExpectedResidualLifetime(c.periods(), d);
            assertThat((Double) r.get("ltv")).as(c.id()).isCloseTo(expected, within(1e-6 * expected));
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(run.notes()).contains(String.format(java.util.Locale.ROOT, "ltv: 1 of 2 segments by industry "
                + "use the whole customer base's model (sBG alpha = %.4g, beta = %.4g on 400 customers): "
                + "industry=Small (10 customers, fewer than 50)", base.alpha(), base.beta()));
        // ltv_simple: 0.7 × ARPA (100) / (churned / customer-months) of the segment's population
        long churned = customers.stream().filter(c -> c.industry().equals("Big") && c.churnedAfter() > 0).count();
        long exposure = customers.stream().filter(c -> c.industry().equals("Big")).mapToLong(Customer::periods).sum();
        assertThat((Double) rows.get("c000").get("ltv_simple")).isCloseTo(0.7 * 100 * exposure / churned, within(1e-6));
    }

    private static SbgModel fit(List<Customer> customers) {
        int[] tenure = new int[customers.size()];
        boolean[] churned = new boolean[customers.size()];
        for (int i = 0; i < tenure.length; i++) {
            tenure[i] = customers.get(i).periods();
            churned[i] = customers.get(i).churnedAfter() > 0;
        }
        return new SbgTrainer().fitIndividual(tenure, churned);
    }
}
