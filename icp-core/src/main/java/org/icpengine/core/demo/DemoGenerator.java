package org.icpengine.core.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.icpengine.errors.IcpException;
import org.icpengine.errors.InputException;

/**
 * The seeded demo-data generator: writes a complete workspace (eight CSV files under
 * {@code data/}, an {@code icp.yaml} that maps them, and {@code demo-truth.json}) describing a B2B
 * SaaS company with a planted ideal customer profile ({@link PlantedIcp#DEFAULT}).
 *
 * <pre>{@code
 * DemoSummary s = DemoGenerator.of(DemoSettings.defaults().withAccounts(500)).generate(dir);
 * }</pre>
 *
 * <p>The same settings always give byte-identical files, whatever the number of cores: every
 * account draws from its own random streams derived from the seed and its index, and the parallel
 * usage phase writes blocks in account order. The time line: accounts enter the funnel over the
 * 42 months before {@code as_of}; usage events cover the last 12 months plus 120 days (so the
 * 90-day usage window at {@code as_of} minus 12 months is complete); every date and timestamp is on
 * or before {@code as_of}.
 *
 * <p>Subscription rows follow one convention: an end date is the first day a row no longer counts
 * (an upgrade ends the old row and starts the new one on the same day), and a churned customer's
 * rows end on the last day of its final term, strictly before its next anniversary.
 *
 * <p>Files are written to temporary siblings and moved into place, so an I/O failure leaves no
 * half-written table under its final name. Instances are immutable and thread safe.
 */
public final class DemoGenerator {

    /** Months before {@code as_of} over which accounts enter the funnel. */
    static final int HISTORY_MONTHS = 42;
    /** Days of usage history before {@code as_of} minus 12 months. */
    static final int USAGE_LEAD_DAYS = 120;
    private static final int BLOCK_ACCOUNTS = 16;
    private static final byte[] OPP_PREFIX = ascii("OPP-");
    private static final byte[] SUB_PREFIX = ascii("SUB-");
    private static final byte[] TICKET_PREFIX = ascii("TCK-");

    private final DemoSettings settings;
    private final int threads;

    private DemoGenerator(DemoSettings settings, int threads) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.threads = threads;
    }

    /** This generator with a fixed number of usage worker threads (tests; 0 = one per core, at most 8). */
    DemoGenerator withThreads(int count) {
        return new DemoGenerator(settings, count);
    }

    /** A generator with the given settings. */
    public static DemoGenerator of(DemoSettings settings) {
        return new DemoGenerator(settings, 0);
    }

    /** A generator with {@link DemoSettings#defaults()}: 5000 accounts, seed 42, as_of 2026-06-30. */
    public static DemoGenerator withDefaults() {
        return new DemoGenerator(DemoSettings.defaults(), 0);
    }

    /** The settings of this generator. */
    public DemoSettings settings() {
        return settings;
    }

    /** The profile this generator plants. */
    public PlantedIcp plantedIcp() {
        return PlantedIcp.DEFAULT;
    }

    /**
     * Writes the demo workspace into {@code workspaceDir} (created if missing) and returns what was
     * written. Existing files of the same names ({@code icp.yaml}, {@code demo-truth.json},
     * {@code data/<table>.csv}) are replaced; nothing else in the directory is touched.
     *
     * @throws InputException if {@code workspaceDir} exists and is not a directory, or cannot be
     *                        written
     */
    public DemoSummary generate(Path workspaceDir) {
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        Path ws = workspaceDir.toAbsolutePath().normalize();
        if (Files.exists(ws) && !Files.isDirectory(ws)) {
            throw new InputException("demo workspace " + ws + " exists and is not a directory");
        }
        try {
            Path data = Files.createDirectories(ws.resolve("data"));
            return write(ws, data);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException("cannot write the demo workspace " + ws + ": " + e.getMessage(), e);
        }
    }

    private DemoSummary write(Path ws, Path data) throws IOException {
        LocalDate asOf = settings.asOf();
        int asOfDay = (int) asOf.toEpochDay();
        LocalDate first = asOf.minusMonths(HISTORY_MONTHS);
        int usageFrom = (int) asOf.minusMonths(12).minusDays(USAGE_LEAD_DAYS).toEpochDay();
        int idWidth = Math.max(5, Integer.toString(settings.accounts()).length());

        AccountSimulator simulator = new AccountSimulator(settings.seed(), asOf, (int) first.toEpochDay(), usageFrom, idWidth);
        Account[] accounts = new Account[settings.accounts()];
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = simulator.simulate(i);
        }

        List<DemoTable> tables = new ArrayList<>(ConfigWriter.TABLES.size());
        tables.add(writeAccounts(data, accounts));
        tables.add(writeOpportunities(data, accounts, asOfDay));
        tables.add(writeSubscriptions(data, accounts));
        long[] events = new long[accounts.length];
        int workers = threads > 0 ? threads : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        tables.add(writeUsage(data, accounts, new UsageGenerator(settings.seed(), usageFrom, asOfDay), events, workers));
        tables.add(writeNps(data, accounts));
        tables.add(writeTickets(data, accounts));
        tables.add(writeSpend(data, SpendPlanner.plan(accounts, first.withDayOfMonth(1), asOf, settings.seed())));
        tables.add(writeNotes(data, accounts));

        Path config = writeText(ws.resolve("icp.yaml"), ConfigWriter.render(settings));
        Truth truth = Truth.of(settings, accounts, events, tables, usageFrom);
        Path truthFile = writeText(ws.resolve("demo-truth.json"), truth.toJson());
        return new DemoSummary(settings, ws, config, truthFile, tables, truth.customers(), truth.icpAccounts(),
                truth.icpCustomers(), PlantedIcp.DEFAULT);
    }

    // ------------------------------------------------------------------ tables

    private static DemoTable writeAccounts(Path data, Account[] accounts) throws IOException {
        try (CsvFile f = CsvFile.open(data.resolve("accounts.csv"), ConfigWriter.ACCOUNT_HEADER)) {
            StringBuilder tech = new StringBuilder(128);
            for (Account a : accounts) {
                CsvBuffer b = f.row();
                b.text(a.id).text(a.name).text(a.domain).text(a.industryLabel);
                if (a.employees < 0) {
                    b.text("NA");
                } else {
                    b.number(a.employees);
                }
                if (a.revenue < 0) {
                    b.empty();
                } else {
                    b.number(a.revenue);
                }
                tech.setLength(0);
                for (int t = 0; t < Catalog.TECH.length; t++) {
                    if (a.has(t)) {
                        tech.append(tech.length() == 0 ? "" : ";").append(Catalog.TECH[t]);
                    }
                }
                b.text(Catalog.COUNTRIES.get(a.country).name()).text(Catalog.REGIONS[a.region]).text(tech.toString())
                        .date(a.createdDay).text(a.channelLabel).text(Catalog.FUNDING[a.funding]);
                f.endRow();
            }
            return done(f, "accounts");
        }
    }

    private static DemoTable writeOpportunities(Path data, Account[] accounts, int asOfDay) throws IOException {
        try (CsvFile f = CsvFile.open(data.resolve("opportunities.csv"), ConfigWriter.DEAL_HEADER)) {
            long id = 0;
            for (Account a : accounts) {
                for (Account.Opportunity o : a.opportunities) {
                    CsvBuffer b = f.row();
                    b.id(OPP_PREFIX, ++id, 6).text(a.id).text(ConfigWriter.DEAL_TYPES[o.type()]);
                    String stage = o.stage() == Account.WON ? "Won" : o.stage() == Account.LOST ? "Lost"
                            : asOfDay - o.createdDay() > 30 ? "Engaging" : "Prospecting";
                    b.text(stage).date(o.createdDay());
                    if (o.closedDay() < 0) {
                        b.empty();
                    } else {
                        b.date(o.closedDay());
                    }
                    if (o.amountCents() < 0) {
                        b.empty();
                    } else {
                        b.number(o.amountCents() / 100);
                    }
                    b.text(o.product());
                    f.endRow();
                }
            }
            return done(f, "opportunities");
        }
    }

    private static DemoTable writeSubscriptions(Path data, Account[] accounts) throws IOException {
        try (CsvFile f = CsvFile.open(data.resolve("subscriptions.csv"), ConfigWriter.SUBSCRIPTION_HEADER)) {
            long id = 0;
            for (Account a : accounts) {
                for (Account.Subscription s : a.subscriptions) {
                    CsvBuffer b = f.row();
                    b.id(SUB_PREFIX, ++id, 6).text(a.id).text(s.product).bool(s.addon).date(s.startDay);
                    if (s.endDay < 0) {
                        b.empty();
                    } else {
                        b.date(s.endDay);
                    }
                    b.money(s.mrrCents);
                    f.endRow();
                }
            }
            return done(f, "subscriptions");
        }
    }

    private static DemoTable writeUsage(Path data, Account[] accounts, UsageGenerator usage, long[] events, int threads)
            throws IOException {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "icp-demo-usage-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (CsvFile f = CsvFile.open(data.resolve("usage_events.csv"), ConfigWriter.USAGE_HEADER)) {
            Deque<Future<Block>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < accounts.length || !pending.isEmpty()) {
                while (next < accounts.length && pending.size() < 3 * threads) {
                    int from = next;
                    int to = Math.min(accounts.length, from + BLOCK_ACCOUNTS);
                    pending.add(pool.submit(() -> block(accounts, from, to, usage, events)));
                    next = to;
                }
                Block block = await(pending.removeFirst());
                f.appendRows(block.bytes(), block.rows());
            }
            return done(f, "usage_events");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The usage rows of accounts {@code [from, to)}; fills their entries of {@code events}. */
    private static Block block(Account[] accounts, int from, int to, UsageGenerator usage, long[] events) {
        CsvBuffer buffer = new CsvBuffer(1 << 20);
        long rows = 0;
        for (int i = from; i < to; i++) {
            int n = usage.generate(accounts[i], buffer);
            events[i] = n;
            rows += n;
        }
        return new Block(buffer.toByteArray(), rows);
    }

    private record Block(byte[] bytes, long rows) {
    }

    private static Block await(Future<Block> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IcpException("demo generation was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IcpException("demo usage generation failed", cause);
        }
    }

    private static DemoTable writeNps(Path data, Account[] accounts) throws IOException {
        try (CsvFile f = CsvFile.open(data.resolve("nps_responses.csv"), ConfigWriter.NPS_HEADER)) {
            List<Account.NpsResponse> sorted = new ArrayList<>();
            for (Account a : accounts) {
                sorted.clear();
                sorted.addAll(a.nps);
                sorted.sort(Comparator.comparingLong(Account.NpsResponse::respondedAt));
                byte[] userPrefix = ascii(a.id + "-u");
                for (Account.NpsResponse n : sorted) {
                    f.row().text(a.id).id(userPrefix, n.user() + 1L, 3).timestamp(n.respondedAt()).number(n.score())
                            .text(n.comment());
                    f.endRow();
                }
            }
            return done(f, "nps_responses");
        }
    }

    private static DemoTable writeTickets(Path data, Account[] accounts) throws IOException {
        try (CsvFile f = CsvFile.open(data.resolve("support_tickets.csv"), ConfigWriter.TICKET_HEADER)) {
            long id = 0;
            for (Account a : accounts) {
                for (Account.Ticket t : a.tickets) {
                    CsvBuffer b = f.row();
                    b.id(TICKET_PREFIX, ++id, 7).text(a.id).timestamp(t.openedAt());
                    if (t.closedAt() < 0) {
                        b.empty();
                    } else {
                        b.timestamp(t.closedAt());
                    }
                    b.text(Catalog.PRIORITIES[t.priority()]).number(t.effortMinutes());
                    f.endRow();
                }
            }
            return done(f, "support_tickets");
        }
    }

    private static DemoTable writeSpend(Path data, List<SpendPlanner.Row> rows) throws IOException {
        try (CsvFile f = CsvFile.open(data.resolve("spend.csv"), ConfigWriter.SPEND_HEADER)) {
            for (SpendPlanner.Row r : rows) {
                boolean sales = r.channel() < 0;
                f.row().date(r.monthDay()).text(sales ? Catalog.SALES_CHANNEL : Catalog.CHANNELS[r.channel()])
                        .text(sales ? "sales" : "marketing").money(r.amountCents());
                f.endRow();
            }
            return done(f, "spend");
        }
    }

    private static DemoTable writeNotes(Path data, Account[] accounts) throws IOException {
        try (CsvFile f = CsvFile.open(data.resolve("research_notes.csv"), ConfigWriter.NOTE_HEADER)) {
            StringBuilder tags = new StringBuilder(96);
            for (Account a : accounts) {
                for (Account.Note n : a.notes) {
                    tags.setLength(0);
                    for (int p = 0; p < Catalog.PAIN_POINTS.length; p++) {
                        if ((n.painMask() & (1 << p)) != 0) {
                            tags.append(tags.length() == 0 ? "" : ";").append(Catalog.PAIN_POINTS[p]);
                        }
                    }
                    f.row().text(a.id).date(n.day()).text(Catalog.NOTE_SOURCES[n.source()]).number(n.cultureFit())
                            .text(tags.toString()).text(n.text());
                    f.endRow();
                }
            }
            return done(f, "research_notes");
        }
    }

    private static DemoTable done(CsvFile f, String table) throws IOException {
        long rows = f.dataRows();
        long bytes = f.commit();
        return new DemoTable(table, f.target(), rows, bytes);
    }

    private static Path writeText(Path target, String text) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, text.getBytes(StandardCharsets.UTF_8));
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
