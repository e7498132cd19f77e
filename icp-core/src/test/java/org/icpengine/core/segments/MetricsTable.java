package org.icpengine.core.segments;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.icpengine.core.config.ConfigLoader;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.metrics.MetricCatalog;
import org.icpengine.core.schema.ColumnType;
import org.icpengine.core.store.Store;

/**
 * An in-memory store with an {@code account_metrics} table of the contract schema (as_of, account_id, then
 * every {@link MetricCatalog#accountColumns} name with its SQL type), filled with hand-made rows. Stands in
 * for the metrics computation, so that every segment value can be worked out by hand.
 */
final class MetricsTable implements AutoCloseable {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    final WorkspaceConfig config;
    final DuckDbEngine engine;
    private final Map<String, ColumnType> columns;

    private MetricsTable(WorkspaceConfig config) {
        this.config = config;
        this.engine = DuckDbEngine.owning(Store.inMemory());
        this.columns = MetricCatalog.accountColumns(config);
    }

    /** A store whose workspace has this {@code icp.yaml}, without the table. */
    static MetricsTable withoutTable(String yaml) {
        return new MetricsTable(ConfigLoader.parse(Path.of("icp.yaml"), yaml));
    }

    /** A store whose workspace has this {@code icp.yaml}, with an empty {@code account_metrics}. */
    static MetricsTable create(String yaml) {
        MetricsTable t = withoutTable(yaml);
        StringBuilder ddl = new StringBuilder("CREATE TABLE account_metrics (as_of DATE, account_id VARCHAR");
        t.columns.forEach((name, type) -> {
            if (!name.equals("account_id")) { // the first account column, already in the key
                ddl.append(", ").append(Store.quoteIdent(name)).append(' ').append(type.sqlType());
            }
        });
        ddl.append(", PRIMARY KEY (as_of, account_id))");
        t.engine.execute(ddl.toString());
        return t;
    }

    /** A row for {@code id} on {@link #AS_OF}; nothing is inserted until {@link Row#add()}. */
    Row account(String id) {
        return new Row(id);
    }

    /** A prospect: not a customer, no opportunity outcome. */
    Row prospect(String id, String industry) {
        return account(id).set("industry", industry).set("is_customer", false).set("conversion", false)
                .set("won_opportunities", 0L).set("lost_opportunities", 0L);
    }

    /** A customer, active and paying {@code mrr}. */
    Row customer(String id, String industry, double mrr) {
        return account(id).set("industry", industry).set("is_customer", true).set("is_active", true)
                .set("conversion", true).set("mrr", mrr);
    }

    SegmentTable segments(SegmentQuery q) {
        return Segments.compute(engine, config, q);
    }

    @Override
    public void close() {
        engine.close();
    }

    /** One row of {@code account_metrics}. */
    final class Row {
        private final Map<String, Object> values = new LinkedHashMap<>();

        Row(String id) {
            values.put("as_of", AS_OF);
            values.put("account_id", id);
        }

        Row set(String column, Object value) {
            if (!column.equals("as_of") && !columns.containsKey(column)) {
                throw new IllegalArgumentException("not an account_metrics column: " + column);
            }
            values.put(column, value);
            return this;
        }

        Row won(long won, long lost) {
            return set("won_opportunities", won).set("lost_opportunities", lost).set("conversion", true);
        }

        /** MRR 12 months ago and now (null now = churned). */
        Row mrr(double ago, Double now) {
            return set("mrr_12m_ago", ago).set("mrr", now);
        }

        void add() {
            List<String> names = new ArrayList<>();
            List<String> slots = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            values.forEach((name, value) -> {
                names.add(Store.quoteIdent(name));
                if (value == null) {
                    slots.add("NULL");
                } else if (value instanceof List<?> list) {
                    slots.add(list.isEmpty() ? "CAST([] AS VARCHAR[])" : "list_value(" + "?, ".repeat(list.size() - 1) + "?)");
                    params.addAll(list);
                } else {
                    slots.add("?");
                    params.add(value);
                }
            });
            engine.execute(new SqlFragment("INSERT INTO account_metrics (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", slots) + ")", params));
        }
    }
}
