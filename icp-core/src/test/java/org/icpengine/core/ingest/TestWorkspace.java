package org.icpengine.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.icpengine.core.config.ConfigLoader;
import org.icpengine.core.schema.CanonicalTable;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.InputException;

/**
 * A workspace in a temporary folder for ingestion tests: write {@code icp.yaml} and source files,
 * ingest with a fixed clock, then read the store back with plain JDBC once it is closed.
 */
final class TestWorkspace {

    /** The clock of every test run: the day after the usual {@code as_of: 2026-06-30}. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T09:30:00Z"), ZoneOffset.UTC);

    /** A header and three accounts most tests start from. */
    static final String ACCOUNTS_CSV = """
            account_id,name,industry,employees,annual_revenue,country,tech_stack,created_at,acquisition_channel
            a1,Acme,SaaS,120,5000000,US,"salesforce;hubspot",2025-01-10,inbound
            a2,Beta,Fintech,40,1200000.50,DE,,2025-02-01,outbound
            a3,Gamma,Healthcare,800,90000000,FR,snowflake,2025-03-15,partner
            """;

    final Path dir;

    TestWorkspace(Path dir) {
        this.dir = dir;
    }

    /** A workspace whose only source is {@code data/accounts.csv} holding {@link #ACCOUNTS_CSV}. */
    static TestWorkspace withAccounts(Path dir) {
        return new TestWorkspace(dir).yaml("""
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.csv }
                """).file("data/accounts.csv", ACCOUNTS_CSV);
    }

    TestWorkspace yaml(String text) {
        return file(ConfigLoader.FILE_NAME, text);
    }

    TestWorkspace file(String relative, String content) {
        return bytes(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    TestWorkspace bytes(String relative, byte[] content) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path path(String relative) {
        return dir.resolve(relative).toAbsolutePath().normalize();
    }

    Workspace open() {
        return Workspace.open(dir);
    }

    /** Opens the workspace and its store, ingests with {@link #CLOCK}, and closes the store. */
    IngestReport ingest() {
        Workspace ws = open();
        try (Store store = Store.open(ws.storeFile())) {
            return Ingestor.run(ws, store, CLOCK);
        }
    }

    /** Ingests, expecting an {@link InputException} (exit code 2); returns it. */
    InputException ingestFails() {
        InputException e = catchThrowableOfType(InputException.class, this::ingest);
        assertThat(e).as("ingest should fail with bad input").isNotNull();
        return e;
    }

    /** Rows of a query on the closed store, each value as text ({@code null} as "NULL"). */
    List<List<String>> query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return rows(r);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A single value of a query on the closed store. */
    String scalar(String sql) {
        List<List<String>> rows = query(sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0).get(0);
    }

    /** {@code rejected_rows} without the run time: table, file (workspace-relative), line, column, value, reason. */
    List<List<String>> rejected() {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : query("SELECT table_name, file, line, column_name, value, reason FROM rejected_rows "
                + "ORDER BY table_name, file, line, column_name")) {
            List<String> row = new ArrayList<>(r);
            row.set(1, dir.toAbsolutePath().normalize().relativize(Path.of(r.get(1))).toString());
            out.add(row);
        }
        return out;
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + storeFile(), p);
    }

    Path storeFile() {
        return dir.resolve(".icp").resolve("icp.duckdb");
    }

    private static List<List<String>> rows(ResultSet r) throws SQLException {
        ResultSetMetaData md = r.getMetaData();
        List<List<String>> out = new ArrayList<>();
        while (r.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String v = r.getString(i);
                row.add(v == null ? "NULL" : v);
            }
            out.add(row);
        }
        return out;
    }

    /** Everything a run could change: every store table (schema and rows, ordered) and every file under {@code out/}. */
    Snapshot snapshot() {
        Map<String, List<String>> tables = new TreeMap<>();
        if (Files.exists(storeFile())) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'main' ORDER BY table_name")) {
                    while (r.next()) {
                        names.add(r.getString(1));
                    }
                }
                for (String t : names) {
                    List<String> dump = new ArrayList<>();
                    try (ResultSet r = s.executeQuery("SELECT column_name || ' ' || data_type FROM information_schema.columns "
                            + "WHERE table_schema = 'main' AND table_name = '" + t + "' ORDER BY ordinal_position")) {
                        StringBuilder schema = new StringBuilder("schema:");
                        while (r.next()) {
                            schema.append(' ').append(r.getString(1)).append(',');
                        }
                        dump.add(schema.toString());
                    }
                    try (ResultSet r = s.executeQuery("SELECT * FROM " + Store.quoteIdent(t) + " ORDER BY ALL")) {
                        for (List<String> row : rows(r)) {
                            dump.add(String.join(" | ", row));
                        }
                    }
                    tables.put(t, dump);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
            }
        }
        Map<String, String> out = new TreeMap<>();
        Path outDir = dir.resolve("out");
        if (Files.isDirectory(outDir)) {
            try (Stream<Path> walk = Files.walk(outDir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    out.put(outDir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Snapshot(tables, out);
    }

    /**
     * What a store and its {@code out/} folder hold.
     *
     * @param tables table name → its schema line followed by its rows in order
     * @param out    path under {@code out/} → file content
     */
    record Snapshot(Map<String, List<String>> tables, Map<String, String> out) {

        /** Only the canonical tables (what the data is, leaving out the rejection and run records). */
        Map<String, List<String>> canonical() {
            Map<String, List<String>> m = new TreeMap<>(tables);
            m.keySet().retainAll(CanonicalTable.names());
            return m;
        }

        List<String> table(String name) {
            return tables.getOrDefault(name, List.of());
        }
    }
}
