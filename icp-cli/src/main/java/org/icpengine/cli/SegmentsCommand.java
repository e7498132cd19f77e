package org.icpengine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.expr.ExpressionException;
import org.icpengine.core.segments.Estimate;
import org.icpengine.core.segments.Segment;
import org.icpengine.core.segments.SegmentMetric;
import org.icpengine.core.segments.SegmentQuery;
import org.icpengine.core.segments.SegmentTable;
import org.icpengine.core.segments.Segments;
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

/** {@code icp segments}: the segment table with intervals, shrunk values and the ICP index. */
@Command(name = "segments", mixinStandardHelpOptions = true,
        description = {"Group the accounts of the latest 'icp metrics' run by any dimensions and report, per segment:",
                "accounts, customers, conversion, win rate, AOV, CAC, LTV, LTV/CAC, NRR, 12-month logo retention,",
                "NPS, support load, usage and culture fit, with 95%% intervals and shrunk values, ranked by the ICP",
                "index (100 = the average account; weights in icp.yaml icp_index.weights).",
                "Segments below the minimum size are flagged, not hidden."},
        footer = {"", "Examples:",
                "  icp segments --by industry,employees_band",
                "  icp segments --by industry,has_snowflake --where \"region = 'EMEA'\" --format csv --output seg.csv"})
final class SegmentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--by", paramLabel = "DIMS", required = true, split = ",",
            description = "Dimensions to group by, comma-separated: industry, employees_band, revenue_band, country, "
                    + "region, acquisition_channel, has_<tech> (tech_stack_flags), custom category/boolean attributes.")
    List<String> by;

    @Option(names = "--where", paramLabel = "EXPR",
            description = "Only accounts for which this expression is true, e.g. \"region = 'EMEA' and employees >= 50\".")
    String where;

    @Option(names = "--min-size", paramLabel = "N",
            description = "Flag segments with fewer accounts than N (default: icp_index.min_size of icp.yaml).")
    Integer minSize;

    @Option(names = "--sort", paramLabel = "METRIC",
            description = "Sort by this column, descending (default: icp_index), e.g. win_rate, nrr_12m, accounts.")
    String sort;

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "Date of the account metrics to read, yyyy-mm-dd (default: the latest computed).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "table (aligned, for people), csv or json (every metric with intervals and shrunk values).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of standard output.")
    Path output;

    /** Output formats. */
    enum Format {
        TABLE, CSV, JSON
    }

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        SegmentQuery query = new SegmentQuery(by, where, minSize, sort, asOf);
        if (!ws.hasStore()) {
            throw new InputException("no store in " + ws.dir() + "; run 'icp ingest' and then 'icp metrics' first");
        }
        SegmentTable table;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            table = Segments.compute(engine, ws.config(), query);
        } catch (ExpressionException e) {
            throw new InputException("--where: " + e.getMessage(), e);
        }
        String currency = ws.config().currency();
        String text = switch (format) {
            case TABLE -> table(table, currency);
            case CSV -> csv(table);
            case JSON -> json(table, currency);
        };
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(text);
        } else {
            CsvText.write(output, text);
            out.println("Wrote " + table.segments().size() + " segments to " + output);
        }
        out.flush();
        return ExitCodes.OK;
    }

    // ------------------------------------------------------------------------------------------- table

    /** The metrics the aligned table shows, with their headers; csv and json show all of them. */
    private static final List<SegmentMetric> SHOWN = List.of(SegmentMetric.WIN_RATE, SegmentMetric.CONVERSION,
            SegmentMetric.RETAINED_12M, SegmentMetric.NRR_12M, SegmentMetric.LTV, SegmentMetric.CAC,
            SegmentMetric.LTV_CAC, SegmentMetric.AOV, SegmentMetric.NPS, SegmentMetric.TICKETS_PER_MONTH,
            SegmentMetric.ACTIVE_DAYS_PER_WEEK, SegmentMetric.CULTURE_FIT);

    static String table(SegmentTable t, String currency) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        out.printf(Locale.ROOT, "Segments by %s as of %s: %,d accounts in %,d segments, sorted by %s%n",
                String.join(", ", t.dimensions()), t.asOf(), t.population().accounts(), t.segments().size(), t.sort());
        if (t.where() != null) {
            out.println("Filter: " + t.where());
        }
        out.println();
        if (t.segments().isEmpty()) {
            out.println("No account passes the filter.");
            out.flush();
            return buffer.toString();
        }
        List<String> header = new ArrayList<>(List.of("#"));
        header.addAll(t.dimensions());
        header.addAll(List.of("accounts", "customers", "icp_index"));
        SHOWN.forEach(m -> header.add(m.metricName()));
        header.add("ltv_model");
        boolean[] right = new boolean[header.size()];
        for (int i = 0; i < right.length; i++) {
            right[i] = i == 0 || i > t.dimensions().size();
        }
        right[right.length - 1] = false;
        TextTable table = new TextTable(header, right);
        table.row(row(t, t.population(), "", true));
        int position = 0;
        for (Segment s : t.segments()) {
            table.row(row(t, s, (s.small() ? "*" : "") + (++position), false));
        }
        table.print(out);
        out.println();
        out.printf(Locale.ROOT, "* small segment: fewer than %d accounts (flagged, not hidden). Money in %s.%n",
                t.minSize(), currency);
        out.println("ICP index: 100 = the average account; weights " + weights(t.weights())
                + "; computed on shrunk values. The table shows raw estimates;");
        out.println("  --format csv or json adds 95% intervals, shrunk values and every metric.");
        for (String note : t.notes()) {
            out.println("Note: " + note);
        }
        out.flush();
        return buffer.toString();
    }

    private static Object[] row(SegmentTable t, Segment s, String position, boolean population) {
        List<Object> cells = new ArrayList<>();
        cells.add(position);
        for (String d : t.dimensions()) {
            cells.add(population ? (d.equals(t.dimensions().get(0)) ? "(all accounts)" : "")
                    : s.value(d) == null ? "(none)" : s.value(d));
        }
        cells.add(String.format(Locale.ROOT, "%,d", s.accounts()));
        cells.add(String.format(Locale.ROOT, "%,d", s.customers()));
        cells.add(Double.isNaN(s.icpIndex()) ? "-" : String.format(Locale.ROOT, "%.0f", s.icpIndex()));
        for (SegmentMetric m : SHOWN) {
            cells.add(human(m, s.metric(m).value()));
        }
        cells.add(s.ltvSource().name().toLowerCase(Locale.ROOT));
        return cells.toArray();
    }

    private static String human(SegmentMetric m, double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return switch (m) {
            case CONVERSION, WIN_RATE, RETAINED_12M -> String.format(Locale.ROOT, "%.0f%%", 100 * v);
            case NRR_12M, TICKETS_PER_MONTH, ACTIVE_DAYS_PER_WEEK, USAGE_TREND -> String.format(Locale.ROOT, "%.2f", v);
            case LTV_CAC, CULTURE_FIT, HIGH_VALUE_USE_CASES -> String.format(Locale.ROOT, "%.1f", v);
            case NPS -> String.format(Locale.ROOT, "%+.0f", v);
            default -> String.format(Locale.ROOT, "%,.0f", v);
        };
    }

    private static String weights(Map<String, Double> weights) {
        List<String> parts = new ArrayList<>();
        weights.forEach((k, v) -> {
            if (v > 0) {
                parts.add(k + " " + CsvText.plain(v));
            }
        });
        return String.join(", ", parts);
    }

    // ------------------------------------------------------------------------------------------- csv

    static String csv(SegmentTable t) {
        List<String> header = new ArrayList<>(List.of("scope", "position", "icp_rank"));
        header.addAll(t.dimensions());
        header.addAll(List.of("accounts", "customers", "small", "icp_index", "ltv_source"));
        for (SegmentMetric m : SegmentMetric.values()) {
            String n = m.metricName();
            header.addAll(List.of(n, n + "_lower", n + "_upper", n + "_shrunk", n + "_n"));
        }
        StringBuilder sb = new StringBuilder();
        CsvText.line(sb, header);
        CsvText.line(sb, csvRow(t, t.population(), "population", ""));
        int position = 0;
        for (Segment s : t.segments()) {
            CsvText.line(sb, csvRow(t, s, "segment", Integer.toString(++position)));
        }
        return sb.toString();
    }

    private static List<String> csvRow(SegmentTable t, Segment s, String scope, String position) {
        boolean population = scope.equals("population");
        List<String> cells = new ArrayList<>(List.of(scope, position, population ? "" : Integer.toString(s.icpRank())));
        for (String d : t.dimensions()) {
            Object v = population ? null : s.value(d);
            cells.add(v == null ? "" : v.toString());
        }
        cells.add(Long.toString(s.accounts()));
        cells.add(Long.toString(s.customers()));
        cells.add(Boolean.toString(s.small()));
        cells.add(CsvText.plain(s.icpIndex()));
        cells.add(s.ltvSource().name().toLowerCase(Locale.ROOT));
        for (SegmentMetric m : SegmentMetric.values()) {
            Estimate e = s.metric(m);
            cells.addAll(List.of(CsvText.plain(e.value()), CsvText.plain(e.lower()), CsvText.plain(e.upper()), CsvText.plain(e.shrunk()),
                    Long.toString(e.n())));
        }
        return cells;
    }

    // ------------------------------------------------------------------------------------------- json

    static String json(SegmentTable t, String currency) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("as_of", t.asOf().toString());
        ArrayNode dims = root.putArray("dimensions");
        t.dimensions().forEach(dims::add);
        if (t.where() == null) {
            root.putNull("where");
        } else {
            root.put("where", t.where());
        }
        root.put("min_size", t.minSize());
        root.put("sort", t.sort());
        root.put("currency", currency);
        ObjectNode w = root.putObject("weights");
        t.weights().forEach(w::put);
        root.set("population", segment(mapper, t, t.population(), 0));
        ArrayNode rows = root.putArray("segments");
        int position = 0;
        for (Segment s : t.segments()) {
            rows.add(segment(mapper, t, s, ++position));
        }
        ArrayNode notes = root.putArray("notes");
        t.notes().forEach(notes::add);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IcpException("cannot write the segments as JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectNode segment(ObjectMapper mapper, SegmentTable t, Segment s, int position) {
        ObjectNode n = mapper.createObjectNode();
        if (position > 0) {
            n.put("position", position);
            n.put("icp_rank", s.icpRank());
            ObjectNode key = n.putObject("dimensions");
            for (String d : t.dimensions()) {
                Object v = s.value(d);
                if (v == null) {
                    key.putNull(d);
                } else if (v instanceof Boolean b) {
                    key.put(d, b);
                } else {
                    key.put(d, v.toString());
                }
            }
        }
        n.put("accounts", s.accounts());
        n.put("customers", s.customers());
        n.put("small", s.small());
        number(n, "icp_index", s.icpIndex());
        n.put("ltv_source", s.ltvSource().name().toLowerCase(Locale.ROOT));
        ObjectNode metrics = n.putObject("metrics");
        for (SegmentMetric m : SegmentMetric.values()) {
            Estimate e = s.metric(m);
            ObjectNode o = metrics.putObject(m.metricName());
            number(o, "value", e.value());
            number(o, "lower", e.lower());
            number(o, "upper", e.upper());
            number(o, "shrunk", e.shrunk());
            o.put("n", e.n());
        }
        return n;
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
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
