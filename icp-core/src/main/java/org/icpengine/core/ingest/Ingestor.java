package org.icpengine.core.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.icpengine.core.config.AttributeConfig;
import org.icpengine.core.config.SourceConfig;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.schema.CanonicalTable;
import org.icpengine.core.schema.Column;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.IcpException;
import org.icpengine.errors.InputException;

/**
 * Loads every configured source into the canonical tables in one transaction (DESIGN.md
 * "Ingestion: nothing lost, nothing half-done").
 *
 * <ul>
 *   <li>All sources or none: any failure rolls the store back to exactly what it was.</li>
 *   <li>Idempotent: keyed tables are loaded by key (a row with the same key replaces the old one);
 *       tables without a key are loaded by file (a file's earlier rows are replaced).</li>
 *   <li>Each row is loaded or rejected; rejected rows go to {@code rejected_rows} and
 *       {@code out/rejected/<table>.csv} with file, line, column, value and reason.</li>
 *   <li>A source that cannot be read, or lacks a required column, is an {@link InputException}
 *       (exit code 2) and nothing is loaded.</li>
 * </ul>
 *
 * <p>Lines are counted as the file's records: the header is line 1; a quoted value spanning several
 * physical lines counts as one. Parquet rows are numbered from 1.
 */
public final class Ingestor {

    private final Workspace workspace;
    private final Clock clock;
    private final Consumer<String> progress;

    private Ingestor(Workspace workspace, Clock clock, Consumer<String> progress) {
        this.workspace = workspace;
        this.clock = clock;
        this.progress = progress;
    }

    /** Ingests every source of the workspace into its store. */
    public static IngestReport run(Workspace workspace) {
        return run(workspace, message -> { });
    }

    /** Ingests every source of the workspace into its store, telling {@code progress} which file it reads. */
    public static IngestReport run(Workspace workspace, Consumer<String> progress) {
        try (Store store = Store.open(workspace.storeFile())) {
            return run(workspace, store, Clock.systemUTC(), progress);
        }
    }

    /** Ingests into an open store; {@code clock} dates the run and bounds dates when {@code as_of} is unset. */
    public static IngestReport run(Workspace workspace, Store store, Clock clock) {
        return run(workspace, store, clock, message -> { });
    }

    /** As {@link #run(Workspace, Store, Clock)}, telling {@code progress} which file it is reading. */
    public static IngestReport run(Workspace workspace, Store store, Clock clock, Consumer<String> progress) {
        return new Ingestor(workspace, clock, progress).ingest(store);
    }

    private IngestReport ingest(Store store) {
        WorkspaceConfig config = workspace.config();
        if (config.source(CanonicalTable.ACCOUNTS).isEmpty()) {
            throw new InputException(config.file().getFileName() + ": sources.accounts is required (the other sources "
                    + "refer to its accounts); add it under 'sources:'");
        }
        Map<CanonicalTable, List<Path>> files = new LinkedHashMap<>();
        for (SourceConfig s : config.sources().values()) {
            files.put(s.table(), resolve(s));
        }
        LocalDate asOf = config.asOf().orElse(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        LocalDate latestAllowed = asOf.plusDays(1);
        // the store's timestamps are UTC; a java.sql.Timestamp would be read in the JVM's time zone
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);

        Connection c = store.connection();
        List<IngestReport.FileResult> results = new ArrayList<>();
        try {
            c.setAutoCommit(false);
            store.ensureSchema(config);
            for (Map.Entry<CanonicalTable, List<Path>> e : files.entrySet()) {
                SourceConfig source = config.sources().get(e.getKey());
                for (Path file : e.getValue()) {
                    progress.accept("reading " + workspaceRelative(file.toString()) + " into " + source.table().tableName());
                    results.add(new FileLoad(c, source, file, latestAllowed, now).run());
                }
            }
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            throw new IcpException("ingest failed and was rolled back: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback(c);
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closed by the caller
            }
        }
        List<Path> rejectedFiles = writeRejected(c, files);
        return new IngestReport(results, rejectedFiles);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one to report
        }
    }

    /** The files of a source: the path itself, or every file matching its glob, sorted. */
    private List<Path> resolve(SourceConfig s) {
        String key = "sources." + s.table().tableName() + ".path";
        String pattern = s.path();
        boolean glob = pattern.contains("*") || pattern.contains("?") || pattern.contains("[") || pattern.contains("{");
        List<Path> out = new ArrayList<>();
        if (!glob) {
            Path p = workspace.resolve(pattern);
            if (!Files.exists(p)) {
                throw new InputException(key + ": file not found: " + p);
            }
            out.add(p);
        } else {
            Path abs = workspace.resolve(pattern);
            Path base = abs.getRoot() == null ? workspace.dir() : abs.getRoot();
            Path walkRoot = base;
            for (Path part : base.relativize(abs)) {
                String ps = part.toString();
                if (ps.contains("*") || ps.contains("?") || ps.contains("[") || ps.contains("{")) {
                    break;
                }
                walkRoot = walkRoot.resolve(ps);
            }
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + abs.toString().replace("\\", "\\\\"));
            if (Files.isDirectory(walkRoot)) {
                try (Stream<Path> walk = Files.walk(walkRoot)) {
                    walk.filter(Files::isRegularFile).filter(m::matches).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new InputException(key + ": cannot list " + walkRoot + ": " + e.getMessage(), e);
                }
            }
            if (out.isEmpty()) {
                throw new InputException(key + ": no file matches '" + pattern + "' in " + workspace.dir());
            }
        }
        for (Path p : out) {
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new InputException(key + ": cannot read " + p);
            }
        }
        return out;
    }

    /** Loads one file inside the run's transaction. */
    private static final class FileLoad {
        private final Connection c;
        private final SourceConfig source;
        private final CanonicalTable table;
        private final Path file;
        private final LocalDate latestAllowed;
        private final LocalDateTime now;

        FileLoad(Connection c, SourceConfig source, Path file, LocalDate latestAllowed, LocalDateTime now) {
            this.c = c;
            this.source = source;
            this.table = source.table();
            this.file = file;
            this.latestAllowed = latestAllowed;
            this.now = now;
        }

        IngestReport.FileResult run() throws SQLException {
            long bytes;
            try {
                bytes = Files.size(file);
            } catch (IOException e) {
                throw new InputException(file + ": cannot read: " + e.getMessage(), e);
            }
            if (bytes == 0) {
                throw new InputException(file + ": the file is empty; expected a header line with the columns of "
                        + table.tableName() + " (" + String.join(", ", requiredNames()) + " are required)");
            }
            try (SourceReader reader = SourceReader.of(file, source)) {
                return load(reader, bytes);
            }
        }

        private IngestReport.FileResult load(SourceReader reader, long bytes) throws SQLException {
            List<String> header;
            try {
                header = reader.header(c);
            } catch (SQLException e) {
                throw new InputException(file + ": cannot read as " + describeFormat(reader) + ": " + firstLine(e.getMessage()), e);
            }
            List<Projection.Output> outputs = outputs(reader, header);
            Projection projection = new Projection(table, source, outputs, latestAllowed, reader.passThrough(),
                    reader.preChecks(), reader.exactLines(), reader.appliesNullValues());
            String rejects = "_icp_rejects";
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + rejects);
                s.execute("DROP TABLE IF EXISTS " + rejects + "_scan");
                s.execute("DROP TABLE IF EXISTS _icp_typed");
            }
            Sql create = Sql.of("CREATE TEMP TABLE _icp_typed AS ").append(projection.select(reader.from(header.size(), rejects)));
            try {
                execute(create);
            } catch (SQLException e) {
                throw new InputException(file + ": cannot read as " + describeFormat(reader) + ": " + firstLine(e.getMessage()), e);
            }
            long base = scalarLong("SELECT coalesce(min(rowid), 0) FROM _icp_typed");
            long[] parseRejectLines = new long[0];
            List<Rejected> rejected = new ArrayList<>();
            if (reader.keepsParseRejects()) {
                parseRejectLines = parseRejects(rejects, header, rejected);
            }
            markDuplicates(projection, outputs, reader.exactLines());

            long staged = scalarLong("SELECT count(*) FROM _icp_typed");
            collectRejected(projection, reader, base, parseRejectLines, rejected);
            long loaded = staged - (rejected.size() - parseRejectLines.length);
            upsert(outputs);
            recordRejected(rejected);
            recordLog(bytes, staged + parseRejectLines.length, loaded, rejected.size());
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS _icp_typed");
                s.execute("DROP TABLE IF EXISTS " + rejects);
                s.execute("DROP TABLE IF EXISTS " + rejects + "_scan");
            }
            return new IngestReport.FileResult(table.tableName(), file, staged + parseRejectLines.length, loaded,
                    rejected.size());
        }

        /** Required columns a file must have (those with a default may be absent). */
        private List<String> requiredNames() {
            return table.columns().stream().filter(Column::required)
                    .filter(col -> table.builtInDefault(col.name()) == null && !source.defaults().containsKey(col.name()))
                    .map(col -> source.sourceColumn(col.name())).toList();
        }

        private String describeFormat(SourceReader reader) {
            if (reader instanceof SourceReader.Csv csv) {
                return csv.delimiter() == null ? "CSV" : "CSV with delimiter '" + printable(csv.delimiter()) + "'";
            }
            return reader instanceof SourceReader.JsonLines ? "JSON Lines" : "Parquet";
        }

        /** Maps canonical columns and attributes to header columns; fails on a missing required one. */
        private List<Projection.Output> outputs(SourceReader reader, List<String> header) {
            List<Projection.Output> outputs = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Column col : table.columns()) {
                String want = source.sourceColumn(col.name());
                int idx = find(header, want);
                boolean hasDefault = source.defaults().containsKey(col.name()) || table.builtInDefault(col.name()) != null;
                if (idx < 0 && col.required() && !hasDefault) {
                    missing.add(want.equals(col.name()) ? "'" + want + "'" : "'" + want + "' (for " + col.name() + ")");
                    continue;
                }
                if (idx < 0 && source.columns().containsKey(col.name()) && !hasDefault) {
                    throw new InputException(file + ": column '" + want + "', mapped to " + table.tableName() + "."
                            + col.name() + " in sources." + table.tableName() + ".columns, is not in the header; the header has: "
                            + String.join(", ", header));
                }
                outputs.add(new Projection.Output(col.name(), col, idx < 0 ? null : reader.raw(idx)));
            }
            if (!missing.isEmpty()) {
                String hint = "";
                if (header.size() == 1 && reader instanceof SourceReader.Csv) {
                    for (String d : List.of(";", "\t", "|", ",")) {
                        if (header.get(0).contains(d)) {
                            hint = "; the header was read as one column — the file seems to use '" + printable(d)
                                    + "' as its delimiter (set sources." + table.tableName() + ".delimiter)";
                            break;
                        }
                    }
                }
                throw new InputException(file + ": required column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + " not found; the header has: " + String.join(", ", header) + hint);
            }
            for (AttributeConfig a : source.attributes().values()) {
                int idx = find(header, a.column());
                if (idx < 0 && !source.defaults().containsKey(a.name())) {
                    throw new InputException(file + ": column '" + a.column() + "' of attribute sources." + table.tableName()
                            + ".attributes." + a.name() + " is not in the header; the header has: " + String.join(", ", header));
                }
                outputs.add(new Projection.Output(a.name(), Projection.attributeColumn(a), idx < 0 ? null : reader.raw(idx)));
            }
            return outputs;
        }

        private static int find(List<String> header, String name) {
            int idx = header.indexOf(name);
            if (idx >= 0) {
                return idx;
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).trim().equalsIgnoreCase(name.trim())) {
                    return i;
                }
            }
            return -1;
        }

        /** Rows the CSV reader itself could not parse (bad quoting, column count, encoding, line length). */
        private long[] parseRejects(String rejects, List<String> header, List<Rejected> out) throws SQLException {
            boolean exists = scalarLong("SELECT count(*) FROM duckdb_tables() WHERE table_name = '" + rejects + "'") > 0;
            if (!exists) {
                return new long[0];
            }
            List<Long> lines = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT line, any_value(column_name ORDER BY column_idx), any_value(error_type ORDER BY column_idx), "
                            + "any_value(csv_line ORDER BY column_idx), any_value(error_message ORDER BY column_idx) "
                            + "FROM " + rejects + " GROUP BY line ORDER BY line")) {
                while (r.next()) {
                    long line = r.getLong(1);
                    lines.add(line);
                    String type = r.getString(3);
                    String csvLine = r.getString(4);
                    String col = r.getString(2);
                    if (col != null && col.matches("c\\d+") && Integer.parseInt(col.substring(1)) < header.size()) {
                        col = header.get(Integer.parseInt(col.substring(1)));
                    }
                    out.add(new Rejected(line, col == null ? "(line)" : col,
                            csvLine == null ? "" : truncate(csvLine), parseReason(type, r.getString(5))));
                }
            }
            return lines.stream().mapToLong(Long::longValue).toArray();
        }

        private static String parseReason(String type, String message) {
            String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
            return switch (t) {
                case "MISSING COLUMNS" -> "too few fields: " + firstLine(message);
                case "TOO MANY COLUMNS" -> "too many fields: " + firstLine(message);
                case "UNQUOTED VALUE" -> "bad quoting: " + firstLine(message);
                case "LINE SIZE OVER MAXIMUM" -> "line longer than " + SourceReader.MAX_LINE_BYTES + " bytes";
                case "INVALID ENCODING", "INVALID UNICODE" -> "not valid UTF-8 text";
                default -> "cannot parse the line: " + firstLine(message);
            };
        }

        /**
         * Rejects every row whose key an earlier row of the file already has; {@code _ref} is the first row's
         * line when the reader knows lines ({@code exactLines}), otherwise its rowid.
         */
        private void markDuplicates(Projection projection, List<Projection.Output> outputs, boolean exactLines)
                throws SQLException {
            List<String> key = table.key();
            if (key.isEmpty() || !keyPresent(outputs)) {
                return;
            }
            String cols = String.join(", ", key.stream().map(Projection::ident).toList());
            String notNull = String.join(" AND ", key.stream().map(k -> Projection.ident(k) + " IS NOT NULL").toList());
            String keyText = key.size() == 1 ? "CAST(" + Projection.ident(key.get(0)) + " AS VARCHAR)"
                    : "concat_ws(' | ', " + String.join(", ", key.stream().map(k -> "CAST(" + Projection.ident(k) + " AS VARCHAR)").toList()) + ")";
            execute(Sql.of("UPDATE _icp_typed SET _err = " + projection.duplicateCheck() + ", _errval = d.k, _ref = d.first "
                    + "FROM (SELECT rowid AS rid, " + keyText + " AS k, "
                    + (exactLines ? "first_value(_line) OVER (PARTITION BY " + cols + " ORDER BY rowid)"
                    : "min(rowid) OVER (PARTITION BY " + cols + ")") + " AS first, "
                    + "row_number() OVER (PARTITION BY " + cols + " ORDER BY rowid) AS rn FROM _icp_typed WHERE _err IS NULL AND "
                    + notNull + ") d WHERE _icp_typed.rowid = d.rid AND d.rn > 1"));
        }

        private boolean keyPresent(List<Projection.Output> outputs) {
            for (String k : table.key()) {
                if (outputs.stream().noneMatch(o -> o.name().equals(k) && (o.raw() != null
                        || source.defaults().containsKey(k) || table.builtInDefault(k) != null))) {
                    return false;
                }
            }
            return true;
        }

        private void collectRejected(Projection projection, SourceReader reader, long base, long[] parseLines,
                                     List<Rejected> out) throws SQLException {
            List<Projection.Check> checks = projection.checks();
            List<Rejected> rows = new ArrayList<>();
            List<long[]> dupRefs = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT rowid - " + base + ", _err, _errval, _ref, _line FROM _icp_typed "
                            + "WHERE _err IS NOT NULL ORDER BY rowid")) {
                while (r.next()) {
                    long rec = r.getLong(1);
                    int err = r.getInt(2);
                    String value = r.getString(3);
                    long ref = r.getLong(4);
                    boolean hasRef = !r.wasNull();
                    long line = reader.exactLines() ? r.getLong(5) : -1 - rec;
                    String column;
                    String reason;
                    if (err < checks.size()) {
                        column = checks.get(err).column();
                        reason = checks.get(err).reason();
                    } else if (err == projection.duplicateCheck()) {
                        column = String.join(",", table.key());
                        reason = "duplicate key within the file";
                        if (hasRef && reader.exactLines()) {
                            reason += " (first seen on line " + ref + ")";
                        } else if (hasRef) {
                            dupRefs.add(new long[] {rows.size(), ref - base});
                        }
                    } else {
                        throw new IllegalStateException("unknown check " + err);
                    }
                    rows.add(new Rejected(line, column, value == null ? "" : truncate(value), reason));
                }
            }
            if (!reader.exactLines()) {
                // rows are numbered among those the reader kept; add back the lines it rejected
                long[] recs = new long[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    recs[i] = -1 - rows.get(i).line();
                }
                long[] lines = toLines(recs, parseLines, reader.firstDataLine());
                for (int i = 0; i < rows.size(); i++) {
                    Rejected x = rows.get(i);
                    rows.set(i, new Rejected(lines[i], x.column(), x.value(), x.reason()));
                }
                for (long[] d : dupRefs) {
                    int i = (int) d[0];
                    long first = toLines(new long[] {d[1]}, parseLines, reader.firstDataLine())[0];
                    Rejected x = rows.get(i);
                    rows.set(i, new Rejected(x.line(), x.column(), x.value(), x.reason() + " (first seen on line " + first + ")"));
                }
            }
            out.addAll(rows);
            out.sort((a, b) -> Long.compare(a.line(), b.line()));
        }

        /** Record numbers (sorted, 0-based among kept rows) to line numbers, skipping the reader's rejected lines. */
        static long[] toLines(long[] recs, long[] parseLines, int firstDataLine) {
            long[] out = new long[recs.length];
            int p = 0;
            long skipped = 0;
            for (int i = 0; i < recs.length; i++) {
                long line = recs[i] + firstDataLine + skipped;
                while (p < parseLines.length && parseLines[p] <= line) {
                    p++;
                    skipped++;
                    line++;
                }
                out[i] = line;
            }
            return out;
        }

        private void upsert(List<Projection.Output> outputs) throws SQLException {
            String t = table.tableName();
            List<String> names = outputs.stream().map(o -> Projection.ident(o.name())).toList();
            boolean byKey = !table.key().isEmpty() && keyPresent(outputs);
            if (byKey) {
                String join = String.join(" AND ", table.key().stream()
                        .map(k -> t + "." + Projection.ident(k) + " = x." + Projection.ident(k)).toList());
                execute(Sql.of("DELETE FROM " + t + " USING (SELECT * FROM _icp_typed WHERE _err IS NULL) x WHERE " + join));
                String anyNull = String.join(" OR ", table.key().stream().map(k -> Projection.ident(k) + " IS NULL").toList());
                execute(Sql.of("DELETE FROM " + t + " WHERE " + Store.SOURCE_COLUMN + " = ").param(file.toString())
                        .sql(" AND (" + anyNull + ")"));
            } else {
                execute(Sql.of("DELETE FROM " + t + " WHERE " + Store.SOURCE_COLUMN + " = ").param(file.toString()));
            }
            execute(Sql.of("INSERT INTO " + t + " (" + String.join(", ", names) + ", " + Store.SOURCE_COLUMN + ") SELECT "
                    + String.join(", ", names) + ", ").param(file.toString()).sql(" FROM _icp_typed WHERE _err IS NULL"));
        }

        private void recordRejected(List<Rejected> rejected) throws SQLException {
            execute(Sql.of("DELETE FROM rejected_rows WHERE table_name = ").param(table.tableName())
                    .sql(" AND file = ").param(file.toString()));
            if (rejected.isEmpty()) {
                return;
            }
            DuckDBConnection dc = c.unwrap(DuckDBConnection.class);
            try (DuckDBAppender a = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rejected_rows")) {
                for (Rejected r : rejected) {
                    a.beginRow();
                    a.append(table.tableName());
                    a.append(file.toString());
                    a.append(r.line());
                    a.append(r.column());
                    a.append(r.value());
                    a.append(r.reason());
                    a.append(now);
                    a.endRow();
                }
            }
        }

        private void recordLog(long bytes, long read, long loaded, long rejected) throws SQLException {
            execute(Sql.of("DELETE FROM ingest_log WHERE table_name = ").param(table.tableName()).sql(" AND file = ")
                    .param(file.toString()));
            execute(Sql.of("INSERT INTO ingest_log VALUES (").param(table.tableName()).sql(", ").param(file.toString())
                    .sql(", ").param(bytes).sql(", ").param(read).sql(", ").param(loaded).sql(", ").param(rejected)
                    .sql(", ").param(now).sql(")"));
        }

        private void execute(Sql sql) throws SQLException {
            try (PreparedStatement p = c.prepareStatement(sql.text())) {
                SourceReader.bind(p, sql.params());
                p.execute();
            }
        }

        private long scalarLong(String sql) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** One rejected row. */
    record Rejected(long line, String column, String value, String reason) {
    }

    /** Writes {@code out/rejected/<table>.csv} for each table ingested; removes stale ones with no rejects. */
    private List<Path> writeRejected(Connection c, Map<CanonicalTable, List<Path>> files) {
        List<Path> written = new ArrayList<>();
        Path dir = workspace.rejectedDir();
        for (Map.Entry<CanonicalTable, List<Path>> e : files.entrySet()) {
            String table = e.getKey().tableName();
            Path out = dir.resolve(table + ".csv");
            try (PreparedStatement p = c.prepareStatement("SELECT file, line, column_name, value, reason FROM rejected_rows "
                    + "WHERE table_name = ? ORDER BY file, line")) {
                p.setString(1, table);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        Files.deleteIfExists(out);
                        continue;
                    }
                    Files.createDirectories(dir);
                    Path tmp = dir.resolve("." + table + ".csv.tmp");
                    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        w.write("file,line,column,value,reason\n");
                        do {
                            w.write(csv(workspaceRelative(r.getString(1))) + "," + r.getLong(2) + "," + csv(r.getString(3))
                                    + "," + csv(r.getString(4)) + "," + csv(r.getString(5)) + "\n");
                        } while (r.next());
                    }
                    try {
                        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException ex) {
                        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    written.add(out);
                }
            } catch (SQLException | IOException ex) {
                throw new IcpException("the data was loaded, but writing " + out + " failed: " + ex.getMessage(), ex);
            }
        }
        return written;
    }

    private String workspaceRelative(String file) {
        Path p = Path.of(file);
        return p.startsWith(workspace.dir()) ? workspace.dir().relativize(p).toString() : file;
    }

    static String csv(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    static String truncate(String v) {
        return v.length() <= 200 ? v : v.substring(0, 200) + "…";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static String printable(String d) {
        return d.equals("\t") ? "\\t" : d;
    }
}
