package org.icpengine.core.segments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.icpengine.core.expr.Dialect;
import org.icpengine.core.expr.SqlFragment;

/**
 * The SQL of segments, in the portable subset (COUNT, SUM, AVG, STDDEV_SAMP, CASE, CAST, GROUP BY) that DuckDB
 * and Spark SQL both run. Every identifier is a constant of this class or a dimension name already checked
 * against the workspace, quoted by the dialect; every value is a bind parameter.
 */
final class SegmentSql {

    /** The table the account metrics live in. */
    static final String TABLE = "account_metrics";

    /** Columns of {@link #TABLE} that segments read besides the dimensions. */
    static final List<String> COLUMNS = List.of("as_of", "account_id", "is_customer", "conversion",
            "won_opportunities", "lost_opportunities", "retained_12m", "mrr", "mrr_12m_ago", "is_active", "aov",
            "sales_cycle_days", "cac", "expansion_mrr_12m", "nps", "tickets_per_month", "support_minutes_per_month",
            "active_days_per_week", "usage_trend", "high_value_use_cases", "culture_fit", "customer_since",
            "churned_at", "tenure_months");

    private final Dialect dialect;

    SegmentSql(Dialect dialect) {
        this.dialect = dialect;
    }

    private String c(String column) {
        return dialect.quoteIdentifier(column);
    }

    /** Aggregates per group of {@code dimensions} (aliases {@code d0, d1, …} for the dimension values). */
    SqlFragment grouped(List<String> dimensions, LocalDate asOf, SqlFragment where) {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> quoted = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            String q = c(dimensions.get(i));
            quoted.add(q);
            sql.append(q).append(" AS d").append(i).append(", ");
        }
        sql.append(aggregates()).append(from(where)).append(" GROUP BY ").append(String.join(", ", quoted));
        return new SqlFragment(sql.toString(), params(asOf, where));
    }

    /** The same aggregates over every account that passes the filter. */
    SqlFragment population(LocalDate asOf, SqlFragment where) {
        return new SqlFragment("SELECT " + aggregates() + from(where), params(asOf, where));
    }

    /**
     * One row per customer: the dimension values ({@code d0, …}), {@code tenure_months}, {@code customer_since}
     * and {@code churned_at}; {@code where} may be {@code null} for the whole customer base.
     */
    SqlFragment customers(List<String> dimensions, LocalDate asOf, SqlFragment where) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < dimensions.size(); i++) {
            sql.append(c(dimensions.get(i))).append(" AS d").append(i).append(", ");
        }
        sql.append(c("tenure_months")).append(" AS tenure_months, ").append(c("customer_since"))
                .append(" AS customer_since, ").append(c("churned_at")).append(" AS churned_at")
                .append(from(where)).append(" AND ").append(c("is_customer"));
        return new SqlFragment(sql.toString(), params(asOf, where));
    }

    /** The latest {@code as_of} of the table (NULL when it is empty). */
    SqlFragment latestAsOf() {
        return new SqlFragment("SELECT MAX(" + c("as_of") + ") AS as_of FROM " + TABLE, List.of());
    }

    /** The number of rows on a date. */
    SqlFragment rowsOn(LocalDate asOf) {
        return new SqlFragment("SELECT COUNT(*) AS n FROM " + TABLE + " WHERE " + c("as_of") + " = ?", List.of(asOf));
    }

    /** The most recent dates of the table, newest first. */
    SqlFragment dates(int limit) {
        return new SqlFragment("SELECT DISTINCT " + c("as_of") + " AS as_of FROM " + TABLE + " ORDER BY 1 DESC LIMIT "
                + Math.max(1, limit), List.of());
    }

    /** No rows, only the column names of the table. */
    SqlFragment columns() {
        return new SqlFragment("SELECT * FROM " + TABLE + " LIMIT 0", List.of());
    }

    private String from(SqlFragment where) {
        return " FROM " + TABLE + " WHERE " + c("as_of") + " = ?" + (where == null ? "" : " AND " + where.sql());
    }

    private static List<Object> params(LocalDate asOf, SqlFragment where) {
        List<Object> p = new ArrayList<>();
        p.add(asOf);
        if (where != null) {
            p.addAll(where.params());
        }
        return p;
    }

    /**
     * The aggregate select list. Aliases: {@code accounts}, {@code customers}; per rate {@code <m>_k},
     * {@code <m>_n}; per mean {@code <m>_n}, {@code <m>_mean}, {@code <m>_sd}; for NRR {@code nrr_n},
     * {@code nrr_x}, {@code nrr_y}, {@code nrr_xx}, {@code nrr_yy}, {@code nrr_xy}.
     */
    String aggregates() {
        List<String> items = new ArrayList<>();
        String customer = c("is_customer");
        items.add("COUNT(*) AS accounts");
        items.add("COUNT(CASE WHEN " + customer + " THEN 1 END) AS customers");
        for (SegmentMetric m : SegmentMetric.values()) {
            String a = m.metricName();
            switch (m.kind()) {
                case RATE -> {
                    String[] kn = rate(m);
                    items.add(kn[0] + " AS " + a + "_k");
                    items.add(kn[1] + " AS " + a + "_n");
                }
                case MEAN -> {
                    String v = "CAST(" + meanValue(m) + " AS DOUBLE)";
                    items.add("COUNT(" + v + ") AS " + a + "_n");
                    items.add("AVG(" + v + ") AS " + a + "_mean");
                    items.add("STDDEV_SAMP(" + v + ") AS " + a + "_sd");
                }
                case RATIO -> {
                    String when = "CASE WHEN " + c("mrr_12m_ago") + " > 0 THEN ";
                    String x = "CAST(" + c("mrr_12m_ago") + " AS DOUBLE)";
                    String y = "CAST(COALESCE(" + c("mrr") + ", 0) AS DOUBLE)";
                    items.add("COUNT(" + when + "1 END) AS nrr_n");
                    items.add("SUM(" + when + x + " END) AS nrr_x");
                    items.add("SUM(" + when + y + " END) AS nrr_y");
                    items.add("SUM(" + when + x + " * " + x + " END) AS nrr_xx");
                    items.add("SUM(" + when + y + " * " + y + " END) AS nrr_yy");
                    items.add("SUM(" + when + x + " * " + y + " END) AS nrr_xy");
                }
                case MODEL -> {
                    // computed in Java from the retention model, ARPA and CAC
                }
            }
        }
        return String.join(", ", items);
    }

    private String[] rate(SegmentMetric m) {
        return switch (m) {
            case CONVERSION -> new String[] {
                "COUNT(CASE WHEN " + c("conversion") + " THEN 1 END)", "COUNT(" + c("conversion") + ")"};
            case WIN_RATE -> {
                String both = "CASE WHEN " + c("won_opportunities") + " IS NOT NULL AND " + c("lost_opportunities")
                        + " IS NOT NULL THEN ";
                yield new String[] {
                    "CAST(COALESCE(SUM(" + both + c("won_opportunities") + " END), 0) AS BIGINT)",
                    "CAST(COALESCE(SUM(" + both + c("won_opportunities") + " + " + c("lost_opportunities")
                            + " END), 0) AS BIGINT)"};
            }
            case RETAINED_12M -> new String[] {
                "COUNT(CASE WHEN " + c("is_customer") + " AND " + c("retained_12m") + " THEN 1 END)",
                "COUNT(CASE WHEN " + c("is_customer") + " AND " + c("retained_12m") + " IS NOT NULL THEN 1 END)"};
            default -> throw new IllegalStateException("not a rate: " + m);
        };
    }

    /** The per-account value a mean is taken of; NULL where the account does not count. */
    private String meanValue(SegmentMetric m) {
        String customer = c("is_customer");
        return switch (m) {
            case AOV, SALES_CYCLE_DAYS, CULTURE_FIT -> c(m.metricName());
            case CAC, TICKETS_PER_MONTH, SUPPORT_MINUTES_PER_MONTH, ACTIVE_DAYS_PER_WEEK, USAGE_TREND,
                    HIGH_VALUE_USE_CASES -> "CASE WHEN " + customer + " THEN " + c(m.metricName()) + " END";
            case ARPA -> "CASE WHEN " + customer + " AND " + c("is_active") + " AND " + c("mrr") + " > 0 THEN "
                    + c("mrr") + " END";
            case EXPANSION_MRR_12M -> "CASE WHEN " + c("mrr_12m_ago") + " > 0 THEN " + c("expansion_mrr_12m") + " END";
            // % promoters - % detractors is the mean of +100 (9-10), 0 (7-8), -100 (0-6)
            case NPS -> "CASE WHEN " + c("nps") + " >= 9 THEN 100 WHEN " + c("nps") + " <= 6 THEN -100 WHEN "
                    + c("nps") + " IS NOT NULL THEN 0 END";
            default -> throw new IllegalStateException("not a mean: " + m);
        };
    }
}
