package org.icpengine.server.data;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;

/**
 * The server's one connection to the workspace store, open for the server's lifetime and used by one request at a
 * time.
 *
 * <p>DuckDB lets one process open a store file for writing, and one JDBC connection must not run two statements
 * at once; so the server opens the store once and serializes every use of its {@link Engine} on this object's
 * monitor ({@link #with}). The server only reads: the routes that touch the store (metrics and segments) are
 * aggregations that take milliseconds, and scoring, the route meant for traffic, never touches the store. While
 * the server runs, other {@code icp} commands cannot open the store (they say it is in use).
 *
 * <p>Metrics tables are cached per {@code as_of} (at most {@value #CACHED_DATES} dates), which is safe because no
 * other process can write the store while it is open here.
 */
public final class StoreAccess implements AutoCloseable {

    private static final int CACHED_DATES = 4;

    private final Workspace workspace;
    private final Store store;
    private final DuckDbEngine engine;
    private final Map<LocalDate, ResultTable> metrics = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, ResultTable> eldest) {
            return size() > CACHED_DATES;
        }
    };

    private StoreAccess(Workspace workspace, Store store) {
        this.workspace = workspace;
        this.store = store;
        this.engine = DuckDbEngine.over(store);
    }

    /**
     * Opens the store of a workspace for the lifetime of the returned object.
     *
     * @throws org.icpengine.errors.InputException if the workspace has no store yet or another process holds it
     */
    public static StoreAccess open(Workspace workspace) {
        Objects.requireNonNull(workspace, "workspace");
        if (!workspace.hasStore()) {
            throw new org.icpengine.errors.InputException("the workspace " + workspace.dir()
                    + " has no store yet; run 'icp ingest' (or 'icp demo') first");
        }
        return new StoreAccess(workspace, Store.open(workspace.storeFile()));
    }

    /** The workspace. */
    public Workspace workspace() {
        return workspace;
    }

    /** The workspace configuration. */
    public WorkspaceConfig config() {
        return workspace.config();
    }

    /** Runs {@code work} with the engine, no other request using it meanwhile. */
    public synchronized <T> T with(Function<Engine, T> work) {
        return work.apply(engine);
    }

    /**
     * The latest {@code as_of} of {@code account_metrics}, or {@code null} when no metrics were computed.
     */
    public synchronized LocalDate latestMetricsDate() {
        if (!engine.hasTable(AccountMetrics.TABLE)) {
            return null;
        }
        Object d = engine.query("SELECT MAX(as_of) AS d FROM " + AccountMetrics.TABLE).rows().get(0)[0];
        return d instanceof LocalDate date ? date : null;
    }

    /** The stored account metrics of {@code asOf}, ordered by account (cached; see the class comment). */
    public synchronized ResultTable metrics(LocalDate asOf) {
        ResultTable t = metrics.get(asOf);
        if (t == null) {
            t = AccountMetrics.on(engine, workspace.config()).read(asOf);
            metrics.put(asOf, t);
        }
        return t;
    }

    /** Closes the engine and the store. */
    @Override
    public synchronized void close() {
        engine.close();
        store.close();
    }
}
