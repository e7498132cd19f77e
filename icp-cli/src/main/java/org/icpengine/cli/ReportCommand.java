package org.icpengine.cli;

import java.awt.Desktop;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.icpengine.core.report.Reports;
import org.icpengine.core.workspace.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code icp report}: the self-contained HTML report of every pipeline result, written to
 * {@code out/reports/icp-report-<as_of>.html} and {@code out/reports/latest.html}. Reads the outputs under
 * {@code out/}; what is missing it computes in memory (see {@link Reports}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML report (opens with no network): the ICP in words, winning",
                "indicators, segments, ICP rules, personas, scoring tables, validation charts, retention and LTV per",
                "segment, and the four team outputs. Reads out/discover.json, out/models, out/validation.json and",
                "out/exports when present; computes in memory whatever is missing, with a note in its section."},
        footer = {"", "Examples:", "  icp report --open", "  icp report --as-of 2026-06-30"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "Date of the report, yyyy-mm-dd (default: as_of of icp.yaml, else the latest date in the data).")
    LocalDate asOf;

    @Option(names = "--open", description = "Open the report in the desktop's browser when possible.")
    boolean open;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        Reports.Written w = Reports.run(ws, asOf);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + w.file());
        out.println("  (copy: " + w.latest() + ")");
        if (open && !open(w.file())) {
            out.println("Could not open a browser here; open the file above yourself.");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Opens {@code file} with the desktop's browser: java.awt.Desktop, else xdg-open; false if neither works. */
    static boolean open(Path file) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(file.toUri());
                return true;
            }
        } catch (Exception | LinkageError e) {
            // no usable desktop: try xdg-open
        }
        try {
            Process p = new ProcessBuilder("xdg-open", file.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return !p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
