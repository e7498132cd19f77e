package org.icpengine.core.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.icpengine.core.config.AttributeConfig;
import org.icpengine.core.config.UseCase;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.expr.Dialect;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.schema.CanonicalTable;
import org.icpengine.core.schema.ColumnType;
import org.icpengine.errors.ConfigException;

/**
 * The SQL of the account metrics as of a date T, written once in the subset DuckDB and Spark SQL both run
 * (CTEs, joins, CASE, COUNT DISTINCT, window functions, PERCENTILE_CONT … WITHIN GROUP, EXTRACT); the few
 * functions that differ (day differences, month arithmetic, case-insensitive list membership, list union) go
 * through {@link Dialect}. Identifiers are canonical names or checked {@code icp.yaml} names, quoted by the
 * dialect; every value — dates, bounds, labels, globs, model factors — is a bind parameter.
 *
 * <p>Two statements: {@link #lifecycle()} reads, per LTV segment and monthly tenure, the customers the
 * retention models are fitted on; {@link #insert} computes every metric and inserts one row per account.
 * Every source row is cut at T: events, NPS answers and tickets by their timestamp, deals by
 * {@code created_at} (and counted as won or lost only when {@code closed_at <= T}), subscriptions by
 * {@code start_date} (an {@code end_date} after T is unknown at T and read as open), spend by month, notes
 * by {@code noted_at}, accounts by {@code created_at}.
 */
final class MetricSql {

    /** The usage window W in days: (T − W, T]. */
    static final int USAGE_WINDOW_DAYS = 90;

    /** Full weeks of the usage trend, each 7 days, the last one ending on T. */
    static final int TREND_WEEKS = 12;

    /** Days per month of tenure, as a SQL literal. */
    private static final String DAYS_PER_MONTH = "30.4375";

    private static final String WON_NB = "o.type = 'new_business' AND o.stage = 'won' AND o.closed_at <= :t";
    private static final String LOST_NB = "o.type = 'new_business' AND o.stage = 'lost' AND o.closed_at <= :t";

    private final WorkspaceConfig config;
    private final Dialect d;
    private final Inputs in;
    private final Map<String, ColumnType> columns;
    private final List<String> segmentBy;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final String firm;

    /**
     * The SQL for {@code asOf} over the tables {@code in} says have rows.
     *
     * @throws ConfigException if {@code ltv.segment_by} names a metric or a list column
     */
    MetricSql(WorkspaceConfig config, Dialect dialect, Inputs in, LocalDate asOf) {
        this.config = config;
        this.d = dialect;
        this.in = in;
        this.columns = MetricCatalog.accountColumns(config);
        this.segmentBy = config.ltv().segmentBy();
        for (String dim : segmentBy) {
            ColumnType type = columns.get(dim);
            if (type == null || MetricCatalog.METRICS.containsKey(dim) || type == ColumnType.LIST) {
                throw new ConfigException(config.file() + ": ltv.segment_by: '" + dim + "' cannot segment LTV; use "
                        + "account attributes that are not lists, such as industry, employees_band or country");
            }
        }
        LocalDate t12 = asOf.minusMonths(12);
        LocalDate t1 = asOf.plusDays(1);
        values.put("t", asOf);
        values.put("t12", t12);
        values.put("t12p1", t12.plusDays(1));
        values.put("t1", t1);
        values.put("t_end_ts", t1.atStartOfDay());
        values.put("w_start_ts", asOf.minusDays(USAGE_WINDOW_DAYS - 1).atStartOfDay());
        values.put("trend_start_ts", t1.minusDays(7L * TREND_WEEKS).atStartOfDay());
        values.put("window_days", (double) ChronoUnit.DAYS.between(t12, asOf));
        values.put("gm", config.economics().grossMargin());
        values.put("cac_back", (long) config.economics().cacWindowMonths() - 1);
        this.firm = firmCte();
    }

    /** The columns of {@code account_metrics}: {@code as_of}, then the account columns and metrics in catalog order. */
    static Map<String, ColumnType> tableColumns(WorkspaceConfig config) {
        Map<String, ColumnType> m = new LinkedHashMap<>();
        m.put("as_of", ColumnType.DATE);
        m.putAll(MetricCatalog.accountColumns(config));
        return m;
    }

    // ------------------------------------------------------------------ statements

    /**
     * Customers who are active or churned on T, grouped by LTV segment ({@code seg_key}, and the dimension
     * values {@code d0, d1, …}), monthly {@code periods}, {@code churned} and {@code active}: {@code n}
     * customers and their total {@code mrr} on T. Needs subscriptions.
     */
    SqlFragment lifecycle() {
        List<String> ctes = new ArrayList<>(commercialCtes(true));
        ctes.add(segCte());
        StringBuilder dims = new StringBuilder();
        StringBuilder dimNames = new StringBuilder();
        for (int i = 0; i < segmentBy.size(); i++) {
            dims.append(", CAST(f.").append(q(segmentBy.get(i))).append(" AS STRING) AS d").append(i);
            dimNames.append(", d").append(i);
        }
        String sql = "WITH " + String.join(",\n", ctes) + "\n"
                + "SELECT seg_key" + dimNames + ", periods, churned, active, COUNT(*) AS n, SUM(mrr) AS mrr FROM (\n"
                + "  SELECT sg.seg_key" + dims + ",\n"
                + "    " + periodsSql("l") + " AS periods,\n"
                + "    l.churned_at IS NOT NULL AS churned,\n"
                + "    COALESCE(l.mrr_t, 0) > 0 AS active,\n"
                + "    CASE WHEN COALESCE(l.mrr_t, 0) > 0 THEN l.mrr_t ELSE 0 END AS mrr\n"
                + "  FROM life l JOIN firm f ON f.account_id = l.account_id JOIN seg sg ON sg.account_id = l.account_id\n"
                + "  WHERE l.since IS NOT NULL AND (l.churned_at IS NOT NULL OR COALESCE(l.mrr_t, 0) > 0)\n"
                + ") x GROUP BY seg_key" + dimNames + ", periods, churned, active";
        return NamedSql.render(sql, values);
    }

    /**
     * {@code INSERT INTO table} of one row per account as of T, with the LTV {@code factors} of the retention
     * models (ignored without subscriptions).
     */
    SqlFragment insert(String table, LtvFactors factors) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        List<String> ctes = new ArrayList<>();
        if (in.customers()) {
            ctes.addAll(commercialCtes(false));
        } else {
            ctes.add(firm);
        }
        boolean ltvJoin = in.subscriptions() && !factors.isEmpty();
        if (in.subscriptions()) {
            ctes.add("ret AS (SELECT l.account_id, SUM(CASE WHEN s.start_date <= l.d12 AND (s.end_date IS NULL OR "
                    + "s.end_date > l.d12) THEN s.mrr ELSE 0 END) AS mrr_d12\n"
                    + "  FROM life l JOIN sub s ON s.account_id = l.account_id WHERE l.d12 <= :t GROUP BY l.account_id)");
            if (ltvJoin) {
                ctes.add(segCte());
                ctes.add(factors.residualCte(v));
                ctes.add(factors.simpleCte(v));
            }
        }
        if (in.spend() && in.customers()) {
            ctes.addAll(cacCtes());
        }
        if (in.tickets() && in.customers()) {
            ctes.add("tk AS (SELECT l.account_id, COUNT(*) AS n, SUM(COALESCE(CAST(t.effort_minutes AS DOUBLE), 0)) "
                    + "AS minutes\n"
                    + "  FROM support_tickets t JOIN life l ON l.account_id = t.account_id\n"
                    + "  WHERE l.since IS NOT NULL AND t.opened_at < :t_end_ts\n"
                    + "    AND CAST(t.opened_at AS DATE) >= l.tk_start AND CAST(t.opened_at AS DATE) < l.tk_end\n"
                    + "  GROUP BY l.account_id)");
        }
        if (in.nps()) {
            ctes.add("nps_l AS (SELECT account_id, score FROM (SELECT account_id, score, ROW_NUMBER() OVER "
                    + "(PARTITION BY account_id ORDER BY responded_at DESC, score ASC) AS rn\n"
                    + "  FROM nps_responses WHERE responded_at < :t_end_ts) x WHERE rn = 1)");
        }
        if (in.research()) {
            ctes.add("cf AS (SELECT account_id, culture_fit FROM (SELECT account_id, culture_fit, ROW_NUMBER() OVER "
                    + "(PARTITION BY account_id ORDER BY noted_at DESC, culture_fit ASC) AS rn\n"
                    + "  FROM research_notes WHERE noted_at <= :t AND culture_fit IS NOT NULL) x WHERE rn = 1)");
            ctes.add("pp AS (SELECT account_id, " + d.listUnion("pain_points") + " AS pain_points\n"
                    + "  FROM research_notes WHERE noted_at <= :t GROUP BY account_id)");
        }
        List<String> useCaseColumns = new ArrayList<>();
        List<String> highValueColumns = new ArrayList<>();
        if (in.usage()) {
            ctes.addAll(usageCtes(v, useCaseColumns, highValueColumns));
        }

        StringBuilder from = new StringBuilder("FROM firm f");
        if (in.customers()) {
            from.append("\n  LEFT JOIN life l ON l.account_id = f.account_id");
        }
        if (in.subscriptions()) {
            from.append("\n  LEFT JOIN ret ON ret.account_id = f.account_id");
            if (ltvJoin) {
                from.append("\n  LEFT JOIN seg sg ON sg.account_id = f.account_id")
                        .append("\n  LEFT JOIN lf ON lf.seg_key = sg.seg_key AND lf.renewals = ").append(renewalsSql("l"))
                        .append("\n  LEFT JOIN ls ON ls.seg_key = sg.seg_key");
            }
        }
        if (in.spend() && in.customers()) {
            from.append("\n  LEFT JOIN cac ON cac.account_id = f.account_id");
        }
        if (in.tickets() && in.customers()) {
            from.append("\n  LEFT JOIN tk ON tk.account_id = f.account_id");
        }
        if (in.nps()) {
            from.append("\n  LEFT JOIN nps_l ON nps_l.account_id = f.account_id");
        }
        if (in.research()) {
            from.append("\n  LEFT JOIN cf ON cf.account_id = f.account_id LEFT JOIN pp ON pp.account_id = f.account_id");
        }
        if (in.usage()) {
            from.append("\n  LEFT JOIN ua ON ua.account_id = f.account_id");
        }

        Map<String, String> metric = metricSql(useCaseColumns, highValueColumns, ltvJoin);
        List<String> names = new ArrayList<>();
        List<String> select = new ArrayList<>();
        names.add(q("as_of"));
        select.add("CAST(:t AS DATE)");
        for (Map.Entry<String, ColumnType> c : columns.entrySet()) {
            names.add(q(c.getKey()));
            String expr = metric.get(c.getKey());
            if (expr == null) {
                select.add("f." + q(c.getKey()));
            } else if (c.getValue() == ColumnType.LIST) {
                select.add(expr);
            } else {
                select.add("CAST(" + expr + " AS " + c.getValue().sqlType() + ")");
            }
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ")\n"
                + "WITH " + String.join(",\n", ctes) + "\n"
                + "SELECT " + String.join(",\n  ", select) + "\n" + from;
        return NamedSql.render(sql, v);
    }

    // ------------------------------------------------------------------ accounts and firmographics

    /** Accounts that exist on T, with their canonical columns, bands, technology flags and custom attributes. */
    private String firmCte() {
        Map<String, AttributeConfig> attributes = config.accountAttributes();
        List<String> items = new ArrayList<>();
        for (String name : columns.keySet()) {
            if (MetricCatalog.METRICS.containsKey(name)) {
                continue;
            }
            String expr;
            if (CanonicalTable.ACCOUNTS.column(name).isPresent() || attributes.containsKey(name)) {
                expr = "a." + q(name);
            } else if (name.equals("employees_band")) {
                expr = band("employees", config.bands().employees(), "eb");
            } else if (name.equals("revenue_band")) {
                expr = band("annual_revenue", config.bands().annualRevenue(), "rb");
            } else if (name.startsWith("has_") && config.techStackFlags().contains(name.substring(4))) {
                String param = "tech_" + values.size();
                values.put(param, name.substring(4).toLowerCase(Locale.ROOT));
                expr = d.listContainsIgnoreCase("a.tech_stack", "CAST(:" + param + " AS STRING)");
            } else {
                throw new IllegalStateException("no SQL for account column " + name);
            }
            items.add(expr + " AS " + q(name));
        }
        return "firm AS (SELECT " + String.join(",\n    ", items)
                + "\n  FROM accounts a WHERE a.created_at IS NULL OR a.created_at <= :t)";
    }

    private String band(String column, List<Double> bounds, String prefix) {
        List<String> labels = BandLabels.labels(bounds);
        if (labels.isEmpty()) {
            return "CAST(NULL AS STRING)";
        }
        StringBuilder b = new StringBuilder("CASE WHEN a.").append(column).append(" IS NULL THEN NULL");
        for (int i = 0; i < bounds.size(); i++) {
            values.put(prefix + "_b" + i, bounds.get(i));
            values.put(prefix + "_l" + i, labels.get(i));
            b.append(" WHEN a.").append(column).append(" <= CAST(:").append(prefix).append("_b").append(i)
                    .append(" AS DOUBLE) THEN CAST(:").append(prefix).append("_l").append(i).append(" AS STRING)");
        }
        values.put(prefix + "_l" + bounds.size(), labels.get(bounds.size()));
        return b.append(" ELSE CAST(:").append(prefix).append("_l").append(bounds.size()).append(" AS STRING) END")
                .toString();
    }

    /** The LTV segment of each account: its {@code ltv.segment_by} values encoded without ambiguity. */
    private String segCte() {
        List<String> parts = new ArrayList<>();
        for (String dim : segmentBy) {
            String text = "CAST(f." + q(dim) + " AS STRING)";
            parts.add("CASE WHEN f." + q(dim) + " IS NULL THEN '~' ELSE CAST(LENGTH(" + text + ") AS STRING) || ':' || "
                    + text + " END");
        }
        String key = parts.isEmpty() ? "'*'" : String.join(" || '|' || ", parts);
        return "seg AS (SELECT f.account_id, " + key + " AS seg_key FROM firm f)";
    }

    // ------------------------------------------------------------------ commercial

    /**
     * firm, the deal and subscription aggregates, and {@code life}: one row per account with its customer facts;
     * {@code lean} leaves out the deal statistics that only the metric columns need.
     */
    private List<String> commercialCtes(boolean lean) {
        List<String> ctes = new ArrayList<>();
        ctes.add(firm);
        if (in.opportunities() && lean) {
            ctes.add("opp_acct AS (SELECT o.account_id, MIN(o.closed_at) AS first_won FROM opportunities o\n"
                    + "  WHERE o.created_at <= :t AND " + WON_NB + " GROUP BY o.account_id)");
        } else if (in.opportunities()) {
            ctes.add("opp_acct AS (SELECT o.account_id, COUNT(*) AS n_opps,\n"
                    + "    SUM(CASE WHEN " + WON_NB + " THEN 1 ELSE 0 END) AS won,\n"
                    + "    SUM(CASE WHEN " + LOST_NB + " THEN 1 ELSE 0 END) AS lost,\n"
                    + "    AVG(CASE WHEN " + WON_NB + " THEN CAST(o.amount AS DOUBLE) END) AS aov,\n"
                    + "    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN " + WON_NB + " THEN "
                    + d.daysBetween("o.created_at", "o.closed_at") + " END) AS cycle,\n"
                    + "    MIN(CASE WHEN " + WON_NB + " THEN o.closed_at END) AS first_won\n"
                    + "  FROM opportunities o WHERE o.created_at <= :t GROUP BY o.account_id)");
        }
        if (in.subscriptions()) {
            // end_date is the first day a row no longer counts: active on day x iff start_date <= x < end_date
            ctes.add("sub AS (SELECT s.account_id, COALESCE(s.is_addon, FALSE) AS is_addon, s.start_date,\n"
                    + "    CASE WHEN s.end_date > :t THEN NULL ELSE s.end_date END AS end_date, "
                    + "CAST(s.mrr AS DOUBLE) AS mrr\n"
                    + "  FROM subscriptions s WHERE s.start_date <= :t)");
            ctes.add("sub_acct AS (SELECT account_id, MIN(start_date) AS first_start,\n"
                    + "    SUM(CASE WHEN end_date IS NULL THEN mrr ELSE 0 END) AS mrr_t,\n"
                    + "    SUM(CASE WHEN start_date <= :t12 AND (end_date IS NULL OR end_date > :t12) THEN mrr ELSE 0 END)"
                    + " AS mrr_t12,\n"
                    + "    MAX(CASE WHEN mrr > 0 AND end_date > start_date THEN end_date END) AS last_end,\n"
                    + "    SUM(CASE WHEN is_addon AND start_date > :t12 THEN 1 ELSE 0 END) AS addons_12m,\n"
                    + "    SUM(CASE WHEN end_date IS NOT NULL THEN mrr * " + d.daysBetween("start_date", "end_date")
                    + " ELSE 0 END) AS mrr_days\n"
                    + "  FROM sub GROUP BY account_id)");
        }
        String since;
        if (in.opportunities() && in.subscriptions()) {
            since = "CASE WHEN o.first_won IS NULL THEN s.first_start WHEN s.first_start IS NULL "
                    + "OR o.first_won <= s.first_start THEN o.first_won ELSE s.first_start END";
        } else {
            since = in.opportunities() ? "o.first_won" : "s.first_start";
        }
        StringBuilder life0 = new StringBuilder("life0 AS (SELECT f.account_id, ").append(since).append(" AS since");
        if (in.opportunities() && !lean) {
            life0.append(", o.n_opps, o.won, o.lost, o.aov, o.cycle");
        }
        if (in.subscriptions()) {
            life0.append(", s.mrr_t, s.mrr_t12, s.last_end, s.addons_12m, s.mrr_days");
        }
        life0.append("\n  FROM firm f");
        if (in.opportunities()) {
            life0.append(" LEFT JOIN opp_acct o ON o.account_id = f.account_id");
        }
        if (in.subscriptions()) {
            life0.append(" LEFT JOIN sub_acct s ON s.account_id = f.account_id");
        }
        ctes.add(life0.append(")").toString());
        // churned_at: MRR is 0 on T and was positive before; the day it fell to 0 is the last end_date
        String churned = in.subscriptions()
                ? "CASE WHEN l.since IS NOT NULL AND COALESCE(l.mrr_t, 0) = 0 THEN l.last_end END"
                : "CAST(NULL AS DATE)";
        ctes.add("life1 AS (SELECT l.*, " + churned + " AS churned_at, " + d.addMonths("l.since", "12") + " AS d12 "
                + "FROM life0 l)");
        // tenure: complete calendar months from since to churned_at (or T), then the days left over / 30.4375
        String end = "COALESCE(l.churned_at, CAST(:t AS DATE))";
        ctes.add("life2 AS (SELECT l.*, (EXTRACT(YEAR FROM " + end + ") - EXTRACT(YEAR FROM l.since)) * 12 + "
                + "EXTRACT(MONTH FROM " + end + ") - EXTRACT(MONTH FROM l.since) - CASE WHEN EXTRACT(DAY FROM " + end
                + ") < EXTRACT(DAY FROM l.since) THEN 1 ELSE 0 END AS whole_months FROM life1 l)");
        ctes.add("life AS (SELECT l.*,\n"
                + "    l.whole_months + CAST(" + d.daysBetween(d.addMonths("l.since", "l.whole_months"), end)
                + " AS DOUBLE) / " + DAYS_PER_MONTH + " AS tenure,\n"
                + "    CASE WHEN l.since > :t12p1 THEN l.since ELSE CAST(:t12p1 AS DATE) END AS tk_start,\n"
                + "    COALESCE(l.churned_at, CAST(:t1 AS DATE)) AS tk_end\n"
                + "  FROM life2 l)");
        return ctes;
    }

    /** Complete monthly renewals of an active customer: its complete calendar months. */
    private static String renewalsSql(String l) {
        return "CAST(" + l + ".whole_months AS BIGINT)";
    }

    /**
     * Monthly periods of a customer as {@link SegmentRetention#periods} counts them: a churned customer's last,
     * partly used month counts (at least 1); an active customer counts its complete months.
     */
    private static String periodsSql(String l) {
        return "CASE WHEN " + l + ".churned_at IS NOT NULL THEN GREATEST(1, CAST(" + l + ".whole_months AS BIGINT) + "
                + "CASE WHEN " + l + ".tenure > " + l + ".whole_months THEN 1 ELSE 0 END) ELSE " + renewalsSql(l) + " END";
    }

    /**
     * CAC: for a customer acquired in month m through channel c, the marketing spend of c in the
     * {@code cac_window_months} ending at m over the customers acquired through c in those months, plus the
     * sales spend of those months over all customers acquired in them; no channel: all spend over all
     * customers (blended). Null when no spend row falls in the window (the spend data does not cover it).
     */
    private List<String> cacCtes() {
        String m = "(EXTRACT(YEAR FROM %s) * 12 + EXTRACT(MONTH FROM %s))";
        String back = "CAST(:cac_back AS BIGINT)";
        return List.of(
                "cac_c AS (SELECT l.account_id, " + m.formatted("l.since", "l.since") + " AS m,\n"
                        + "    CASE WHEN TRIM(f.acquisition_channel) = '' THEN NULL ELSE LOWER(TRIM(f.acquisition_channel)) "
                        + "END AS ch\n"
                        + "  FROM life l JOIN firm f ON f.account_id = l.account_id WHERE l.since IS NOT NULL)",
                "cac_s AS (SELECT " + m.formatted("month", "month") + " AS m, LOWER(TRIM(channel)) AS ch, kind, "
                        + "CAST(amount AS DOUBLE) AS amount FROM spend WHERE month <= :t)",
                "cac_am AS (SELECT m, COUNT(*) AS n FROM cac_c GROUP BY m)",
                "cac_acm AS (SELECT ch, m, COUNT(*) AS n FROM cac_c WHERE ch IS NOT NULL GROUP BY ch, m)",
                "cac_n AS (SELECT x.m, SUM(a.n) AS n FROM cac_am x JOIN cac_am a ON a.m BETWEEN x.m - " + back
                        + " AND x.m GROUP BY x.m)",
                "cac_cn AS (SELECT x.ch, x.m, SUM(a.n) AS n FROM cac_acm x JOIN cac_acm a ON a.ch = x.ch "
                        + "AND a.m BETWEEN x.m - " + back + " AND x.m GROUP BY x.ch, x.m)",
                "cac_sp AS (SELECT x.m, COUNT(*) AS rows_n,\n"
                        + "    SUM(CASE WHEN s.kind = 'sales' THEN s.amount ELSE 0 END) AS sales,\n"
                        + "    SUM(CASE WHEN s.kind = 'marketing' THEN s.amount ELSE 0 END) AS mkt\n"
                        + "  FROM cac_am x JOIN cac_s s ON s.m BETWEEN x.m - " + back + " AND x.m GROUP BY x.m)",
                "cac_csp AS (SELECT x.ch, x.m, SUM(s.amount) AS mkt FROM cac_acm x JOIN cac_s s ON s.ch = x.ch "
                        + "AND s.kind = 'marketing' AND s.m BETWEEN x.m - " + back + " AND x.m GROUP BY x.ch, x.m)",
                "cac AS (SELECT c.account_id,\n"
                        + "    CASE WHEN sp.rows_n IS NULL THEN NULL\n"
                        + "         WHEN c.ch IS NULL THEN (sp.sales + sp.mkt) / n.n\n"
                        + "         ELSE sp.sales / n.n + COALESCE(csp.mkt, 0) / cn.n END AS cac\n"
                        + "  FROM cac_c c JOIN cac_n n ON n.m = c.m\n"
                        + "    LEFT JOIN cac_sp sp ON sp.m = c.m\n"
                        + "    LEFT JOIN cac_cn cn ON cn.ch = c.ch AND cn.m = c.m\n"
                        + "    LEFT JOIN cac_csp csp ON csp.ch = c.ch AND csp.m = c.m)");
    }

    // ------------------------------------------------------------------ usage

    /**
     * The usage CTEs: the use cases of each distinct event name of the window ({@code ucm}, where the globs are
     * matched once per name rather than once per event), then one pass over the events of (T − W, T]
     * ({@code ua}): event count, distinct days and users, the sums the trend needs, and per use case whether
     * it was used.
     *
     * <p>Week i (1 = oldest … 12 = the week ending on T) holds the events 7(12 − i) to 7(12 − i) + 6 days before T.
     * With weeks without events counted as 0, x = 1..12 and y the weekly counts, the slope over the mean is
     * {@code (12 Σxy / Σy − 78) / 143} (Σx = 78, Σ(x − x̄)² = 143), so only {@code n12 = Σy} and
     * {@code sxy = Σxy} are needed.
     */
    private List<String> usageCtes(Map<String, Object> v, List<String> useCaseColumns, List<String> highValueColumns) {
        List<String> ctes = new ArrayList<>();
        String window = "occurred_at >= :w_start_ts AND occurred_at < :t_end_ts";
        List<String> flags = new ArrayList<>();
        List<String> highValueMatches = new ArrayList<>();
        int i = 0;
        for (UseCase u : config.useCases().values()) {
            List<String> matches = new ArrayList<>();
            for (String glob : u.events()) {
                String param = "uc" + i + "_" + matches.size();
                v.put(param, UseCasePatterns.like(glob));
                matches.add("event LIKE CAST(:" + param + " AS STRING) ESCAPE '" + UseCasePatterns.ESCAPE + "'");
            }
            if (matches.isEmpty()) {
                continue;
            }
            String match = String.join(" OR ", matches);
            String col = "uc" + i;
            flags.add("CASE WHEN " + match + " THEN 1 ELSE 0 END AS " + col);
            useCaseColumns.add(col);
            if (u.highValue()) {
                highValueColumns.add(col);
                highValueMatches.add(match);
            }
            i++;
        }
        if (!highValueMatches.isEmpty()) {
            flags.add("CASE WHEN " + String.join(" OR ", highValueMatches) + " THEN 1 ELSE 0 END AS hv");
        }
        if (!flags.isEmpty()) {
            ctes.add("ucm AS (SELECT event, " + String.join(",\n    ", flags)
                    + "\n  FROM (SELECT DISTINCT event FROM usage_events WHERE " + window + ") n)");
        }
        String week = "12 - CAST(FLOOR(" + d.daysBetween("CAST(e.occurred_at AS DATE)", "CAST(:t AS DATE)")
                + " / 7.0) AS BIGINT)";
        StringBuilder sql = new StringBuilder("ua AS (SELECT e.account_id, COUNT(*) AS n,\n"
                + "    COUNT(DISTINCT CAST(e.occurred_at AS DATE)) AS days, COUNT(DISTINCT e.user_id) AS users,\n"
                + "    SUM(CASE WHEN e.occurred_at >= :trend_start_ts THEN 1 ELSE 0 END) AS n12,\n"
                + "    SUM(CASE WHEN e.occurred_at >= :trend_start_ts THEN " + week + " ELSE 0 END) AS sxy");
        for (String col : useCaseColumns) {
            sql.append(",\n    MAX(m.").append(col).append(") AS ").append(col);
        }
        if (!highValueMatches.isEmpty()) {
            sql.append(",\n    SUM(m.hv) AS hv_n");
        }
        sql.append("\n  FROM usage_events e");
        if (!flags.isEmpty()) {
            sql.append(" LEFT JOIN ucm m ON m.event = e.event");
        }
        ctes.add(sql.append("\n  WHERE e.").append(window.replace(" AND occurred_at", " AND e.occurred_at"))
                .append(" GROUP BY e.account_id)").toString());
        return ctes;
    }

    // ------------------------------------------------------------------ the metrics

    /** The SQL of every metric over the joined CTEs; a metric whose table is missing is NULL. */
    private Map<String, String> metricSql(List<String> useCases, List<String> highValue, boolean ltvJoin) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : MetricCatalog.METRICS.keySet()) {
            m.put(name, "NULL");
        }
        if (in.usage()) {
            m.put("active_days_per_week", "CAST(COALESCE(ua.days, 0) AS DOUBLE) / (" + USAGE_WINDOW_DAYS + " / 7.0)");
            m.put("active_users", "COALESCE(ua.users, 0)");
            m.put("usage_trend", "CASE WHEN COALESCE(ua.n12, 0) = 0 THEN 0.0 "
                    + "ELSE (12.0 * CAST(ua.sxy AS DOUBLE) / ua.n12 - 78.0) / 143.0 END");
            m.put("use_cases", sumOf(useCases));
            m.put("high_value_use_cases", sumOf(highValue));
            m.put("high_value_share", highValue.isEmpty() ? "0.0"
                    : "CASE WHEN COALESCE(ua.n, 0) = 0 THEN 0.0 ELSE CAST(COALESCE(ua.hv_n, 0) AS DOUBLE) / ua.n END");
        }
        String customer = "l.since IS NOT NULL";
        if (in.customers()) {
            m.put("is_customer", customer);
            m.put("customer_since", "l.since");
            m.put("tenure_months", "l.tenure");
        }
        if (in.subscriptions()) {
            String mrr = "COALESCE(l.mrr_t, 0)";
            String ago = "COALESCE(l.mrr_t12, 0)";
            String mature = "l.since <= :t12";
            m.put("churned_at", "l.churned_at");
            m.put("is_active", "CASE WHEN " + customer + " THEN " + mrr + " > 0 END");
            m.put("mrr", "CASE WHEN " + customer + " THEN " + mrr + " END");
            m.put("mrr_12m_ago", "CASE WHEN " + mature + " THEN " + ago + " END");
            m.put("nrr_12m", "CASE WHEN " + mature + " AND l.mrr_t12 > 0 THEN " + mrr + " / l.mrr_t12 END");
            m.put("retained_12m", "CASE WHEN l.d12 <= :t THEN COALESCE(ret.mrr_d12, 0) > 0 END");
            m.put("expansion_mrr_12m", "CASE WHEN " + mature + " THEN " + mrr + " - " + ago + " END");
            m.put("addon_purchases_12m", "CASE WHEN " + mature + " THEN COALESCE(l.addons_12m, 0) END");
            m.put("ltv", ltvSql(ltvJoin));
            m.put("ltv_simple", ltvJoin ? "CASE WHEN " + customer + " THEN ls.ltv_simple END" : "NULL");
        }
        if (in.opportunities()) {
            m.put("conversion", "COALESCE(l.n_opps, 0) > 0 OR " + customer);
            m.put("won_opportunities", "COALESCE(l.won, 0)");
            m.put("lost_opportunities", "COALESCE(l.lost, 0)");
            m.put("win_rate", "CASE WHEN COALESCE(l.won, 0) + COALESCE(l.lost, 0) > 0 "
                    + "THEN CAST(l.won AS DOUBLE) / (l.won + l.lost) END");
            m.put("aov", "l.aov");
            m.put("sales_cycle_days", "l.cycle");
        }
        if (in.spend() && in.customers()) {
            m.put("cac", "cac.cac");
            if (in.subscriptions()) {
                m.put("ltv_cac", "CASE WHEN cac.cac > 0 THEN (" + ltvSql(ltvJoin) + ") / cac.cac END");
            }
        }
        if (in.nps()) {
            m.put("nps", "nps_l.score");
        }
        if (in.tickets() && in.customers()) {
            String months = "GREATEST(1.0, 12.0 * CAST(" + d.daysBetween("l.tk_start", "l.tk_end")
                    + " AS DOUBLE) / CAST(:window_days AS DOUBLE))";
            m.put("tickets_per_month", "CASE WHEN " + customer + " THEN COALESCE(tk.n, 0) / " + months + " END");
            if (in.ticketEffort()) {
                m.put("support_minutes_per_month", "CASE WHEN " + customer + " THEN COALESCE(tk.minutes, 0) / "
                        + months + " END");
            }
        }
        if (in.research()) {
            m.put("culture_fit", "cf.culture_fit");
            m.put("pain_points", "pp.pain_points");
        }
        return m;
    }

    /**
     * LTV: churned customers the gross margin they brought (Σ margin × MRR × months of each subscription);
     * a customer with no MRR on T 0; an active one margin × MRR × the discounted expected residual lifetime of
     * its segment's retention model after ⌊tenure⌋ renewals (NULL without a model).
     */
    private static String ltvSql(boolean ltvJoin) {
        return "CASE WHEN l.since IS NULL THEN NULL\n"
                + "    WHEN l.churned_at IS NOT NULL THEN CAST(:gm AS DOUBLE) * COALESCE(l.mrr_days, 0) / " + DAYS_PER_MONTH
                + "\n    WHEN COALESCE(l.mrr_t, 0) = 0 THEN 0.0\n"
                + "    ELSE " + (ltvJoin ? "CAST(:gm AS DOUBLE) * l.mrr_t * lf.derl" : "NULL") + " END";
    }

    private static String sumOf(List<String> columns) {
        if (columns.isEmpty()) {
            return "0";
        }
        List<String> terms = new ArrayList<>();
        for (String c : columns) {
            terms.add("COALESCE(ua." + c + ", 0)");
        }
        return String.join(" + ", terms);
    }

    private String q(String name) {
        return d.quoteIdentifier(name);
    }
}
