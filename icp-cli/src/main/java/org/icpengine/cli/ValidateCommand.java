package org.icpengine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.pipeline.validate.Validation;
import org.icpengine.core.pipeline.validate.ValidationReport;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.InputException;
import org.icpengine.stats.eval.GainsRow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icp validate}: the time-split backtest of every scorecard, written to {@code out/validation.json}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Backtest every scorecard (fit, conversion, health and the hand-written ones) on accounts it was",
                "not fitted on: the earliest 70% by cut-off date train, the latest 30% test, features point in time.",
                "Prints AUC with 95% interval, KS, Brier, lift by decile, outcomes per tier and PSI, with a verdict",
                "per model, and writes out/validation.json. A model the data cannot support is skipped with a note."},
        footer = {"", "Examples:", "  icp validate", "  icp validate --as-of 2026-06-30 --format json"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "Date to validate as of, yyyy-mm-dd (default: as_of of icp.yaml, else the latest date in the data).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            converter = DiscoverCommand.FormatConverter.class,
            description = "table (a readable report) or json (the whole report, as written to out/validation.json).")
    DiscoverCommand.Format format;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the bootstrap intervals (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        if (!ws.hasStore()) {
            throw new InputException("no store in " + ws.dir() + "; run 'icp ingest' first");
        }
        ValidationReport report;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            store.ensureSchema(ws.config());
            LocalDate date = asOf != null ? asOf : AccountMetrics.on(engine, ws.config()).defaultAsOf();
            report = Validation.run(engine, ws.config(), date, seed);
        }
        Path file = Validation.write(report, ws.outDir());
        PrintWriter out = spec.commandLine().getOut();
        if (format == DiscoverCommand.Format.JSON) {
            out.print(Validation.toJson(report));
        } else {
            out.print(table(report));
            out.println("Wrote " + file);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String table(ValidationReport r) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        out.printf(Locale.ROOT, "Validation as of %s: %d model%s validated, %d skipped%n", r.asOf(), r.models().size(),
                r.models().size() == 1 ? "" : "s", r.skipped().size());
        out.println();
        if (!r.models().isEmpty()) {
            out.println("Side by side (test split)");
            TextTable t = new TextTable(List.of("model", "kind", "train", "test", "AUC [95% DeLong]", "train AUC", "KS",
                    "Brier", "top-decile lift", "PSI test", "PSI now", "verdict"),
                    false, false, true, true, false, true, true, true, true, true, true, false);
            for (ValidationReport.ModelValidation m : r.models()) {
                t.row(m.name(), m.kind(), count(m.split().trainRows()), count(m.split().testRows()),
                        String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", m.auc().estimate(), m.auc().lower(), m.auc().upper()),
                        fixed(m.trainAuc(), 3), fixed(m.ks(), 3), m.brier() == null ? "-" : fixed(m.brier(), 3),
                        m.gains().isEmpty() ? "-" : fixed(m.gains().get(0).lift(), 2) + "×",
                        fixed(m.stability().psiTrainTest(), 2),
                        m.stability().psiTrainCurrent() == null ? "-" : fixed(m.stability().psiTrainCurrent(), 2),
                        m.verdict().split(":")[0]);
            }
            t.print(out);
        }
        for (ValidationReport.ModelValidation m : r.models()) {
            out.println();
            out.printf(Locale.ROOT, "%s (%s): %s%n", m.name(), m.kind(), m.verdict());
            out.println("  label: " + m.label());
            out.println("  population: " + m.population());
            ValidationReport.Split s = m.split();
            out.printf(Locale.ROOT, "  train: %,d accounts (%,d label 1), %s by %s %s to %s; test: %,d (%,d label 1), %s to %s%n",
                    s.trainRows(), s.trainPositives(), "ordered", s.splitBy(), s.trainFrom(), s.trainTo(), s.testRows(),
                    s.testPositives(), s.testFrom(), s.testTo());
            TextTable tiers = new TextTable(List.of("tier", "min score", "accounts", "label rate", "ideal rate", "win rate",
                    "median LTV", "median NRR", "median CAC", "median LTV/CAC"),
                    false, true, true, true, true, true, true, true, true, true);
            for (ValidationReport.TierOutcome o : m.tiers()) {
                tiers.row(o.tier(), o.minScore() == null ? "below" : o.minScore().toString(), count(o.accounts()),
                        percent(o.labelRate()), percent(o.idealRate()), percent(o.winRate()), money(o.medianLtv()),
                        o.medianNrr() == null ? "-" : fixed(o.medianNrr(), 2), money(o.medianCac()),
                        o.medianLtvCac() == null ? "-" : fixed(o.medianLtvCac(), 1));
            }
            tiers.print(out);
            StringBuilder lift = new StringBuilder("  lift by decile:");
            for (GainsRow g : m.gains()) {
                lift.append(String.format(Locale.ROOT, " %.1f", g.lift()));
            }
            out.println(lift);
            if (!m.calibration().isEmpty()) {
                StringBuilder cal = new StringBuilder("  calibration (predicted → observed):");
                m.calibration().forEach(b -> cal.append(String.format(Locale.ROOT, " %.0f%%→%.0f%%;",
                        100 * b.meanPredicted(), 100 * b.observedRate())));
                out.println(cal.substring(0, cal.length() - 1));
            }
            for (String n : m.notes()) {
                out.println("  note: " + n);
            }
        }
        if (!r.skipped().isEmpty()) {
            out.println();
        }
        for (ValidationReport.Skipped s : r.skipped()) {
            out.println("Skipped " + s.model() + ": " + s.reason());
        }
        out.println();
        out.println("Method: " + r.method().description());
        for (String n : r.notes()) {
            out.println("Note: " + n);
        }
        out.flush();
        return buffer.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String fixed(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String percent(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static String money(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }
}
