package org.icpengine.core.engine;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.icpengine.core.expr.Dialect;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.store.Store;
import org.icpengine.errors.IcpException;

/** The {@link Engine} over a workspace's embedded DuckDB {@link Store}. */
public final class DuckDbEngine implements Engine {

    private final Store store;
    private final boolean owned;

    private DuckDbEngine(Store store, boolean owned) {
        this.store = store;
        this.owned = owned;
    }

    /** An engine over an open store; closing the engine leaves the store open. */
    public static DuckDbEngine over(Store store) {
        return new DuckDbEngine(store, false);
    }

    /** An engine that owns its store and closes it. */
    public static DuckDbEngine owning(Store store) {
        return new DuckDbEngine(store, true);
    }

    /** The store underneath (for DuckDB-only work such as bulk loading). */
    public Store store() {
        return store;
    }

    @Override
    public Dialect dialect() {
        return Dialect.duckdb();
    }

    @Override
    public void execute(SqlFragment statement) {
        try (PreparedStatement p = store.connection().prepareStatement(statement.sql())) {
            statement.bind(p, 1);
            p.execute();
        } catch (SQLException e) {
            throw new IcpException("SQL failed: " + e.getMessage() + "\n  in: " + abbreviate(statement.sql()), e);
        }
    }

    @Override
    public ResultTable query(SqlFragment query) {
        try (PreparedStatement p = store.connection().prepareStatement(query.sql())) {
            query.bind(p, 1);
            try (ResultSet r = p.executeQuery()) {
                ResultSetMetaData md = r.getMetaData();
                int n = md.getColumnCount();
                List<String> cols = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    cols.add(md.getColumnLabel(i));
                }
                List<Object[]> rows = new ArrayList<>();
                while (r.next()) {
                    Object[] row = new Object[n];
                    for (int i = 1; i <= n; i++) {
                        row[i - 1] = convert(r.getObject(i));
                    }
                    rows.add(row);
                }
                return new ResultTable(cols, rows);
            }
        } catch (SQLException e) {
            throw new IcpException("SQL failed: " + e.getMessage() + "\n  in: " + abbreviate(query.sql()), e);
        }
    }

    private static Object convert(Object v) throws SQLException {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Short s) {
            return s.longValue();
        }
        if (v instanceof Byte b) {
            return b.longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof Array a) {
            Object[] items = (Object[]) a.getArray();
            List<Object> out = new ArrayList<>(items.length);
            for (Object o : items) {
                out.add(convert(o));
            }
            return out;
        }
        if (v instanceof Object[] arr) {
            return new ArrayList<>(Arrays.asList(arr));
        }
        return v;
    }

    @Override
    public void inTransaction(Runnable work) {
        Connection c = store.connection();
        try {
            if (!c.getAutoCommit()) {
                work.run();
                return;
            }
            c.setAutoCommit(false);
            try {
                work.run();
                c.commit();
            } catch (RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the original failure is the one to report
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IcpException("transaction failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasTable(String name) {
        return !query(new SqlFragment("SELECT 1 FROM information_schema.tables WHERE table_name = ?", List.of(name))).rows().isEmpty();
    }

    @Override
    public boolean hasRows(String name) {
        if (!hasTable(name)) {
            return false;
        }
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + name);
        }
        return !query("SELECT 1 FROM " + name + " LIMIT 1").rows().isEmpty();
    }

    /** The JDBC connection, for code of this module that needs DuckDB itself. */
    Connection connection() {
        return store.connection();
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 400 ? sql : sql.substring(0, 400) + " …";
    }

    @Override
    public void close() {
        if (owned) {
            store.close();
        }
    }
}
