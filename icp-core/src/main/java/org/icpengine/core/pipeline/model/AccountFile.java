package org.icpengine.core.pipeline.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.icpengine.core.config.AttributeConfig;
import org.icpengine.core.config.AttributeType;
import org.icpengine.core.config.SourceConfig;
import org.icpengine.core.config.SourceFormat;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.schema.CanonicalTable;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.InputException;

/**
 * A file of accounts to score, read exactly as {@code sources.accounts} of {@code icp.yaml} says (the same
 * column and value mappings, defaults, null values, list separator and attributes) by the ingestion code,
 * into a store in memory; the workspace's own store is not touched. Every input column is kept as text; the
 * firmographic derivations ({@code employees_band}, {@code has_<tech>}, …) are computed by
 * {@link AccountMetrics} as of tomorrow (the latest date ingestion accepts). A model input that is a metric
 * (say {@code active_days_per_week}) is read from an input column of that exact name when the file has one.
 *
 * <p>Rows that ingestion rejects are listed in {@link #rejected} with file, line, column, value and reason,
 * like {@code icp ingest} reports them; every other row is in {@link #rows}, in file order.
 *
 * @param header   the input's columns, in order
 * @param rows     one lookup per accepted row: input column or account column/metric name to value
 * @param inputs   the input's values of each accepted row as text, aligned with {@code header}
 * @param read     rows read
 * @param rejected the rejected rows
 */
public record AccountFile(List<String> header, List<Function<String, Object>> rows, List<List<String>> inputs,
                          long read, List<Rejection> rejected) {

    /**
     * One rejected row.
     *
     * @param file   the file
     * @param line   its line (the header is line 1)
     * @param column the column at fault
     * @param value  the value at fault
     * @param reason what was wrong
     */
    public record Rejection(String file, long line, String column, String value, String reason) {
    }

    /** Copies. */
    public AccountFile {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        inputs = List.copyOf(inputs);
        rejected = List.copyOf(rejected);
    }

    private static final String INPUT_PREFIX = "input_column_";

    /**
     * Reads {@code input} with the mapping of the workspace's {@code sources.accounts} (or the identity mapping
     * when it has none).
     *
     * @throws InputException if the file cannot be read, or lacks {@code account_id} (or its mapped column)
     */
    public static AccountFile read(Workspace workspace, Path input, Clock clock) {
        Path file = input.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new InputException(input + ": file not found");
        }
        WorkspaceConfig config = workspace.config();
        SourceConfig accounts = config.source(CanonicalTable.ACCOUNTS).orElse(new SourceConfig(CanonicalTable.ACCOUNTS,
                file.toString(), Optional.empty(), Optional.empty(), Map.of(), Map.of(), Map.of(), List.of(""), ";",
                Optional.empty(), Map.of()));
        SourceFormat format = SourceFormat.fromFileName(file.getFileName().toString())
                .orElseThrow(() -> new InputException(input + ": cannot tell the format from the extension; use .csv, "
                        + ".tsv, .jsonl or .parquet"));
        Path tmp;
        try {
            tmp = Files.createTempDirectory("icp-score-");
        } catch (IOException e) {
            throw new InputException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        try (Store store = Store.inMemory(); DuckDbEngine engine = DuckDbEngine.over(store)) {
            List<String> header = header(engine, file, format, accounts);
            Map<String, AttributeConfig> attributes = new LinkedHashMap<>(accounts.attributes());
            for (int i = 0; i < header.size(); i++) {
                attributes.put(INPUT_PREFIX + i, new AttributeConfig(INPUT_PREFIX + i, header.get(i), AttributeType.CATEGORY));
            }
            SourceConfig source = new SourceConfig(CanonicalTable.ACCOUNTS, file.toString(), Optional.of(format),
                    accounts.delimiter(), accounts.columns(), accounts.values(), accounts.defaults(), accounts.nullValues(),
                    accounts.listSeparator(), accounts.dateFormat(), attributes);
            Map<CanonicalTable, SourceConfig> sources = new LinkedHashMap<>();
            sources.put(CanonicalTable.ACCOUNTS, source);
            WorkspaceConfig scoring = new WorkspaceConfig(tmp.resolve("icp.yaml"), Optional.empty(), config.currency(),
                    sources, config.useCases(), config.bands(), config.techStackFlags(), config.economics(),
                    config.ideal(), config.models(), config.tiers(), config.scorecards(), config.icpIndex(), config.ltv());
            Ingestor.run(new Workspace(tmp, scoring), store, clock);
            LocalDate date = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
            AccountMetrics.on(engine, scoring).compute(date);
            ResultTable metrics = AccountMetrics.on(engine, scoring).read(date);
            ResultTable order = engine.query("SELECT account_id FROM accounts ORDER BY rowid");
            Map<String, Integer> byId = new HashMap<>();
            int id = metrics.index("account_id");
            for (int i = 0; i < metrics.size(); i++) {
                byId.put((String) metrics.rows().get(i)[id], i);
            }
            Map<String, Integer> columnIndex = new HashMap<>();
            for (int c = 0; c < metrics.columns().size(); c++) {
                columnIndex.put(metrics.columns().get(c), c);
            }
            Map<String, Integer> inputIndex = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                inputIndex.putIfAbsent(header.get(i), columnIndex.get(INPUT_PREFIX + i));
            }
            List<Function<String, Object>> rows = new ArrayList<>();
            List<List<String>> inputs = new ArrayList<>();
            for (Object[] o : order.rows()) {
                Integer at = byId.get((String) o[0]);
                if (at == null) {
                    continue; // created after tomorrow: ingestion has rejected it already
                }
                Object[] r = metrics.rows().get(at);
                List<String> in = new ArrayList<>(header.size());
                for (int i = 0; i < header.size(); i++) {
                    Object v = r[columnIndex.get(INPUT_PREFIX + i)];
                    in.add(v == null ? "" : v.toString());
                }
                inputs.add(in);
                rows.add(name -> {
                    Integer c = columnIndex.get(name);
                    Object v = c == null ? null : r[c];
                    if (v == null) {
                        Integer raw = inputIndex.get(name);
                        v = raw == null ? null : r[raw];
                    }
                    return v;
                });
            }
            List<Rejection> rejected = new ArrayList<>();
            long read = 0;
            for (Object[] r : engine.query("SELECT sum(rows_read) FROM ingest_log").rows()) {
                read = r[0] == null ? 0 : ((Number) r[0]).longValue();
            }
            for (Object[] r : engine.query("SELECT file, line, column_name, value, reason FROM rejected_rows "
                    + "ORDER BY line, column_name").rows()) {
                String col = r[2] == null ? "" : r[2].toString();
                if (col.startsWith(INPUT_PREFIX)) {
                    col = header.get(Integer.parseInt(col.substring(INPUT_PREFIX.length())));
                }
                rejected.add(new Rejection(input.toString(), r[1] == null ? 0 : ((Number) r[1]).longValue(), col,
                        r[3] == null ? "" : r[3].toString(), r[4] == null ? "" : r[4].toString()));
            }
            return new AccountFile(header, rows, inputs, read, rejected);
        } finally {
            deleteTree(tmp);
        }
    }

    private static List<String> header(DuckDbEngine engine, Path file, SourceFormat format, SourceConfig source) {
        if (format == SourceFormat.CSV || format == SourceFormat.TSV) {
            String delimiter = format == SourceFormat.TSV ? "\t" : source.delimiter().orElse(null);
            return csvHeader(file, delimiter);
        }
        String reader = format == SourceFormat.PARQUET ? "read_parquet(?)" : "read_json(?, format = 'newline_delimited')";
        try {
            ResultTable d = engine.query(new SqlFragment("DESCRIBE SELECT * FROM " + reader, List.of(file.toString())));
            List<String> names = new ArrayList<>();
            for (Object[] r : d.rows()) {
                names.add(r[0].toString());
            }
            return names;
        } catch (RuntimeException e) {
            throw new InputException(file + ": cannot read as " + format + ": " + e.getMessage(), e);
        }
    }

    /** The header record of a CSV file (RFC 4180 quoting; the delimiter detected from it when not given). */
    static List<String> csvHeader(Path file, String delimiter) {
        String line;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1 << 20);
            String text = new String(head, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            StringBuilder sb = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (!quoted && (ch == '\n' || ch == '\r')) {
                    break;
                }
                sb.append(ch);
            }
            line = sb.toString();
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (line.isBlank()) {
            throw new InputException(file + ": the file is empty; expected a header line with the account columns");
        }
        char d = delimiter != null ? delimiter.charAt(0) : detect(line);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == d && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static char detect(String line) {
        char[] candidates = {',', ';', '\t', '|'};
        int best = 0;
        int bestCount = -1;
        for (int k = 0; k < candidates.length; k++) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (!quoted && ch == candidates[k]) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = k;
                bestCount = count;
            }
        }
        return candidates[best];
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
