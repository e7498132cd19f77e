package org.icpengine.bench.metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.icpengine.bench.ingest.IngestBenchmark;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.metrics.MetricsRun;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;

/**
 * End-to-end account-metrics benchmark (DESIGN.md budget: account metrics over 10^7 usage events and 10^5
 * accounts ≤ 1.3× one hand-written DuckDB query of the same metrics).
 *
 * <p>Generates, once, a workspace of 10^5 accounts and 10^7 usage events over the year to 2026-06-30 (the
 * generator of {@link IngestBenchmark}), plus deals and subscriptions for about a third of the accounts, and
 * ingests it. Then, alternating in one run on the same store, times (a) one hand-written DuckDB query that
 * materializes the usage metrics of every account ({@code CREATE OR REPLACE TABLE … AS}), written the way one
 * would by hand in DuckDB ({@code regr_slope} over zero-filled weeks, {@code bool_or}, {@code FILTER}), and
 * (b) {@code icp metrics}: {@link AccountMetrics#compute} of every metric (usage, commercial, LTV with its model
 * fit, CAC, support) stored in {@code account_metrics}. Checks that both agree on the usage metrics of every
 * account, prints each round and the ratio of medians. Arguments: {@code [events] [rounds] [workdir]}
 * (defaults 10000000, 5, target/bench-metrics).
 */
public final class MetricsBenchmark {

    private static final LocalDate T = LocalDate.of(2026, 6, 30);
    private static final int ACCOUNTS = 100_000;

    private MetricsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench-metrics").toAbsolutePath();
        Workspace ws = prepare(work, events);
        System.out.printf(Locale.ROOT, "store: %s (%,d bytes), cores: %d, max heap: %,d MB, load average %.2f%n",
                ws.storeFile(), Files.size(ws.storeFile()), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, load());
        double[] duck = new double[rounds];
        double[] icp = new double[rounds];
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            store.ensureSchema(ws.config());
            AccountMetrics metrics = AccountMetrics.on(engine, ws.config());
            // one untimed run of each, so that neither pays for the first read of the file
            baseline(store.connection());
            MetricsRun first = metrics.compute(T);
            System.out.printf(Locale.ROOT, "accounts %,d, customers %,d; notes: %s%n", first.accounts(),
                    first.customers(), first.notes());
            check(store.connection());
            for (int r = 0; r < rounds; r++) {
                duck[r] = baseline(store.connection());
                long t0 = System.nanoTime();
                metrics.compute(T);
                icp[r] = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "round %d: duckdb query %.2f s, icp metrics %.2f s, ratio %.2f%n",
                        r + 1, duck[r], icp[r], icp[r] / duck[r]);
            }
        }
        double d = median(duck);
        double i = median(icp);
        System.out.printf(Locale.ROOT, "RESULT events=%d accounts=%d duckdb_query_s=%.2f icp_metrics_s=%.2f ratio=%.2f "
                + "budget=1.30 %s (load average %.2f on %d cores)%n", events, ACCOUNTS, d, i, i / d,
                i / d <= 1.3 ? "within budget" : "OVER BUDGET", load(), Runtime.getRuntime().availableProcessors());
    }

    /** The workspace, generated and ingested unless an earlier run left it with the same number of events. */
    private static Workspace prepare(Path work, long events) throws IOException {
        Path data = work.resolve("data");
        Path marker = work.resolve("events.txt");
        Files.createDirectories(data);
        Files.writeString(work.resolve("icp.yaml"), """
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.csv }
                  usage_events: { path: data/usage_events.csv }
                  opportunities: { path: data/opportunities.csv }
                  subscriptions: { path: data/subscriptions.csv }
                  nps_responses: { path: data/nps.csv }
                  support_tickets: { path: data/tickets.csv }
                  spend: { path: data/spend.csv }
                  research_notes: { path: data/notes.csv }
                use_cases:
                  reporting:    { events: ["report_*", "dashboard_view"], high_value: false }
                  automation:   { events: ["workflow_*", "api_call"], high_value: true }
                  integrations: { events: ["integration_*"], high_value: true }
                  alerting:     { events: ["alert_*"], high_value: false }
                """);
        Workspace ws = Workspace.open(work);
        String version = events + " v2";
        boolean ready = Files.exists(marker) && Files.readString(marker).trim().equals(version)
                && Files.exists(ws.storeFile());
        if (!ready) {
            System.out.printf(Locale.ROOT, "generating %,d usage events for %,d accounts ...%n", events, ACCOUNTS);
            IngestBenchmark.generate(data.resolve("accounts.csv"), data.resolve("usage_events.csv"), ACCOUNTS, events);
            commercial(data);
            Files.deleteIfExists(ws.storeFile());
            Files.deleteIfExists(ws.storeFile().resolveSibling("icp.duckdb.wal"));
            System.out.println("ingesting ...");
            try (Store store = Store.open(ws.storeFile())) {
                Ingestor.run(ws, store, Clock.systemUTC());
            }
            Files.writeString(marker, version);
        }
        return ws;
    }

    /**
     * Seeded deals and subscriptions (a third of the accounts won, some churned, some with an add-on), NPS answers,
     * tickets and research notes for some accounts, and monthly marketing and sales spend.
     */
    private static void commercial(Path data) throws IOException {
        SplittableRandom rnd = new SplittableRandom(11);
        LocalDate start = LocalDate.of(2023, 1, 1);
        try (BufferedWriter o = Files.newBufferedWriter(data.resolve("opportunities.csv"), StandardCharsets.UTF_8);
             BufferedWriter s = Files.newBufferedWriter(data.resolve("subscriptions.csv"), StandardCharsets.UTF_8);
             BufferedWriter n = Files.newBufferedWriter(data.resolve("nps.csv"), StandardCharsets.UTF_8);
             BufferedWriter k = Files.newBufferedWriter(data.resolve("tickets.csv"), StandardCharsets.UTF_8);
             BufferedWriter r = Files.newBufferedWriter(data.resolve("notes.csv"), StandardCharsets.UTF_8);
             BufferedWriter m = Files.newBufferedWriter(data.resolve("spend.csv"), StandardCharsets.UTF_8)) {
            o.write("opportunity_id,account_id,stage,amount,created_at,closed_at\n");
            s.write("subscription_id,account_id,is_addon,start_date,end_date,mrr\n");
            n.write("account_id,responded_at,score\n");
            k.write("ticket_id,account_id,opened_at,effort_minutes\n");
            r.write("account_id,noted_at,culture_fit,pain_points\n");
            m.write("month,channel,kind,amount\n");
            for (LocalDate month = start; month.isBefore(T); month = month.plusMonths(1)) {
                m.write(month + ",paid_search,marketing," + (20000 + rnd.nextInt(5000)) + "\n");
                m.write(month + ",events,marketing," + (8000 + rnd.nextInt(5000)) + "\n");
                m.write(month + ",sales,sales," + (50000 + rnd.nextInt(10000)) + "\n");
            }
            for (int a = 0; a < ACCOUNTS; a++) {
                if (a % 3 == 0) {
                    n.write("A" + a + "," + T.minusDays(rnd.nextInt(700)) + "T10:00:00Z," + rnd.nextInt(11) + "\n");
                    k.write("K" + a + "a,A" + a + "," + T.minusDays(rnd.nextInt(500)) + "T09:00:00Z," + rnd.nextInt(90) + "\n");
                    k.write("K" + a + "b,A" + a + "," + T.minusDays(rnd.nextInt(500)) + "T15:00:00Z," + rnd.nextInt(90) + "\n");
                }
                if (a % 5 == 0) {
                    r.write("A" + a + "," + T.minusDays(rnd.nextInt(700)) + "," + (1 + rnd.nextInt(5)) + ",pain"
                            + rnd.nextInt(10) + ";pain" + rnd.nextInt(10) + "\n");
                }
                if (rnd.nextInt(2) == 0) {
                    continue;
                }
                LocalDate created = start.plusDays(rnd.nextInt(1200));
                LocalDate closed = created.plusDays(10 + rnd.nextInt(80));
                boolean won = rnd.nextInt(3) < 2 && closed.isBefore(T);
                o.write("O" + a + ",A" + a + "," + (closed.isAfter(T) ? "open" : won ? "won" : "lost") + ","
                        + (1000 + rnd.nextInt(20000)) + "," + created + "," + (closed.isAfter(T) ? "" : closed) + "\n");
                if (!won) {
                    continue;
                }
                int mrr = 100 + rnd.nextInt(2000);
                // churn after a number of months that grows with a per-account loyalty (so retention rises)
                double theta = rnd.nextInt(2) == 0 ? 0.15 : 0.02;
                int months = 1;
                while (rnd.nextDouble() >= theta && months < 60) {
                    months++;
                }
                LocalDate end = closed.plusMonths(months);
                s.write("S" + a + ",A" + a + ",false," + closed + "," + (end.isAfter(T) ? "" : end) + "," + mrr + "\n");
                if (rnd.nextInt(5) == 0) {
                    s.write("X" + a + ",A" + a + ",true," + closed.plusMonths(2) + ",," + mrr / 5 + "\n");
                }
            }
        }
    }

    /** The usage metrics of every account in one hand-written DuckDB query; returns seconds. */
    private static double baseline(Connection c) throws SQLException {
        String hv = "(event LIKE 'workflow!_%' ESCAPE '!' OR event = 'api_call' OR event LIKE 'integration!_%' ESCAPE '!')";
        String sql = "CREATE OR REPLACE TABLE bench_usage AS\n"
                + "WITH ev AS (SELECT account_id, user_id, event, occurred_at FROM usage_events\n"
                + "  WHERE occurred_at >= TIMESTAMP '2026-04-02' AND occurred_at < TIMESTAMP '2026-07-01'),\n"
                + "per_account AS (SELECT account_id, count(*) AS n, count(DISTINCT occurred_at::DATE) AS days,\n"
                + "    count(DISTINCT user_id) AS users,\n"
                + "    bool_or(event LIKE 'report!_%' ESCAPE '!' OR event = 'dashboard_view')::INT\n"
                + "      + bool_or(event LIKE 'workflow!_%' ESCAPE '!' OR event = 'api_call')::INT\n"
                + "      + bool_or(event LIKE 'integration!_%' ESCAPE '!')::INT\n"
                + "      + bool_or(event LIKE 'alert!_%' ESCAPE '!')::INT AS use_cases,\n"
                + "    bool_or(event LIKE 'workflow!_%' ESCAPE '!' OR event = 'api_call')::INT\n"
                + "      + bool_or(event LIKE 'integration!_%' ESCAPE '!')::INT AS hv_use_cases,\n"
                + "    count(*) FILTER (WHERE " + hv + ") / count(*) AS hv_share\n"
                + "  FROM ev GROUP BY account_id),\n"
                + "weekly AS (SELECT account_id, 12 - date_diff('day', occurred_at::DATE, DATE '2026-06-30') // 7 AS week,\n"
                + "    count(*) AS c FROM ev WHERE occurred_at >= TIMESTAMP '2026-04-08' GROUP BY ALL),\n"
                + "trend AS (SELECT p.account_id, CASE WHEN avg(coalesce(w.c, 0)) = 0 THEN 0\n"
                + "      ELSE regr_slope(coalesce(w.c, 0), g.week) / avg(coalesce(w.c, 0)) END AS trend\n"
                + "  FROM per_account p CROSS JOIN range(1, 13) g(week)\n"
                + "  LEFT JOIN weekly w ON w.account_id = p.account_id AND w.week = g.week GROUP BY p.account_id)\n"
                + "SELECT a.account_id, coalesce(p.days, 0) / (90 / 7.0) AS active_days_per_week,\n"
                + "  coalesce(p.users, 0) AS active_users, coalesce(t.trend, 0) AS usage_trend,\n"
                + "  coalesce(p.use_cases, 0) AS use_cases, coalesce(p.hv_use_cases, 0) AS high_value_use_cases,\n"
                + "  coalesce(p.hv_share, 0) AS high_value_share\n"
                + "FROM accounts a LEFT JOIN per_account p USING (account_id) LEFT JOIN trend t USING (account_id)";
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Fails unless both computed the same usage metrics for every account. */
    private static void check(Connection c) throws SQLException {
        String sql = "SELECT count(*) FROM bench_usage b JOIN account_metrics m ON m.account_id = b.account_id "
                + "AND m.as_of = DATE '2026-06-30' WHERE abs(b.active_days_per_week - m.active_days_per_week) > 1e-9 "
                + "OR b.active_users <> m.active_users OR abs(b.usage_trend - m.usage_trend) > 1e-9 "
                + "OR b.use_cases <> m.use_cases OR b.high_value_use_cases <> m.high_value_use_cases "
                + "OR abs(b.high_value_share - m.high_value_share) > 1e-9";
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            long differ = r.getLong(1);
            try (ResultSet n = s.executeQuery("SELECT count(*) FROM bench_usage")) {
                n.next();
                System.out.printf(Locale.ROOT, "agreement: %,d of %,d accounts differ in a usage metric%n", differ,
                        n.getLong(1));
            }
            if (differ != 0) {
                throw new IllegalStateException("icp metrics and the DuckDB query disagree on " + differ + " accounts");
            }
        }
    }

    /** The system load average of the last minute (the machine may be shared), or -1 if unknown. */
    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
