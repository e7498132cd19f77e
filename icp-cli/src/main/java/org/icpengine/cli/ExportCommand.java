package org.icpengine.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.pipeline.exports.ExportReport;
import org.icpengine.core.pipeline.exports.Exports;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icp export}: writes the team outputs of DESIGN.md under {@code out/exports/}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the team outputs to out/exports/: marketing audiences (segments ranked by ICP index with",
                "the prospects left in each, and the prospects of the top segments), the sales priority list",
                "(prospects by expected value, tier, reasons; ready for CRM import), the product use-case view",
                "(adoption by tier and persona, use cases tied to ideal) and the CS watchlist (tier A/B customers",
                "with falling usage, detractor NPS or rising tickets). Uses the models of 'icp fit' and the personas",
                "of 'icp discover' when present; what cannot be computed is noted, never an error."},
        footer = {"", "Examples:", "  icp export", "  icp export --as-of 2026-06-30 --workspace my-icp"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "Date of the account metrics, yyyy-mm-dd (default: as_of of icp.yaml, else the latest date "
                    + "in the data); they are computed if not stored yet.")
    LocalDate asOf;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        if (!ws.hasStore()) {
            throw new InputException("no store in " + ws.dir() + "; run 'icp ingest' first");
        }
        ExportReport report;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            store.ensureSchema(ws.config());
            LocalDate date = asOf != null ? asOf : AccountMetrics.on(engine, ws.config()).defaultAsOf();
            report = Exports.run(engine, ws.config(), date, ws.outDir());
        }
        print(report, ws, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** Prints what was written and the notes. */
    static void print(ExportReport report, Workspace ws, PrintWriter out) {
        out.printf(Locale.ROOT, "Team exports as of %s in %s%n", report.asOf(), IngestCommand.relative(ws, report.dir()));
        for (ExportReport.File f : report.files()) {
            out.printf(Locale.ROOT, "  %-34s %,7d rows  %s%n", f.name(), f.rows(), f.about());
        }
        for (String n : report.notes()) {
            out.println("Note: " + n);
        }
        out.flush();
    }
}
