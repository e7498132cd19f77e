package org.icpengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.icpengine.core.ingest.IngestReport;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.workspace.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code icp ingest}: loads every configured source into the store, all or nothing. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load every source of icp.yaml into the store (.icp/icp.duckdb) in one transaction.",
                "Rows that fail a check are rejected, never dropped: see out/rejected/<table>.csv.",
                "Exits 2, with the store unchanged, if a source cannot be read or lacks a required column."})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        IngestReport report = Ingestor.run(ws, Progress.toTerminal(spec.commandLine().getErr()));
        print(spec.commandLine().getOut(), ws, report);
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, Workspace ws, IngestReport report) {
        TextTable t = new TextTable(List.of("table", "file", "read", "loaded", "rejected"), false, false, true, true, true);
        for (IngestReport.FileResult f : report.files()) {
            t.row(f.table(), relative(ws, f.file()), f.read(), f.loaded(), f.rejected());
        }
        t.print(out);
        out.println();
        out.println("Read " + report.read() + " rows: " + report.loaded() + " loaded, " + report.rejected() + " rejected.");
        if (!report.rejectedFiles().isEmpty()) {
            out.println("Rejected rows (file, line, column, value, reason): "
                    + String.join(", ", report.rejectedFiles().stream().map(p -> relative(ws, p)).toList()));
        }
        out.flush();
    }

    static String relative(Workspace ws, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(ws.dir()) ? ws.dir().relativize(abs).toString() : abs.toString();
    }
}
