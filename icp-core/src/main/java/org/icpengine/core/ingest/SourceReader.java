package org.icpengine.core.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.icpengine.core.config.SourceConfig;
import org.icpengine.core.config.SourceFormat;
import org.icpengine.errors.InputException;

/**
 * Reads one source file through the store's own bulk readers ({@code read_csv}, {@code read_text} for
 * JSON Lines, {@code read_parquet}) as raw text columns named {@code s.c0 … s.cN}.
 */
abstract class SourceReader implements AutoCloseable {

    /** Longest CSV line accepted; longer lines are rejected with their line number. */
    static final long MAX_LINE_BYTES = 2L * 1024 * 1024;

    final Path file;
    final SourceConfig source;

    SourceReader(Path file, SourceConfig source) {
        this.file = file;
        this.source = source;
    }

    static SourceReader of(Path file, SourceConfig source) {
        SourceFormat format = source.format().or(() -> SourceFormat.fromFileName(file.getFileName().toString()))
                .orElseThrow(() -> new InputException(file + ": cannot tell the format from the extension; set 'format:' in "
                        + "sources." + source.table().tableName()));
        return switch (format) {
            case CSV, TSV -> new Csv(file, source, format == SourceFormat.TSV ? "\t"
                    : source.delimiter().orElseGet(() -> detectDelimiter(file)));
            case JSONL -> new JsonLines(file, source);
            case PARQUET -> new Parquet(file, source);
        };
    }

    /**
     * The delimiter of a CSV file, from its header line: the most frequent of {@code , ; TAB |} outside
     * quotes (ties go in that order). Deciding from the header alone keeps a file with a few malformed
     * rows from being read with the wrong dialect.
     */
    static String detectDelimiter(Path file) {
        byte[] head = new byte[64 * 1024];
        int n;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (java.io.IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        char[] candidates = {',', ';', '\t', '|'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (int i = 0; i < n; i++) {
            char ch = (char) (head[i] & 0xff);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                break;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (ch == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return String.valueOf(candidates[best]);
    }

    /** The header: source column names in order. */
    abstract List<String> header(Connection c) throws SQLException;

    /** The FROM clause yielding the rows, aliased {@code s} with columns {@code c0..cN} for the header. */
    abstract Sql from(int columns, String rejectsTable);

    /** Raw text of header column {@code i}. */
    abstract Sql raw(int i);

    /** Reader columns carried along; the first is the line number when {@link #exactLines()}. */
    List<Sql> passThrough() {
        return List.of();
    }

    /** Reader-level checks over the pass-through columns. */
    List<Projection.Check> preChecks() {
        return List.of();
    }

    /** Whether the reader supplies exact line numbers as its first pass-through column. */
    boolean exactLines() {
        return false;
    }

    /** Line of the first data row when lines are counted from rows (1 + header lines). */
    int firstDataLine() {
        return 2;
    }

    /** Whether the store's reader keeps a table of rows it could not parse. */
    boolean keepsParseRejects() {
        return false;
    }

    /** Whether the reader itself reads the source's {@code null_values} as NULL. */
    boolean appliesNullValues() {
        return false;
    }

    /** Releases what the reader made for the load (such as a temporary copy); the file itself is untouched. */
    @Override
    public void close() {
    }

    static String columnsAlias(int columns) {
        StringBuilder b = new StringBuilder(" AS s(");
        for (int i = 0; i < columns; i++) {
            b.append(i > 0 ? ", " : "").append("c").append(i);
        }
        return b.append(")").toString();
    }

    static List<String> describe(Connection c, Sql select) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("DESCRIBE " + select.text())) {
            bind(p, select.params());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1) + "\u0000" + r.getString(2));
                }
            }
        }
        return names;
    }

    static void bind(PreparedStatement p, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof java.time.LocalDate d) {
                p.setObject(i + 1, d);
            } else if (v instanceof String[] arr) {
                p.setObject(i + 1, p.getConnection().createArrayOf("VARCHAR", arr));
            } else {
                p.setObject(i + 1, v);
            }
        }
    }

    /** CSV and TSV through {@code read_csv}, every column as text; the header is parsed here. */
    static final class Csv extends SourceReader {
        private final String delimiter;

        Csv(Path file, SourceConfig source, String delimiter) {
            super(file, source);
            this.delimiter = delimiter;
        }

        private Sql readCsv(int columns, String rejectsTable) {
            StringBuilder cols = new StringBuilder("{");
            for (int i = 0; i < columns; i++) {
                cols.append(i > 0 ? ", " : "").append("'c").append(i).append("': 'VARCHAR'");
            }
            cols.append("}");
            Sql s = Sql.of("read_csv(").param(file.toString()).sql(", auto_detect = false, header = true, columns = "
                            + cols + ", nullstr = ").param(source.nullValues().toArray(String[]::new)).sql("::VARCHAR[], ")
                    .sql("max_line_size = " + MAX_LINE_BYTES + ", null_padding = false, encoding = 'utf-8', quote = '\"', "
                            + "escape = '\"', delim = ").param(delimiter);
            if (rejectsTable != null) {
                s.sql(", store_rejects = true, rejects_table = ").param(rejectsTable)
                        .sql(", rejects_scan = ").param(rejectsTable + "_scan");
            }
            return s.sql(")");
        }

        /** Parses the header record (RFC 4180 quoting, UTF-8 with or without BOM). */
        @Override
        List<String> header(Connection c) {
            byte[] head = new byte[(int) Math.min(MAX_LINE_BYTES, 4L * 1024 * 1024)];
            int n;
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            } catch (java.io.IOException e) {
                throw new InputException(file + ": cannot read: " + e.getMessage(), e);
            }
            int start = n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
            boolean quoted = false;
            int end = -1;
            for (int i = start; i < n; i++) {
                byte b = head[i];
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted && (b == '\n' || b == '\r')) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                if (n == head.length) {
                    throw new InputException(file + ": line 1: the header line is longer than " + head.length + " bytes");
                }
                end = n;
            }
            String line;
            try {
                line = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(head, start, end - start)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new InputException(file + ": line 1: the header is not valid UTF-8 text");
            }
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean inQuotes = false;
            char d = delimiter.charAt(0);
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (inQuotes) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (ch == '"') {
                        inQuotes = false;
                    } else {
                        cur.append(ch);
                    }
                } else if (ch == '"') {
                    inQuotes = true;
                } else if (ch == d) {
                    out.add(cur.toString().trim());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            out.add(cur.toString().trim());
            if (out.size() == 1 && out.get(0).isEmpty()) {
                throw new InputException(file + ": line 1: the header line is empty; expected the column names");
            }
            return out;
        }

        @Override
        Sql from(int columns, String rejectsTable) {
            return readCsv(columns, rejectsTable).sql(columnsAlias(columns));
        }

        @Override
        Sql raw(int i) {
            return Sql.of("s.c" + i);
        }

        @Override
        boolean keepsParseRejects() {
            return true;
        }

        @Override
        boolean appliesNullValues() {
            return true;
        }

        String delimiter() {
            return delimiter;
        }
    }

    /**
     * JSON Lines: one object per line, read as text so that every bad line is reported with its number. A
     * leading byte order mark is skipped. {@code read_text} refuses a whole file that is not valid UTF-8, so
     * such a file is read from a temporary copy in which each line that is not UTF-8 is replaced by
     * {@link #NOT_UTF8} and the line's text (bad bytes shown as U+FFFD); those lines are then rejected.
     */
    static final class JsonLines extends SourceReader {
        /** Starts a line of the copy that stands for a line that is not UTF-8; it cannot start valid JSON. */
        static final String NOT_UTF8 = "\u0001icp:not-utf-8\u0001";

        private List<String> keys = List.of();
        private Path readPath;
        private Path copy;

        JsonLines(Path file, SourceConfig source) {
            super(file, source);
            this.readPath = file;
        }

        private Sql lines() {
            return Sql.of("(SELECT generate_subscripts(q.l, 1) AS _line, unnest(q.l) AS _j FROM "
                    + "(SELECT string_split(replace(ltrim(content, chr(65279)), chr(13), ''), chr(10)) AS l FROM read_text(")
                    .param(readPath.toString()).sql(")) q)");
        }

        /** Whether the whole file decodes as UTF-8 (streamed, so memory stays flat). */
        private static boolean isUtf8(Path file) {
            java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
            try (java.io.Reader r = new java.io.InputStreamReader(java.nio.file.Files.newInputStream(file), d)) {
                char[] buf = new char[64 * 1024];
                while (r.read(buf) >= 0) {
                    // read to the end: a bad byte anywhere throws
                }
                return true;
            } catch (java.nio.charset.CharacterCodingException e) {
                return false;
            } catch (java.io.IOException e) {
                throw new InputException(file + ": cannot read: " + e.getMessage(), e);
            }
        }

        /** A copy of {@code file} with every line that is not UTF-8 replaced by a {@link #NOT_UTF8} line. */
        private static Path markInvalidLines(Path file) {
            try {
                Path out = java.nio.file.Files.createTempFile("icp-ingest-", ".jsonl");
                try (java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file));
                     java.io.OutputStream o = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(out))) {
                    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                    int b;
                    do {
                        b = in.read();
                        if (b >= 0 && b != '\n') {
                            line.write(b);
                            continue;
                        }
                        byte[] bytes = line.toByteArray();
                        line.reset();
                        if (!decodes(bytes)) {
                            String shown = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                            bytes = (NOT_UTF8 + shown.substring(0, Math.min(shown.length(), 180)))
                                    .replace("\r", "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        }
                        o.write(bytes);
                        if (b >= 0) {
                            o.write('\n');
                        }
                    } while (b >= 0);
                }
                return out;
            } catch (java.io.IOException e) {
                throw new InputException(file + ": cannot read: " + e.getMessage(), e);
            }
        }

        private static boolean decodes(byte[] bytes) {
            try {
                java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes));
                return true;
            } catch (java.nio.charset.CharacterCodingException e) {
                return false;
            }
        }

        @Override
        public void close() {
            if (copy != null) {
                try {
                    java.nio.file.Files.deleteIfExists(copy);
                } catch (java.io.IOException ignored) {
                    // a temporary file left behind is harmless
                }
                copy = null;
                readPath = file;
            }
        }

        @Override
        List<String> header(Connection c) throws SQLException {
            if (copy == null && !isUtf8(file)) {
                copy = markInvalidLines(file);
                readPath = copy;
            }
            Sql q = Sql.of("SELECT DISTINCT k FROM (SELECT unnest(json_keys(_j)) AS k FROM ")
                    .append(lines()).sql(" x WHERE trim(_j) <> '' AND coalesce(CASE WHEN json_valid(_j) THEN json_type(_j) = 'OBJECT' END, false)) ORDER BY k");
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(q.text())) {
                bind(p, q.params());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
            keys = out;
            return out;
        }

        @Override
        Sql from(int columns, String rejectsTable) {
            return Sql.of("(SELECT _line, _j, coalesce(CASE WHEN json_valid(_j) THEN json_type(_j) = 'OBJECT' END, false) AS _ok FROM ").append(lines())
                    .sql(" x WHERE trim(_j) <> '') s");
        }

        @Override
        Sql raw(int i) {
            String path = "$.\"" + keys.get(i).replace("\"", "\\\"") + "\"";
            return Sql.of("CASE WHEN s._ok THEN (CASE WHEN json_type(s._j, ").param(path).sql(") = 'ARRAY' THEN "
                    + "array_to_string(CAST(json_extract(s._j, ").param(path).sql(") AS VARCHAR[]), ")
                    .param(source.listSeparator()).sql(") ELSE json_extract_string(s._j, ").param(path).sql(") END) END");
        }

        @Override
        List<Sql> passThrough() {
            return List.of(Sql.of("s._line"), Sql.of("s._ok"), Sql.of("left(s._j, 200)"));
        }

        @Override
        List<Projection.Check> preChecks() {
            return List.of(
                    new Projection.Check("(line)", "not valid UTF-8 text", Sql.of("starts_with(t.p_2, ").param(NOT_UTF8).sql(")"),
                            Sql.of("substr(t.p_2, " + (NOT_UTF8.length() + 1) + ")")),
                    new Projection.Check("(line)", "not a valid JSON object", Sql.of("NOT t.p_1"), Sql.of("t.p_2")));
        }

        @Override
        boolean exactLines() {
            return true;
        }
    }

    /** Parquet through {@code read_parquet}; values are turned to text and checked like any other source. */
    static final class Parquet extends SourceReader {
        private List<String> types = List.of();

        Parquet(Path file, SourceConfig source) {
            super(file, source);
        }

        @Override
        List<String> header(Connection c) throws SQLException {
            List<String> names = new ArrayList<>();
            List<String> t = new ArrayList<>();
            for (String d : describe(c, Sql.of("SELECT * FROM read_parquet(").param(file.toString()).sql(")"))) {
                int z = d.indexOf('\u0000');
                names.add(d.substring(0, z));
                t.add(d.substring(z + 1));
            }
            types = t;
            return names;
        }

        @Override
        Sql from(int columns, String rejectsTable) {
            return Sql.of("read_parquet(").param(file.toString()).sql(")" + columnsAlias(columns));
        }

        @Override
        Sql raw(int i) {
            if (types.get(i).endsWith("[]")) {
                return Sql.of("array_to_string(s.c" + i + ", ").param(source.listSeparator()).sql(")");
            }
            return Sql.of("CAST(s.c" + i + " AS VARCHAR)");
        }

        @Override
        int firstDataLine() {
            return 1;
        }
    }
}
