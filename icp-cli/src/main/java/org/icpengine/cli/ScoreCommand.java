package org.icpengine.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.icpengine.core.pipeline.model.AccountFile;
import org.icpengine.core.pipeline.model.AccountScore;
import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.ModelScore;
import org.icpengine.core.pipeline.model.Reason;
import org.icpengine.core.pipeline.model.Scoring;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code icp score}: scores the accounts of a file with the models of {@code out/models/}. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score accounts from any file the sources understand (.csv .tsv .jsonl .parquet, read with",
                "the accounts mapping of icp.yaml) with the models 'icp fit' wrote. The output CSV has every input",
                "column, then per model: score, tier, probability, top three reasons gained and lost, missing",
                "inputs; and the expected value (P(win) x expected LTV of the fit tier). Rejected rows are",
                "reported with file, line, column and reason, and written to OUTPUT.rejected.csv."},
        footer = {"", "Examples:", "  icp score --input leads.csv --output leads-scored.csv",
                "  icp score --input leads.parquet --output fit.csv --model fit"})
final class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", required = true, description = "Accounts to score.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "CSV file to write.")
    Path output;

    @Option(names = {"-m", "--model"}, paramLabel = "NAME", split = ",",
            description = "Score with these models only (default: every model in out/models/).")
    List<String> only;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        List<ModelFile> models = new ArrayList<>(ModelFile.readAll(FitCommand.modelsDir(ws)));
        if (models.isEmpty()) {
            throw new InputException("no model in " + FitCommand.modelsDir(ws) + "; run 'icp fit' first");
        }
        if (only != null && !only.isEmpty()) {
            List<String> names = models.stream().map(ModelFile::name).toList();
            for (String n : only) {
                if (!names.contains(n)) {
                    throw new InputException("--model " + n + ": no such model; models: " + String.join(", ", names));
                }
            }
            models.removeIf(m -> !only.contains(m.name()));
        }
        Scoring scoring = Scoring.of(models, ws.config());
        AccountFile file = AccountFile.read(ws, input, Clock.systemUTC());
        write(file, scoring);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (AccountFile.Rejection r : file.rejected()) {
            err.printf(Locale.ROOT, "icp: rejected %s:%d column %s value '%s': %s%n", r.file(), r.line(), r.column(),
                    r.value(), r.reason());
        }
        if (!file.rejected().isEmpty()) {
            writeRejected(file.rejected(), rejectedFile());
        }
        out.printf(Locale.ROOT, "%s: read %,d = scored %,d + rejected %,d; models: %s%n", input, file.read(),
                file.rows().size(), file.rejected().size(), String.join(", ", models.stream().map(ModelFile::name).toList()));
        out.printf(Locale.ROOT, "Wrote %s%s%n", output, file.rejected().isEmpty() ? "" : " and " + rejectedFile());
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private Path rejectedFile() {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".rejected.csv");
    }

    private void write(AccountFile file, Scoring scoring) {
        List<String> header = new ArrayList<>(file.header());
        for (ModelFile m : scoring.models()) {
            for (String c : List.of("score", "tier", "probability", "reasons_gained", "reasons_lost", "missing_inputs")) {
                header.add(m.name() + "_" + c);
            }
        }
        header.add("expected_value");
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                line(w, header);
                for (int i = 0; i < file.rows().size(); i++) {
                    Function<String, Object> row = file.rows().get(i);
                    AccountScore s = scoring.score(row);
                    List<String> cells = new ArrayList<>(file.inputs().get(i));
                    for (ModelScore ms : s.scores()) {
                        cells.add(Integer.toString(ms.score()));
                        cells.add(ms.tier());
                        cells.add(number(ms.probability()));
                        cells.add(reasons(ms.gained()));
                        cells.add(reasons(ms.lost()));
                        cells.add(String.join(";", ms.missing()));
                    }
                    cells.add(Double.isNaN(s.expectedValue()) ? "" : String.format(Locale.ROOT, "%.2f", s.expectedValue()));
                    line(w, cells);
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    private static void writeRejected(List<AccountFile.Rejection> rejected, Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(w, List.of("file", "line", "column", "value", "reason"));
            for (AccountFile.Rejection r : rejected) {
                line(w, List.of(r.file(), Long.toString(r.line()), r.column(), r.value(), r.reason()));
            }
        } catch (IOException e) {
            throw new InputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reasons as {@code criterion = bin (+12)} joined by {@code "; "}. */
    private static String reasons(List<Reason> reasons) {
        List<String> parts = new ArrayList<>();
        for (Reason r : reasons) {
            parts.add(String.format(Locale.ROOT, "%s = %s (%+.0f)", r.criterion(), r.bin(), r.delta()));
        }
        return String.join("; ", parts);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.6f", v)).stripTrailingZeros().toPlainString();
    }

    private static void line(BufferedWriter w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                w.write('"' + c.replace("\"", "\"\"") + '"');
            } else {
                w.write(c);
            }
        }
        w.write('\n');
    }
}
