package org.icpengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.icpengine.core.config.ConfigLoader;
import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.demo.DemoSummary;
import org.icpengine.core.demo.DemoTable;
import org.icpengine.core.ingest.IngestReport;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code icp demo}: generates a realistic B2B SaaS company with a planted ICP, writes its CSVs and an
 * {@code icp.yaml} mapping them, ingests, and runs every pipeline step available.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a demo company (accounts, deals, subscriptions, usage, NPS, tickets, spend,",
                "research notes) with a planted Ideal Customer Profile, then ingest it and run the pipeline.",
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
        out.println("Next: look at the workspace's icp.yaml, or re-run the steps yourself:");
        out.println("  ./icp ingest --workspace " + dir);
        out.flush();
        return ExitCodes.OK;
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
