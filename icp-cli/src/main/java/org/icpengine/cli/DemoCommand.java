package org.icpengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.icpengine.core.config.ConfigLoader;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.demo.DemoSummary;
import org.icpengine.core.demo.DemoTable;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.ingest.IngestReport;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.metrics.MetricsRun;
import org.icpengine.core.pipeline.discover.Discovery;
import org.icpengine.core.pipeline.discover.DiscoveryReport;
import org.icpengine.core.pipeline.exports.ExportReport;
import org.icpengine.core.pipeline.exports.Exports;
import org.icpengine.core.pipeline.model.FitReport;
import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.Models;
import org.icpengine.core.pipeline.validate.Validation;
import org.icpengine.core.pipeline.validate.ValidationReport;
import org.icpengine.core.segments.Segment;
import org.icpengine.core.segments.SegmentQuery;
import org.icpengine.core.segments.SegmentTable;
import org.icpengine.core.segments.Segments;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code icp demo}: generates a realistic B2B SaaS company with a planted ICP, writes its CSVs and an
 * {@code icp.yaml} mapping them, ingests, and runs the whole pipeline in one store session: metrics, segments
 * (the best few printed), discover ({@code out/discover.json}), fit ({@code out/models/}), validate
 * ({@code out/validation.json}) and the team exports ({@code out/exports/}); then prints where everything is and the
 * planted profile beside the top discovered rule.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a demo company (accounts, deals, subscriptions, usage, NPS, tickets, spend,",
                "research notes) with a planted Ideal Customer Profile, then ingest it and run the whole pipeline:",
                "metrics, segments, discover, fit, validate and export, with their outputs under out/.",
                "The same seed always writes byte-identical files."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "" + DemoSettings.DEFAULT_ACCOUNTS,
            description = "Number of accounts, prospects and customers (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DemoSettings.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "demo",
            description = "Workspace folder to write (default: ${DEFAULT-VALUE}); replaced if it is an earlier demo.")
    Path dir;

    /** Segments printed in the summary. */
    private static final int SHOWN_SEGMENTS = 3;

    /** The seed of the fitted models: the default of {@code icp fit}, so that re-running it writes the same files. */
    private static final long FIT_SEED = 42;

    @Override
    public Integer call() throws IOException {
        if (accounts < 50 || accounts > DemoSettings.MAX_ACCOUNTS) {
            throw new InputException("--accounts must be between 50 and " + DemoSettings.MAX_ACCOUNTS + ", got " + accounts);
        }
        Path ws = dir.toAbsolutePath().normalize();
        prepare(ws);
        PrintWriter out = spec.commandLine().getOut();
        Consumer<String> progress = Progress.toTerminal(spec.commandLine().getErr());
        progress.accept("generating a demo company of " + accounts + " accounts in " + ws);
        long t0 = System.nanoTime();
        DemoSummary demo = DemoGenerator.of(DemoSettings.defaults().withAccounts(accounts).withSeed(seed)).generate(ws);
        long t1 = System.nanoTime();
        Workspace workspace = Workspace.open(ws);
        IngestReport report = Ingestor.run(workspace, progress);
        long t2 = System.nanoTime();

        out.printf(Locale.ROOT, "Demo company written to %s (seed %d, as of %s)%n", ws, seed, demo.settings().asOf());
        out.printf(Locale.ROOT, "  %,d accounts, %,d customers; %,d usage events; %.1f MB of CSV in %.1f s%n",
                demo.rows("accounts"), demo.customers(), demo.rows("usage_events"), demo.dataBytes() / 1e6,
                (t1 - t0) / 1e9);
        out.println();
        IngestCommand.print(out, workspace, report);
        out.printf(Locale.ROOT, "Ingested in %.1f s into %s%n", (t2 - t1) / 1e9, IngestCommand.relative(workspace, workspace.storeFile()));
        out.println();
        out.println("Data files:");
        for (DemoTable t : demo.tables()) {
            out.printf(Locale.ROOT, "  %-16s %s%n", t.table(), IngestCommand.relative(workspace, t.path()));
        }
        out.println("The generator planted an ICP, recorded in " + IngestCommand.relative(workspace, demo.truthFile())
                + " for checking; the engine never reads it.");
        out.println();
        out.println();
        out.flush();
        pipeline(workspace, demo, out, progress);
        out.println("Report:          " + org.icpengine.core.report.Reports.run(workspace, null).file());
        out.println();
        out.println("Next: open the report, serve the API, or re-run the steps yourself:");
        out.println("  ./icp report --open --workspace " + dir);
        out.println("  ./icp serve --workspace " + dir + "      (prints the URL and an API key)");
        out.println("  ./icp ingest --workspace " + dir);
        out.println("  ./icp metrics --workspace " + dir);
        out.println("  ./icp segments --by industry,employees_band --workspace " + dir);
        out.println("  ./icp discover --workspace " + dir);
        out.println("  ./icp fit --workspace " + dir);
        out.println("  ./icp validate --workspace " + dir);
        out.println("  ./icp export --workspace " + dir);
        out.flush();
        return ExitCodes.OK;
    }

    /** Runs every pipeline step on the ingested demo in one store session and prints a short summary of each. */
    private static void pipeline(Workspace ws, DemoSummary demo, PrintWriter out, Consumer<String> progress) {
        WorkspaceConfig config = ws.config();
        long start = System.nanoTime();
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            store.ensureSchema(config);
            LocalDate asOf = AccountMetrics.on(engine, config).defaultAsOf();
            out.printf(Locale.ROOT, "Pipeline as of %s:%n", asOf);

            progress.accept("computing account metrics");
            long t = System.nanoTime();
            MetricsRun metrics = AccountMetrics.on(engine, config).compute(asOf);
            out.printf(Locale.ROOT, "  metrics   %,d accounts, %,d customers (table %s)%s%n", metrics.accounts(),
                    metrics.customers(), AccountMetrics.TABLE, seconds(t));

            progress.accept("ranking segments");
            t = System.nanoTime();
            SegmentTable segments = Segments.compute(engine, config,
                    SegmentQuery.by("industry", "employees_band").asOf(asOf));
            out.printf(Locale.ROOT, "  segments  %,d of industry x employees_band; best by ICP index:%s%n",
                    segments.segments().size(), seconds(t));
            for (Segment s : segments.segments().subList(0, Math.min(SHOWN_SEGMENTS, segments.segments().size()))) {
                out.printf(Locale.ROOT, "              %d. %-28s index %5.0f  %,5d accounts, %,4d customers%s%n",
                        s.icpRank(), s.label(), s.icpIndex(), s.accounts(), s.customers(), s.small() ? " (small)" : "");
            }

            progress.accept("discovering the ICP");
            t = System.nanoTime();
            DiscoveryReport discovery = Discovery.run(engine, config, asOf);
            Path discoverFile = Discovery.write(discovery, ws.outDir());
            out.printf(Locale.ROOT, "  discover  %d indicators, %d rules, %d personas -> %s%s%n",
                    discovery.indicators().size(), discovery.rules().size(), discovery.personas().size(),
                    IngestCommand.relative(ws, discoverFile), seconds(t));

            progress.accept("fitting the scorecards");
            t = System.nanoTime();
            FitReport fit = Models.fit(engine, config, asOf, FIT_SEED);
            Path models = FitCommand.writeModels(ws, fit);
            List<String> names = fit.models().stream().map(ModelFile::name).toList();
            out.printf(Locale.ROOT, "  fit       %s -> %s/%s%n", names.isEmpty() ? "no model" : String.join(", ", names),
                    IngestCommand.relative(ws, models), seconds(t));
            for (FitReport.Skipped s : fit.skipped()) {
                out.println("              skipped " + s.model() + ": " + s.reason());
            }

            progress.accept("validating");
            t = System.nanoTime();
            out.printf(Locale.ROOT, "  validate  %s%s%n", validate(engine, ws, asOf), seconds(t));

            progress.accept("writing the team exports");
            t = System.nanoTime();
            ExportReport exports = Exports.run(engine, config, asOf, ws.outDir());
            out.printf(Locale.ROOT, "  export    %s -> %s/%s%n", String.join(", ",
                    exports.files().stream().map(f -> f.name() + " (" + f.rows() + ")").toList()),
                    IngestCommand.relative(ws, exports.dir()), seconds(t));

            out.printf(Locale.ROOT, "Pipeline done in %.1f s; outputs under %s/%n", (System.nanoTime() - start) / 1e9,
                    IngestCommand.relative(ws, ws.outDir()));
            out.println();
            out.println("Planted ICP:     " + demo.planted().describe() + " (from " + demo.truthFile().getFileName() + ")");
            out.println("Top rule found:  " + (discovery.rules().isEmpty()
                    ? "none (" + discovery.skipped().getOrDefault("rules", "no rule passed the thresholds") + ")"
                    : discovery.rules().get(0).sentence()));
        }
        out.flush();
    }

    /**
     * The validate step: the time-split backtest of every scorecard ({@link Validation#run}, seed 42 as
     * {@code icp validate}), written to {@code out/validation.json}; returns a one-line summary with each model's
     * test AUC.
     */
    static String validate(Engine engine, Workspace ws, LocalDate asOf) {
        ValidationReport report = Validation.run(engine, ws.config(), asOf, FIT_SEED);
        Path file = Validation.write(report, ws.outDir());
        List<String> parts = new ArrayList<>();
        for (ValidationReport.ModelValidation m : report.models()) {
            parts.add(m.auc() == null ? m.name() : String.format(Locale.ROOT, "%s AUC %.3f", m.name(), m.auc().estimate()));
        }
        for (ValidationReport.Skipped s : report.skipped()) {
            parts.add(s.model() + " skipped");
        }
        return (parts.isEmpty() ? "no model" : "test " + String.join(", ", parts)) + " -> "
                + IngestCommand.relative(ws, file);
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "  (%.1f s)", (System.nanoTime() - startNanos) / 1e9);
    }

    /** Refuses to overwrite a folder that is not an earlier demo; clears an earlier demo's store and outputs. */
    private static void prepare(Path ws) throws IOException {
        if (!Files.exists(ws)) {
            return;
        }
        if (!Files.isDirectory(ws)) {
            throw new InputException(ws + " exists and is not a folder; choose another --dir");
        }
        boolean earlierDemo = Files.exists(ws.resolve("demo-truth.json"));
        boolean empty;
        try (Stream<Path> s = Files.list(ws)) {
            empty = s.findAny().isEmpty();
        }
        if (!earlierDemo && !empty) {
            throw new InputException(ws + " is not empty and holds no earlier demo (no demo-truth.json); "
                    + "choose another --dir so that nothing of yours is overwritten");
        }
        for (String sub : new String[] {".icp", "out"}) {
            Path p = ws.resolve(sub);
            if (Files.exists(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        }
        Files.deleteIfExists(ws.resolve(ConfigLoader.FILE_NAME));
    }
}
