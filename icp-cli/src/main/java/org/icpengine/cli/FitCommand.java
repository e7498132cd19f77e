package org.icpengine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.pipeline.model.FitReport;
import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.Models;
import org.icpengine.core.pipeline.model.ScoringTable;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.InputException;
import org.icpengine.stats.scorecard.Tier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icp fit}: fits the learned scorecards, tiers the hand-written ones, and writes them under {@code out/models/}. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit the fit, conversion and health scorecards (binning, WoE, logistic regression, points,",
                "tiers) and tier the hand-written scorecards of icp.yaml. Prints each scoring table and writes",
                "out/models/<name>.json (the model), <name>.csv and <name>.md (the table for the playbook).",
                "A model the data cannot support is skipped with a note saying which data would enable it."},
        footer = {"", "Examples:", "  icp fit", "  icp fit --as-of 2026-06-30 --seed 7"})
final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "Date to fit as of, yyyy-mm-dd (default: as_of of icp.yaml, else the latest date in the data).")
    LocalDate asOf;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed recorded in the model files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        if (!ws.hasStore()) {
            throw new InputException("no store in " + ws.dir() + "; run 'icp ingest' first");
        }
        FitReport report;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            store.ensureSchema(ws.config());
            LocalDate date = asOf != null ? asOf : AccountMetrics.on(engine, ws.config()).defaultAsOf();
            report = Models.fit(engine, ws.config(), date, seed);
        }
        Path dir = writeModels(ws, report);
        print(report, dir, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** {@code out/models/} of a workspace. */
    static Path modelsDir(Workspace ws) {
        return ws.outDir().resolve("models");
    }

    /** Writes each model of a fit under {@code out/models/}: {@code <name>.json}, {@code .csv} and {@code .md}; removes skipped ones. */
    static Path writeModels(Workspace ws, FitReport report) {
        Path dir = FitCommand.modelsDir(ws);
        try {
            Files.createDirectories(dir);
            List<Path> stale = new ArrayList<>();
            for (FitReport.Skipped s : report.skipped()) {
                for (String ext : List.of(".json", ".csv", ".md")) {
                    stale.add(dir.resolve(s.model() + ext));
                }
            }
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
            for (ModelFile m : report.models()) {
                String base = m.write(dir).getFileName().toString().replace(".json", "");
                Files.writeString(dir.resolve(base + ".csv"), ScoringTable.csv(m), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(base + ".md"), ScoringTable.markdown(m), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new InputException("cannot write the models to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    static void print(FitReport report, Path dir, PrintWriter out) {
        for (ModelFile m : report.models()) {
            out.printf(Locale.ROOT, "Scorecard %s (%s)%s%n", m.name(), m.kind(),
                    m.settings().label().isEmpty() ? "" : ", label: " + m.settings().label());
            out.printf(Locale.ROOT, "  %,d %s as of %s%s%n", m.summary().rows(), m.summary().population(),
                    m.provenance().asOf(), Double.isNaN(m.summary().trainingAuc()) ? ""
                            : String.format(Locale.ROOT, "; training AUC %.3f", m.summary().trainingAuc()));
            TextTable t = new TextTable(List.of("criterion", "bin", "points"), false, false, true);
            for (ScoringTable.Row r : ScoringTable.rows(m)) {
                t.row(r.criterion(), r.bin(), Integer.toString(r.points()));
            }
            t.print(out);
            StringBuilder tiers = new StringBuilder("  tiers:");
            for (Tier tier : m.tiers()) {
                tiers.append(' ').append(tier.name()).append(tier.minScore() == Integer.MIN_VALUE ? " below"
                        : " >= " + tier.minScore()).append(String.format(Locale.ROOT, " (%.0f%%)", 100 * tier.trainingShare()))
                        .append(';');
            }
            out.println(tiers.substring(0, tiers.length() - 1));
            if (!m.ltvByTier().isEmpty()) {
                StringBuilder ltv = new StringBuilder("  expected LTV by tier:");
                m.ltvByTier().forEach((k, v) -> ltv.append(String.format(Locale.ROOT, " %s %,.0f;", k, v)));
                out.println(ltv.substring(0, ltv.length() - 1));
            }
            out.println();
        }
        for (FitReport.Skipped s : report.skipped()) {
            out.println("Skipped " + s.model() + ": " + s.reason());
        }
        for (String n : report.notes()) {
            out.println("Note: " + n);
        }
        out.printf(Locale.ROOT, "Wrote %d model%s to %s%n", report.models().size(), report.models().size() == 1 ? "" : "s", dir);
        out.flush();
    }
}
