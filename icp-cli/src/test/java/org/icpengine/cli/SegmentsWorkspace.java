package org.icpengine.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.icpengine.core.config.ConfigLoader;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.metrics.MetricCatalog;
import org.icpengine.core.store.Store;

/**
 * A workspace folder for {@code icp segments} tests: an {@code icp.yaml} and a store whose
 * {@code account_metrics} table (the contract schema) holds a few hand-made accounts.
 */
final class SegmentsWorkspace {

    static final String YAML = """
            as_of: 2026-06-30
            tech_stack_flags: [snowflake]
            icp_index: { weights: { win_rate: 1, retained_12m: 1 }, min_size: 3 }
            """;

    private SegmentsWorkspace() {
    }

    /** Writes {@code icp.yaml} only (no store). */
    static Path config(Path dir) {
        try {
            Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Writes {@code icp.yaml} and a store with an empty {@code account_metrics}, or none when {@code table} is false. */
    static Path create(Path dir, boolean table) {
        config(dir);
        WorkspaceConfig config = ConfigLoader.loadWorkspace(dir);
        try (DuckDbEngine engine = DuckDbEngine.owning(Store.open(dir.resolve(".icp").resolve("icp.duckdb")))) {
            if (table) {
                StringBuilder ddl = new StringBuilder("CREATE TABLE account_metrics (as_of DATE");
                MetricCatalog.accountColumns(config).forEach((name, type) ->
                        ddl.append(", ").append(Store.quoteIdent(name)).append(' ').append(type.sqlType()));
                engine.execute(ddl.append(", PRIMARY KEY (as_of, account_id))").toString());
            }
        }
        return dir;
    }

    /**
     * A workspace with 14 accounts on 2026-06-30: SaaS (6, snowflake, winning and retaining), Retail (6, losing)
     * and "Fin, Tech" (2 accounts, a small segment whose name needs CSV quoting).
     */
    static Path withAccounts(Path dir) {
        create(dir, true);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(new Object[] {"s" + i, "SaaS", true, i < 4, 2L, i % 3 == 0 ? 1L : 0L, i < 4 ? (Object) (i < 3) : null, 9L});
            rows.add(new Object[] {"r" + i, "Retail", false, i < 2, i < 3 ? 1L : 0L, 2L, i < 2 ? (Object) (i < 1) : null, 4L});
        }
        rows.add(new Object[] {"f1", "Fin, Tech", null, true, 1L, 0L, null, null});
        rows.add(new Object[] {"f2", "Fin, Tech", null, true, 0L, 1L, null, null});
        try (DuckDbEngine engine = DuckDbEngine.owning(Store.open(dir.resolve(".icp").resolve("icp.duckdb")))) {
            for (Object[] r : rows) {
                List<Object> params = new ArrayList<>();
                List<String> slots = new ArrayList<>();
                for (Object v : r) {
                    if (v == null) {
                        slots.add("NULL");
                    } else {
                        slots.add("?");
                        params.add(v);
                    }
                }
                engine.execute(new SqlFragment("INSERT INTO account_metrics (as_of, account_id, industry, has_snowflake, "
                        + "is_customer, won_opportunities, lost_opportunities, retained_12m, nps, conversion) "
                        + "VALUES (DATE '2026-06-30', " + String.join(", ", slots) + ", true)", params));
            }
        }
        return dir;
    }

    /** The number of rows of {@code account_metrics}. */
    static long rows(Path dir) {
        try (DuckDbEngine engine = DuckDbEngine.owning(Store.open(dir.resolve(".icp").resolve("icp.duckdb")))) {
            return ((Number) engine.query("SELECT COUNT(*) FROM account_metrics").rows().get(0)[0]).longValue();
        }
    }
}
