package org.icpengine.core.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.expr.Columns;
import org.icpengine.core.expr.Expr;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.expr.ValueType;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.metrics.MetricCatalog;

/**
 * The "ideal customer" outcome of {@code icp.yaml} ({@code ideal:}), evaluated per account on the stored
 * {@code account_metrics} of a date. It is a label only for mature customers: those whose
 * {@code customer_since} is at least 12 months before the date, so that every 12-month metric is known.
 *
 * <p>An account whose condition evaluates to SQL NULL (a metric it needs is unknown, such as
 * {@code ltv_cac} without spend data) has no label: it is left out, never counted as "not ideal".
 */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * The labels at {@code asOf}.
     *
     * @param labels   account_id → ideal, for mature customers whose condition is known
     * @param mature   mature customers, labelled or not
     * @param unknown  mature customers whose condition is NULL
     * @param columns  the metrics the condition reads
     */
    public record Labels(Map<String, Boolean> labels, long mature, long unknown, List<String> columns) {
        public Labels {
            labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            columns = List.copyOf(columns);
        }

        /** Number of ideal customers. */
        public long ideal() {
            return labels.values().stream().filter(Boolean::booleanValue).count();
        }

        /**
         * Why no model can learn from these labels, or {@code null} if it can: no mature customer, every
         * condition unknown, or a single class.
         */
        public String unusableBecause() {
            if (mature == 0) {
                return "no customer was acquired 12 months or more before the date, so the 12-month outcome is not "
                        + "known yet for anyone";
            }
            if (labels.isEmpty()) {
                return "the ideal outcome is unknown for every mature customer: it reads " + String.join(", ", columns)
                        + ", and at least one of them is null for all of them (add the data behind it, e.g. spend for "
                        + "ltv_cac, or change 'ideal:' in icp.yaml)";
            }
            long ideal = ideal();
            if (ideal == 0 || ideal == labels.size()) {
                return "all " + labels.size() + " labelled customers are " + (ideal == 0 ? "not ideal" : "ideal")
                        + "; a model needs both outcomes";
            }
            return null;
        }
    }

    /** The parsed {@code ideal} expression over the account vocabulary. */
    public static Expr idealExpression(WorkspaceConfig config) {
        Map<String, ValueType> types = new LinkedHashMap<>();
        MetricCatalog.accountColumns(config).forEach((name, type) -> types.put(name, switch (type) {
            case ID, TEXT, ENUM -> ValueType.TEXT;
            case INT, NUMBER, MONEY -> ValueType.NUMBER;
            case BOOL -> ValueType.BOOLEAN;
            case DATE -> ValueType.DATE;
            case TS -> ValueType.TIMESTAMP;
            case LIST -> ValueType.LIST;
        }));
        return Expr.parse(config.ideal().text(), Columns.of(types));
    }

    /** Evaluates {@code ideal} for the mature customers of {@code account_metrics} at {@code asOf}. */
    public static Labels at(Engine engine, WorkspaceConfig config, LocalDate asOf) {
        Expr ideal = idealExpression(config);
        SqlFragment cond = ideal.toSql(engine.dialect());
        String sql = "SELECT account_id, CASE WHEN " + cond.sql() + " THEN 1 WHEN NOT (" + cond.sql()
                + ") THEN 0 END AS ideal FROM " + AccountMetrics.TABLE
                + " WHERE as_of = ? AND is_customer AND customer_since <= ? ORDER BY account_id";
        // the condition appears twice (true → 1, false → 0, unknown stays NULL), then the two dates
        List<Object> all = new ArrayList<>(cond.params());
        all.addAll(cond.params());
        all.add(asOf);
        all.add(asOf.minusMonths(12));
        ResultTable r = engine.query(new SqlFragment(sql, all));
        Map<String, Boolean> labels = new LinkedHashMap<>();
        long unknown = 0;
        for (Object[] row : r.rows()) {
            if (row[1] == null) {
                unknown++;
            } else {
                labels.put((String) row[0], ((Number) row[1]).intValue() == 1);
            }
        }
        return new Labels(labels, r.size(), unknown, new ArrayList<>(ideal.columns()));
    }
}
