package org.icpengine.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.icpengine.core.config.AttributeConfig;
import org.icpengine.core.config.SourceConfig;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.schema.CanonicalTable;
import org.icpengine.core.schema.Column;
import org.icpengine.errors.IcpException;
import org.icpengine.errors.InputException;

/**
 * The embedded DuckDB store of a workspace: the canonical tables with their types, custom attribute
 * columns, {@code rejected_rows} and {@code ingest_log}. One open connection; not thread-safe.
 *
 * <p>Every canonical table carries {@code _source}, the file its row came from.
 */
public final class Store implements AutoCloseable {

    /** The column recording which file a row came from. */
    public static final String SOURCE_COLUMN = "_source";

    private final Connection connection;

    private Store(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the store file. */
    public static Store open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new InputException("cannot create the store folder " + file.getParent() + ": " + e.getMessage(), e);
        }
        return connect("jdbc:duckdb:" + file.toAbsolutePath(), file.toString());
    }

    /** Opens a store that lives in memory only (tests and one-off commands). */
    public static Store inMemory() {
        return connect("jdbc:duckdb:", "memory");
    }

    private static Store connect(String url, String what) {
        try {
            Properties props = new Properties();
            Connection c = DriverManager.getConnection(url, props);
            try (Statement s = c.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
                s.execute("SET preserve_insertion_order = true");
            }
            return new Store(c);
        } catch (SQLException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("lock")) {
                throw new InputException("the store " + what + " is in use by another icp process (for example 'icp serve'); "
                        + "stop it and try again");
            }
            throw new InputException("cannot open the store " + what + ": " + msg, e);
        }
    }

    /** The JDBC connection (for the ingest and metrics code of this module). */
    public Connection connection() {
        return connection;
    }

    /**
     * Creates the canonical tables, {@code rejected_rows} and {@code ingest_log} if absent, and adds or
     * retypes custom attribute columns declared in the configuration.
     */
    public void ensureSchema(WorkspaceConfig config) {
        try (Statement s = connection.createStatement()) {
            for (CanonicalTable t : CanonicalTable.values()) {
                StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(t.tableName()).append(" (");
                for (Column c : t.columns()) {
                    ddl.append(c.name()).append(' ').append(c.type().sqlType()).append(", ");
                }
                ddl.append(SOURCE_COLUMN).append(" VARCHAR)");
                s.execute(ddl.toString());
                SourceConfig src = config.sources().get(t);
                if (src != null) {
                    Map<String, String> existing = columnTypes(t.tableName());
                    for (AttributeConfig a : src.attributes().values()) {
                        String want = a.type().columnType().sqlType();
                        String have = existing.get(a.name());
                        if (have != null && !sameType(have, want)) {
                            s.execute("ALTER TABLE " + t.tableName() + " DROP COLUMN " + quoteIdent(a.name()));
                            have = null;
                        }
                        if (have == null) {
                            s.execute("ALTER TABLE " + t.tableName() + " ADD COLUMN " + quoteIdent(a.name()) + " " + want);
                        }
                    }
                }
            }
            s.execute("CREATE TABLE IF NOT EXISTS rejected_rows (table_name VARCHAR, file VARCHAR, line BIGINT, "
                    + "column_name VARCHAR, value VARCHAR, reason VARCHAR, ingested_at TIMESTAMP)");
            s.execute("CREATE TABLE IF NOT EXISTS ingest_log (table_name VARCHAR, file VARCHAR, bytes BIGINT, "
                    + "rows_read BIGINT, rows_loaded BIGINT, rows_rejected BIGINT, ingested_at TIMESTAMP)");
        } catch (SQLException e) {
            throw new IcpException("cannot create the store's tables: " + e.getMessage(), e);
        }
    }

    /** Column name → SQL type of a table (empty if the table does not exist). */
    public Map<String, String> columnTypes(String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
        }
        return out;
    }

    /** Row count of a table. */
    public long count(String table) {
        if (!CanonicalTable.names().contains(table) && !List.of("rejected_rows", "ingest_log").contains(table)) {
            throw new IllegalArgumentException("not a store table: " + table);
        }
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IcpException("cannot count " + table + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameType(String have, String want) {
        String h = have.toUpperCase(Locale.ROOT).replace(" ", "");
        String w = want.toUpperCase(Locale.ROOT).replace(" ", "");
        return h.equals(w) || (w.equals("VARCHAR") && h.startsWith("VARCHAR"));
    }

    /** Quotes a trusted identifier (canonical or validated attribute name) for SQL. */
    public static String quoteIdent(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IcpException("cannot close the store: " + e.getMessage(), e);
        }
    }
}
