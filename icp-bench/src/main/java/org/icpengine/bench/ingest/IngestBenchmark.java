package org.icpengine.bench.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.icpengine.core.ingest.IngestReport;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;

/**
 * End-to-end ingest benchmark (DESIGN.md budget: ingest of 10^7 usage events from CSV ≤ 2× DuckDB's
 * own {@code read_csv} of the same file into a table).
 *
 * <p>Generates a seeded usage-events CSV (and the accounts it references), then, alternating in one run,
 * times (a) DuckDB's {@code CREATE TABLE … AS SELECT * FROM read_csv(file)} into a fresh database file and
 * (b) {@code icp ingest} of the same file into a fresh workspace store. Prints each round and the ratio of
 * medians. Arguments: {@code [events] [rounds] [workdir]} (defaults 10000000, 3, target/bench-ingest).
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench-ingest").toAbsolutePath();
        int accounts = 100_000;
        Path data = work.resolve("data");
        Files.createDirectories(data);
        Path usage = data.resolve("usage_events.csv");
        Path accountsCsv = data.resolve("accounts.csv");
        if (!Files.exists(usage) || Files.size(usage) == 0 || lines(work) != events) {
            System.out.printf(Locale.ROOT, "generating %,d usage events for %,d accounts ...%n", events, accounts);
            generate(accountsCsv, usage, accounts, events);
            Files.writeString(work.resolve("events.txt"), Long.toString(events));
        }
        Files.writeString(work.resolve("icp.yaml"), "as_of: 2026-06-30\nsources:\n"
                + "  accounts: { path: data/accounts.csv }\n  usage_events: { path: data/usage_events.csv }\n");
        System.out.printf(Locale.ROOT, "file: %s (%,d bytes), cores: %d%n", usage, Files.size(usage),
                Runtime.getRuntime().availableProcessors());

        // load the native library once, so that neither side pays for it
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }
        double[] duck = new double[rounds];
        double[] icp = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            duck[r] = duckdbReadCsv(work, usage);
            icp[r] = icpIngest(work, events);
            System.out.printf(Locale.ROOT, "round %d: duckdb read_csv %.2f s, icp ingest %.2f s, ratio %.2f%n",
                    r + 1, duck[r], icp[r], icp[r] / duck[r]);
        }
        double d = median(duck);
        double i = median(icp);
        System.out.printf(Locale.ROOT, "RESULT events=%d duckdb_read_csv_s=%.2f icp_ingest_s=%.2f ratio=%.2f budget=2.00 %s%n",
                events, d, i, i / d, i / d <= 2.0 ? "within budget" : "OVER BUDGET");
    }

    private static long lines(Path work) throws IOException {
        Path f = work.resolve("events.txt");
        return Files.exists(f) ? Long.parseLong(Files.readString(f).trim()) : -1;
    }

    private static double duckdbReadCsv(Path work, Path usage) throws SQLException, IOException {
        Path db = work.resolve("baseline.duckdb");
        Files.deleteIfExists(db);
        Files.deleteIfExists(work.resolve("baseline.duckdb.wal"));
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE usage_events AS SELECT * FROM read_csv('" + usage.toString().replace("'", "''") + "')");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double icpIngest(Path work, long events) throws IOException {
        Path store = work.resolve(".icp");
        if (Files.exists(store)) {
            try (var walk = Files.walk(store)) {
                walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        long t0 = System.nanoTime();
        Workspace ws = Workspace.open(work);
        IngestReport report;
        try (Store s = Store.open(ws.storeFile())) {
            report = Ingestor.run(ws, s, Clock.systemUTC());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long loadedEvents = report.files().stream().filter(f -> f.table().equals("usage_events"))
                .mapToLong(IngestReport.FileResult::loaded).sum();
        if (loadedEvents != events) {
            throw new IllegalStateException("expected " + events + " events loaded, got " + loadedEvents);
        }
        return secs;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    /** Writes the accounts and a seeded usage-events CSV (ISO timestamps, 8 event names, a few users each). */
    public static void generate(Path accountsCsv, Path usage, int accounts, long events) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(accountsCsv, StandardCharsets.UTF_8)) {
            w.write("account_id,name,industry,employees\n");
            for (int a = 0; a < accounts; a++) {
                w.write("A" + a + ",Account " + a + ",SaaS," + (10 + a % 500) + "\n");
            }
        }
        List<String> names = new ArrayList<>(List.of("report_view", "report_export", "dashboard_view", "workflow_run",
                "workflow_create", "api_call", "integration_sync", "alert_create"));
        SplittableRandom rnd = new SplittableRandom(7);
        LocalDateTime start = LocalDateTime.of(2025, 7, 1, 0, 0);
        StringBuilder b = new StringBuilder(128);
        try (BufferedWriter w = Files.newBufferedWriter(usage, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write("account_id,user_id,occurred_at,event,quantity\n");
            for (long e = 0; e < events; e++) {
                int a = rnd.nextInt(accounts);
                LocalDateTime t = start.plusSeconds(rnd.nextLong(364L * 86400));
                b.setLength(0);
                b.append('A').append(a).append(",u").append(a).append('_').append(rnd.nextInt(8)).append(',')
                        .append(t.toLocalDate()).append('T');
                two(b, t.getHour()).append(':');
                two(b, t.getMinute()).append(':');
                two(b, t.getSecond()).append("Z,").append(names.get(rnd.nextInt(names.size()))).append(',')
                        .append(1 + rnd.nextInt(3)).append('\n');
                w.append(b);
            }
        }
    }

    private static StringBuilder two(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        return b.append(v);
    }
}
