package org.icpengine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.metrics.MetricsRun;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.IcpException;
import org.icpengine.errors.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code icp metrics}: computes every account metric as of a date, stores it and prints it. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Compute every account metric of the framework (usage, commercial, customer success,",
                "firmographics) as of a date, using only rows dated on or before it, and store them in the",
                "account_metrics table of the store, where 'icp segments' and later steps read them.",
                "Tables that are missing or empty make their metrics empty, with one note each."},
        footer = {"", "Examples:",
                "  icp metrics",
                "  icp metrics --as-of 2025-12-31 --format csv --output metrics-2025.csv"})
final class MetricsCommand implements Callable<Integer> {

    /** The columns of the aligned table; csv and json show every column. */
    private static final List<String> SHOWN = List.of("account_id", "name", "industry", "employees_band",
            "is_customer", "mrr", "nrr_12m", "ltv", "cac", "ltv_cac", "win_rate", "active_days_per_week",
            "usage_trend", "nps");

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "Date to compute the metrics as of, yyyy-mm-dd (default: as_of of icp.yaml, else the "
                    + "latest date in the data).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "table (a readable subset of columns, for people), csv or json (every column, for programs).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    /** Output formats. */
    enum Format {
        TABLE, CSV, JSON
    }

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        if (!ws.hasStore()) {
            throw new InputException("no store in " + ws.dir() + "; run 'icp ingest' first");
        }
        MetricsRun run;
        ResultTable rows;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            store.ensureSchema(ws.config());
            AccountMetrics metrics = AccountMetrics.on(engine, ws.config());
            LocalDate date = asOf != null ? asOf : metrics.defaultAsOf();
            Progress.toTerminal(spec.commandLine().getErr()).accept("computing the account metrics as of " + date);
            run = metrics.compute(date);
            rows = metrics.read(date);
        }
        String text = switch (format) {
            case TABLE -> table(run, rows, ws.config().currency());
            case CSV -> csv(rows);
            case JSON -> json(run, rows, ws.config().currency());
        };
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(text);
            if (format == Format.CSV) {
                PrintWriter err = spec.commandLine().getErr();
                run.notes().forEach(n -> err.println("icp: note: " + n));
                err.flush();
            }
        } else {
            CsvText.write(output, text);
            out.printf(Locale.ROOT, "Wrote %,d accounts as of %s to %s%n", run.accounts(), run.asOf(), output);
            run.notes().forEach(n -> out.println("Note: " + n));
        }
        out.flush();
        return ExitCodes.OK;
    }

    // ------------------------------------------------------------------------------------------- table

    static String table(MetricsRun run, ResultTable rows, String currency) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        boolean[] right = new boolean[SHOWN.size()];
        for (int i = 4; i < right.length; i++) {
            right[i] = true;
        }
        TextTable t = new TextTable(SHOWN, right);
        int[] index = new int[SHOWN.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = rows.index(SHOWN.get(i));
        }
        for (Object[] r : rows.rows()) {
            Object[] cells = new Object[index.length];
            for (int i = 0; i < index.length; i++) {
                cells[i] = human(SHOWN.get(i), r[index[i]]);
            }
            t.row(cells);
        }
        t.print(out);
        out.println();
        out.printf(Locale.ROOT, "%s, %s, as of %s; money in %s. All %d columns are stored in %s;"
                        + " --format csv or json prints them.%n", count(run.accounts(), "account"),
                count(run.customers(), "customer"), run.asOf(), currency, rows.columns().size(), AccountMetrics.TABLE);
        for (String note : run.notes()) {
            out.println("Note: " + note);
        }
        out.flush();
        return buffer.toString();
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static String human(String column, Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (v instanceof Number n && !(v instanceof Long)) {
            double d = n.doubleValue();
            return switch (column) {
                case "win_rate" -> String.format(Locale.ROOT, "%.0f%%", 100 * d);
                case "nrr_12m", "ltv_cac", "active_days_per_week", "usage_trend" -> String.format(Locale.ROOT, "%.2f", d);
                default -> String.format(Locale.ROOT, "%,.0f", d);
            };
        }
        return v.toString();
    }

    // ------------------------------------------------------------------------------------------- csv

    static String csv(ResultTable rows) {
        StringBuilder sb = new StringBuilder();
        CsvText.line(sb, rows.columns());
        for (Object[] r : rows.rows()) {
            List<String> cells = new ArrayList<>(r.length);
            for (Object v : r) {
                cells.add(text(v));
            }
            CsvText.line(sb, cells);
        }
        return sb.toString();
    }

    /** A value as CSV text: empty for null, lists joined with ";" (the list separator of sources). */
    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return CsvText.plain(d);
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(x -> items.add(x == null ? "" : x.toString()));
            return String.join(";", items);
        }
        return v.toString();
    }

    // ------------------------------------------------------------------------------------------- json

    static String json(MetricsRun run, ResultTable rows, String currency) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("as_of", run.asOf().toString());
        root.put("currency", currency);
        root.put("accounts", run.accounts());
        root.put("customers", run.customers());
        ArrayNode notes = root.putArray("notes");
        run.notes().forEach(notes::add);
        ArrayNode list = root.putArray("rows");
        for (Object[] r : rows.rows()) {
            ObjectNode o = list.addObject();
            for (int i = 0; i < r.length; i++) {
                put(o, rows.columns().get(i), r[i]);
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IcpException("cannot write the metrics as JSON: " + e.getMessage(), e);
        }
    }

    private static void put(ObjectNode o, String field, Object v) {
        if (v == null) {
            o.putNull(field);
        } else if (v instanceof Boolean b) {
            o.put(field, b);
        } else if (v instanceof Long l) {
            o.put(field, l);
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                o.put(field, d);
            } else {
                o.putNull(field);
            }
        } else if (v instanceof List<?> list) {
            ArrayNode a = o.putArray(field);
            list.forEach(x -> a.add(x == null ? null : x.toString()));
        } else {
            o.put(field, v.toString());
        }
    }

    // ------------------------------------------------------------------------------------------- converters

    /** Parses {@code --format}, case-insensitively. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected table, csv or json, got '" + value + "'");
            }
        }
    }
}
