package org.icpengine.core.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.schema.CanonicalTable;
import org.icpengine.core.schema.ColumnType;
import org.icpengine.errors.InputException;

/**
 * The account metrics of DESIGN.md "Metrics", computed as of a date T in SQL through an {@link Engine} and
 * stored in {@value #TABLE}, one row per account, keyed by {@code (as_of, account_id)}.
 *
 * <p>Start with {@link #on(Engine, WorkspaceConfig)}, then {@link #compute(LocalDate)} and {@link #read}.
 * The columns ({@link #columns}) are {@code as_of}, then every name of
 * {@link MetricCatalog#accountColumns(WorkspaceConfig)} in order with the SQL type of its {@link ColumnType}:
 * a contract that segments, scoring and the server read.
 *
 * <p>Point in time: no row dated after T influences a value. Missing or empty source tables make their
 * metrics null (never 0) with one note each, never an error. The definitions, including every choice the
 * design leaves open, are in {@code package-info.java}.
 *
 * <p>Not thread-safe (an {@link Engine} is not); the store is expected to have the schema
 * {@link org.icpengine.core.store.Store#ensureSchema} gives it for this configuration.
 */
public final class AccountMetrics {

    /** The table the metrics are stored in. */
    public static final String TABLE = "account_metrics";

    private final Engine engine;
    private final WorkspaceConfig config;

    private AccountMetrics(Engine engine, WorkspaceConfig config) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The account metrics of a workspace's store. */
    public static AccountMetrics on(Engine engine, WorkspaceConfig config) {
        return new AccountMetrics(engine, config);
    }

    /**
     * The columns of {@value #TABLE} with their types, in order: {@code as_of}, then
     * {@link MetricCatalog#accountColumns(WorkspaceConfig)}.
     */
    public static Map<String, ColumnType> columns(WorkspaceConfig config) {
        return java.util.Collections.unmodifiableMap(MetricSql.tableColumns(config));
    }

    /**
     * The date metrics are computed as of when none is given: {@code as_of} of {@code icp.yaml}, else the latest
     * date in the data (the dating column of every canonical table, and {@code opportunities.closed_at}).
     *
     * @throws InputException if neither exists
     */
    public LocalDate defaultAsOf() {
        if (config.asOf().isPresent()) {
            return config.asOf().get();
        }
        List<String> parts = new ArrayList<>();
        for (CanonicalTable t : CanonicalTable.values()) {
            if (engine.hasTable(t.tableName())) {
                parts.add("SELECT MAX(CAST(" + t.timeColumn() + " AS DATE)) AS d FROM " + t.tableName());
                if (t == CanonicalTable.OPPORTUNITIES) {
                    parts.add("SELECT MAX(closed_at) AS d FROM opportunities");
                }
            }
        }
        Object latest = parts.isEmpty() ? null
                : engine.query("SELECT MAX(d) AS d FROM (" + String.join(" UNION ALL ", parts) + ") x").rows().get(0)[0];
        if (!(latest instanceof LocalDate date)) {
            throw new InputException("no date to compute the metrics as of: the data has no dated rows and icp.yaml "
                    + "has no as_of; pass --as-of YYYY-MM-DD or set as_of in icp.yaml");
        }
        return date;
    }

    /**
     * Computes every metric of every account existing on {@code asOf} and stores them in {@value #TABLE},
     * replacing the rows of that date in one transaction. Recreates the table, dropping the rows of other dates,
     * if its columns no longer match the configuration (a note says so).
     *
     * @throws InputException if the store has no {@code accounts} table (nothing was ingested)
     * @throws org.icpengine.errors.ConfigException if {@code ltv.segment_by} names a metric or a list column
     */
    public MetricsRun compute(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (!engine.hasTable("accounts")) {
            throw new InputException("the store has no accounts yet; run 'icp ingest' first");
        }
        List<String> notes = new ArrayList<>();
        if (!engine.hasRows("accounts")) {
            notes.add("no accounts: there is nothing to compute");
        }
        Inputs in = Inputs.of(engine);
        notes.addAll(in.notes());
        MetricSql sql = new MetricSql(config, engine.dialect(), in, asOf);
        LtvFactors factors = LtvFactors.NONE;
        if (in.subscriptions()) {
            factors = LtvFactors.fit(engine.query(sql.lifecycle()), config.ltv(), config.economics(), notes);
        }
        SqlFragment insert = sql.insert(TABLE, factors);
        boolean[] recreated = new boolean[1];
        engine.inTransaction(() -> {
            recreated[0] = ensureTable();
            engine.execute(new SqlFragment("DELETE FROM " + TABLE + " WHERE as_of = ?", List.of(asOf)));
            engine.execute(insert);
        });
        if (recreated[0]) {
            notes.add(TABLE + " was recreated because its columns changed with icp.yaml; metrics of other dates "
                    + "were dropped");
        }
        Object[] counts = engine.query(new SqlFragment("SELECT COUNT(*) AS n, COUNT(CASE WHEN is_customer THEN 1 END) "
                + "AS c FROM " + TABLE + " WHERE as_of = ?", List.of(asOf))).rows().get(0);
        return new MetricsRun(asOf, ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(), notes);
    }

    /**
     * The stored metrics of {@code asOf}, every column of {@link #columns}, ordered by {@code account_id}; no rows
     * when none were computed for that date.
     */
    public ResultTable read(LocalDate asOf) {
        if (!engine.hasTable(TABLE)) {
            return new ResultTable(new ArrayList<>(columns(config).keySet()), List.of());
        }
        return engine.query(new SqlFragment("SELECT * FROM " + TABLE + " WHERE as_of = ? ORDER BY account_id",
                List.of(asOf)));
    }

    /** Creates the table, or recreates it if its columns differ; returns whether an existing table was dropped. */
    private boolean ensureTable() {
        Map<String, ColumnType> want = columns(config);
        boolean dropped = false;
        if (engine.hasTable(TABLE)) {
            ResultTable have = engine.query("DESCRIBE " + TABLE);
            boolean same = have.size() == want.size();
            int i = 0;
            for (Map.Entry<String, ColumnType> c : want.entrySet()) {
                if (!same) {
                    break;
                }
                Object[] row = have.rows().get(i++);
                same = c.getKey().equals(row[0])
                        && c.getValue().sqlType().replace(" ", "").equalsIgnoreCase(String.valueOf(row[1]).replace(" ", ""));
            }
            if (same) {
                return false;
            }
            engine.execute("DROP TABLE " + TABLE);
            dropped = true;
        }
        List<String> defs = new ArrayList<>();
        for (Map.Entry<String, ColumnType> c : want.entrySet()) {
            defs.add(engine.dialect().quoteIdentifier(c.getKey()) + " " + c.getValue().sqlType());
        }
        engine.execute("CREATE TABLE " + TABLE + " (" + String.join(", ", defs) + ")");
        return dropped;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AccountMetrics[%s]", config.file());
    }
}
