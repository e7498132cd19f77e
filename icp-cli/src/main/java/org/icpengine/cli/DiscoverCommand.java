package org.icpengine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.pipeline.discover.Discovery;
import org.icpengine.core.pipeline.discover.DiscoveryReport;
import org.icpengine.core.pipeline.discover.IcpRule;
import org.icpengine.core.pipeline.discover.Indicator;
import org.icpengine.core.pipeline.discover.Persona;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code icp discover}: winning indicators, ICP rules and personas, as a report and as {@code out/discover.json}. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = {"Find what your ideal customers have in common, measured on the mature customers whose 'ideal'",
                "outcome (icp.yaml) is known: winning indicators ranked by information value with WoE per bin,",
                "ICP rules found by subgroup discovery (size, ideal rate, lift, 95%% interval, median LTV/CAC),",
                "and personas (clusters of ideal customers) with their pain points and culture fit.",
                "Parts whose data are missing are skipped with a note. Always writes out/discover.json."},
        footer = {"", "Examples:", "  icp discover", "  icp discover --as-of 2025-12-31 --format json"})
final class DiscoverCommand implements Callable<Integer> {

    /** Indicators shown in the table; the JSON has all of them. */
    private static final int SHOWN_INDICATORS = 15;

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "Date of the account metrics, yyyy-mm-dd (default: as_of of icp.yaml, else the latest date "
                    + "in the data); they are computed if not stored yet.")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "table (a readable report) or json (the whole report, as written to out/discover.json).")
    Format format;

    /** Output formats. */
    enum Format {
        TABLE, JSON
    }

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        if (!ws.hasStore()) {
            throw new InputException("no store in " + ws.dir() + "; run 'icp ingest' first");
        }
        DiscoveryReport report;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            store.ensureSchema(ws.config());
            LocalDate date = asOf != null ? asOf : AccountMetrics.on(engine, ws.config()).defaultAsOf();
            report = Discovery.run(engine, ws.config(), date);
        }
        Path file = Discovery.write(report, ws.outDir());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            out.print(Discovery.toJson(report));
        } else {
            out.print(table(report));
            out.println();
            out.println("Wrote " + file);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String table(DiscoveryReport r) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        DiscoveryReport.Population p = r.population();
        out.printf(Locale.ROOT, "ICP discovery as of %s: %,d accounts, %,d customers, %,d mature, %,d labelled, %,d ideal%s%n",
                r.asOf(), p.accounts(), p.customers(), p.mature(), p.labelled(), p.ideal(),
                p.idealRate() == null ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100 * p.idealRate()));
        out.println("Ideal: " + r.ideal());

        out.println();
        out.println("1. Winning indicators (information value against ideal)");
        if (skipped(out, r, "indicators")) {
            TextTable t = new TextTable(List.of("#", "indicator", "group", "iv", "strength", "most ideal bin",
                    "ideal rate", "customers"), true, false, false, true, false, false, true, true);
            int i = 0;
            for (Indicator ind : r.indicators().subList(0, Math.min(SHOWN_INDICATORS, r.indicators().size()))) {
                Indicator.Bin best = ind.bins().stream().filter(b -> b.customers() > 0)
                        .max(java.util.Comparator.comparingDouble(Indicator.Bin::idealRate)).orElse(null);
                t.row(Integer.toString(++i), ind.name(), ind.group(), String.format(Locale.ROOT, "%.3f", ind.iv()),
                        ind.strength().name().toLowerCase(Locale.ROOT), best == null ? "-" : best.label(),
                        best == null ? "-" : percent(best.idealRate()),
                        best == null ? "-" : String.format(Locale.ROOT, "%,d", best.customers()));
            }
            t.print(out);
            out.printf(Locale.ROOT, "%d indicators; strength after Siddiqi (2006), 'suspicious' = IV >= 0.5, check it "
                    + "is not part of the outcome. WoE per bin in the JSON.%n", r.indicators().size());
        }

        out.println();
        out.println("2. ICP rules (subgroup discovery, StandardQF a = " + r.settings().alpha() + ", depth <= "
                + r.settings().maxDepth() + ")");
        if (skipped(out, r, "rules")) {
            if (r.rules().isEmpty()) {
                out.println("No rule found.");
            }
            TextTable t = new TextTable(List.of("#", "rule", "n", "ideal rate", "95% interval", "lift", "median LTV/CAC"),
                    true, false, true, true, true, true, true);
            int i = 0;
            for (IcpRule rule : r.rules()) {
                t.row(Integer.toString(++i), rule.expression(), String.format(Locale.ROOT, "%,d", rule.customers()),
                        percent(rule.idealRate()), percent(rule.idealRateLow()) + "–" + percent(rule.idealRateHigh()),
                        String.format(Locale.ROOT, "%.1f×", rule.lift()),
                        rule.medianLtvCac() == null ? "-" : String.format(Locale.ROOT, "%.1f", rule.medianLtvCac()));
            }
            t.print(out);
            i = 0;
            for (IcpRule rule : r.rules()) {
                out.printf(Locale.ROOT, "  %d. %s%n", ++i, rule.sentence());
            }
        }

        out.println();
        out.println("3. Personas (k-prototypes clusters of ideal customers)");
        if (skipped(out, r, "personas")) {
            for (Persona persona : r.personas()) {
                out.println("  " + persona.summary());
            }
            for (String part : List.of("pain_points", "culture_fit")) {
                String why = r.skipped().get(part);
                if (why != null) {
                    out.println("  Skipped " + part.replace('_', ' ') + ": " + why);
                }
            }
        }
        if (!r.notes().isEmpty()) {
            out.println();
            r.notes().forEach(n -> out.println("Note: " + n));
        }
        out.flush();
        return buffer.toString();
    }

    /** Prints the skip note of a part and returns false if it was skipped. */
    private static boolean skipped(PrintWriter out, DiscoveryReport r, String part) {
        Map<String, String> s = r.skipped();
        if (s.containsKey(part)) {
            out.println("Skipped: " + s.get(part));
            return false;
        }
        return true;
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    /** Parses {@code --format}, case-insensitively. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected table or json, got '" + value + "'");
            }
        }
    }
}
