package org.icpengine.bench.score;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.icpengine.stats.binning.Bin;
import org.icpengine.stats.binning.BinKind;
import org.icpengine.stats.binning.VariableType;
import org.icpengine.stats.scorecard.Criterion;
import org.icpengine.stats.scorecard.Feature;
import org.icpengine.stats.scorecard.Scorecard;
import org.icpengine.stats.scorecard.ScorecardScorer;
import org.icpengine.stats.scorecard.ScorecardTrainer;

/**
 * Scoring budget of DESIGN.md: at least 10^6 accounts/s/core in memory, and scoring a 10^7-row CSV within
 * 1.5× a DuckDB CASE-sum query implementing the same scoring table, both measured in the same run.
 *
 * <p>A fit-like scorecard (employees, annual revenue, industry, country) is trained on 100,000 seeded synthetic
 * accounts. Then: (1) in memory, 10^6 accounts held as columns are scored by the compiled
 * {@link ScorecardScorer} on one thread; (2) a CSV of N accounts (default 10^7, written by DuckDB) is scored
 * by streaming its bytes through a plain CSV field splitter into the compiled scorer, against
 * (3) {@code SELECT sum(score), count(*) FROM (SELECT CASE … END + … AS score FROM read_csv(…))}, the table as SQL,
 * with DuckDB on one thread and on all threads. Both paths must give the same total score, which is checked.
 * Rounds alternate; the median of each is reported.
 *
 * <p>Usage: {@code ScoreFileBenchmark [rows] [rounds] [workdir]}.
 */
public final class ScoreFileBenchmark {

    private static final String[] INDUSTRIES = {"Fintech", "SaaS", "Healthcare", "Retail", "Manufacturing",
        "Education", "Media", "Logistics"};
    private static final String[] COUNTRIES = {"United States", "Germany", "France", "United Kingdom", "Brazil", "India"};

    private ScoreFileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench-score");
        Files.createDirectories(work);
        Scorecard card = train();
        ScorecardScorer scorer = card.scorer();

        double inMemory = inMemory(scorer);
        System.out.printf(Locale.ROOT, "in-memory: %,.0f accounts/s on one thread (budget >= 1,000,000)%n", inMemory);

        Path csv = work.resolve("accounts-" + rows + ".csv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            if (!Files.exists(csv)) {
                write(c, csv, rows);
            }
            String sql = caseSum(card, csv);
            List<Double> java = new ArrayList<>();
            List<Double> duck1 = new ArrayList<>();
            List<Double> duckAll = new ArrayList<>();
            int threads = Runtime.getRuntime().availableProcessors();
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                long[] mine = scoreCsv(scorer, csv);
                java.add((System.nanoTime() - t0) / 1e9);
                long[] theirs1 = duck(c, sql, 1, duck1);
                long[] theirsAll = duck(c, sql, threads, duckAll);
                if (mine[0] != theirs1[0] || mine[1] != theirs1[1] || mine[0] != theirsAll[0]) {
                    throw new IllegalStateException("the two scorings disagree: java " + mine[0] + "/" + mine[1]
                            + ", duckdb " + theirs1[0] + "/" + theirs1[1]);
                }
                System.out.printf(Locale.ROOT, "round %d: java %.2f s, duckdb 1 thread %.2f s, duckdb %d threads %.2f s"
                        + " (total score %d over %d rows)%n", r + 1, java.get(r), duck1.get(r), threads, duckAll.get(r),
                        mine[0], mine[1]);
            }
            double j = median(java);
            double d1 = median(duck1);
            double dn = median(duckAll);
            System.out.printf(Locale.ROOT, "file of %,d rows: java %.2f s (%,.0f rows/s), duckdb CASE-sum %.2f s on 1 thread,"
                    + " %.2f s on %d; ratio java/duckdb(1 thread) = %.2f (budget <= 1.5), java/duckdb(%d threads) = %.2f%n",
                    rows, j, rows / j, d1, dn, threads, j / d1, threads, j / dn);
        }
    }

    /** A scorecard of 2 numeric and 2 categorical criteria, trained on seeded synthetic accounts. */
    static Scorecard train() {
        int n = 100_000;
        SplittableRandom rnd = new SplittableRandom(17);
        double[] employees = new double[n];
        double[] revenue = new double[n];
        String[] industry = new String[n];
        String[] country = new String[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            employees[i] = rnd.nextInt(50) == 0 ? Double.NaN : Math.floor(Math.exp(rnd.nextDouble() * 9));
            revenue[i] = rnd.nextInt(50) == 0 ? Double.NaN : Math.floor(Math.exp(rnd.nextDouble() * 9) * 10_000);
            industry[i] = rnd.nextInt(50) == 0 ? null : INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
            country[i] = COUNTRIES[rnd.nextInt(COUNTRIES.length)];
            double eta = -1.5 + (industry[i] != null && industry[i].length() <= 7 ? 0.9 : 0)
                    + (employees[i] > 50 && employees[i] <= 200 ? 1.0 : 0) + (country[i].startsWith("U") ? 0.4 : 0);
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        return ScorecardTrainer.defaults().fit(List.of(Feature.numeric("employees", employees),
                Feature.numeric("annual_revenue", revenue), Feature.categorical("industry", industry),
                Feature.categorical("country", country)), y);
    }

    private static double inMemory(ScorecardScorer scorer) {
        int n = 1_000_000;
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] num = new double[4][];
        String[][] cat = new String[4][];
        num[0] = new double[n];
        num[1] = new double[n];
        cat[2] = new String[n];
        cat[3] = new String[n];
        for (int i = 0; i < n; i++) {
            num[0][i] = Math.floor(Math.exp(rnd.nextDouble() * 9));
            num[1][i] = Math.floor(Math.exp(rnd.nextDouble() * 9) * 10_000);
            cat[2][i] = INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
            cat[3][i] = COUNTRIES[rnd.nextInt(COUNTRIES.length)];
        }
        int[] out = new int[n];
        long sink = 0;
        for (int w = 0; w < 5; w++) {
            scorer.score(num, cat, out);
            sink += out[w];
        }
        int reps = 10;
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            scorer.score(num, cat, out);
            sink += out[r];
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (sink == 42) {
            System.out.print("");
        }
        return reps * (double) n / s;
    }

    private static void write(Connection c, Path csv, long rows) throws SQLException {
        StringBuilder ind = new StringBuilder("['");
        ind.append(String.join("', '", INDUSTRIES)).append("']");
        StringBuilder cty = new StringBuilder("['");
        cty.append(String.join("', '", COUNTRIES)).append("']");
        try (Statement s = c.createStatement()) {
            s.execute("SELECT setseed(0.5)");
            s.execute("COPY (SELECT 'A' || i AS account_id, "
                    + "CASE WHEN random() < 0.02 THEN NULL ELSE floor(exp(random() * 9))::BIGINT END AS employees, "
                    + "CASE WHEN random() < 0.02 THEN NULL ELSE floor(exp(random() * 9) * 10000)::BIGINT END AS annual_revenue, "
                    + "CASE WHEN random() < 0.02 THEN NULL ELSE " + ind + "[1 + floor(random() * " + INDUSTRIES.length
                    + ")::INT] END AS industry, " + cty + "[1 + floor(random() * " + COUNTRIES.length + ")::INT] AS country "
                    + "FROM range(" + rows + ") t(i)) TO '" + csv.toAbsolutePath().toString().replace("'", "''")
                    + "' (HEADER, DELIMITER ',')");
        }
    }

    /** The scoring table as one SQL expression per criterion, summed. */
    static String caseSum(Scorecard card, Path csv) {
        List<String> parts = new ArrayList<>();
        for (Criterion c : card.criteria()) {
            StringBuilder e = new StringBuilder("CASE WHEN ").append(c.name()).append(" IS NULL THEN ")
                    .append(c.pointsOf(c.binning().missingIndex()));
            List<Bin> bins = c.binning().bins();
            if (c.binning().type() == VariableType.NUMERIC) {
                for (int b = 0; b < bins.size() - 2; b++) {
                    e.append(" WHEN ").append(c.name()).append(" < ").append(bins.get(b).upper()).append(" THEN ")
                            .append(c.pointsOf(b));
                }
                e.append(" ELSE ").append(c.pointsOf(bins.size() - 2)).append(" END");
            } else {
                for (int b = 0; b < bins.size(); b++) {
                    if (bins.get(b).kind() == BinKind.CATEGORY) {
                        e.append(" WHEN ").append(c.name()).append(" IN (");
                        List<String> q = bins.get(b).categories().stream().map(x -> "'" + x.replace("'", "''") + "'").toList();
                        e.append(String.join(", ", q)).append(") THEN ").append(c.pointsOf(b));
                    }
                }
                e.append(" ELSE ").append(c.pointsOf(bins.size() - 2)).append(" END");
            }
            parts.add(e.toString());
        }
        return "SELECT sum(score)::BIGINT, count(*) FROM (SELECT " + String.join(" + ", parts) + " AS score FROM read_csv('"
                + csv.toAbsolutePath().toString().replace("'", "''") + "', header = true, columns = {'account_id': 'VARCHAR', "
                + "'employees': 'DOUBLE', 'annual_revenue': 'DOUBLE', 'industry': 'VARCHAR', 'country': 'VARCHAR'}))";
    }

    private static long[] duck(Connection c, String sql, int threads, List<Double> times) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            long t0 = System.nanoTime();
            try (ResultSet r = s.executeQuery(sql)) {
                r.next();
                long[] out = {r.getLong(1), r.getLong(2)};
                times.add((System.nanoTime() - t0) / 1e9);
                return out;
            }
        }
    }

    /**
     * Streams the CSV (unquoted fields, comma-separated, header first) through the compiled scorer in batches;
     * returns the total score and the row count.
     */
    static long[] scoreCsv(ScorecardScorer scorer, Path csv) throws IOException {
        int batch = 65_536;
        double[][] num = {new double[batch], new double[batch], null, null};
        String[][] cat = {null, null, new String[batch], new String[batch]};
        int[] out = new int[batch];
        Map<String, String> intern = new java.util.HashMap<>();
        long total = 0;
        long count = 0;
        byte[] buf = new byte[1 << 20];
        byte[] field = new byte[256];
        try (InputStream in = Files.newInputStream(csv)) {
            int len;
            boolean header = true;
            int col = 0;
            int flen = 0;
            int row = 0;
            while ((len = in.read(buf)) > 0) {
                for (int i = 0; i < len; i++) {
                    byte b = buf[i];
                    if (b == ',' || b == '\n') {
                        if (!header) {
                            switch (col) {
                                case 1 -> num[0][row] = flen == 0 ? Double.NaN : parseLong(field, flen);
                                case 2 -> num[1][row] = flen == 0 ? Double.NaN : parseLong(field, flen);
                                case 3 -> cat[2][row] = flen == 0 ? null : text(field, flen, intern);
                                case 4 -> cat[3][row] = flen == 0 ? null : text(field, flen, intern);
                                default -> { }
                            }
                        }
                        flen = 0;
                        col++;
                        if (b == '\n') {
                            col = 0;
                            if (header) {
                                header = false;
                            } else if (++row == batch) {
                                scorer.score(num, cat, out);
                                for (int s : out) {
                                    total += s;
                                }
                                count += row;
                                row = 0;
                            }
                        }
                    } else if (b != '\r' && flen < field.length) {
                        field[flen++] = b;
                    }
                }
            }
            if (row > 0) {
                int[] last = scorer.score(slice(num, row), slice(cat, row), row);
                for (int s : last) {
                    total += s;
                }
                count += row;
            }
        }
        return new long[] {total, count};
    }

    private static double parseLong(byte[] f, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v * 10 + (f[i] - '0');
        }
        return v;
    }

    private static String text(byte[] f, int n, Map<String, String> intern) {
        String s = new String(f, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        String known = intern.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private static double[][] slice(double[][] a, int n) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] == null ? null : java.util.Arrays.copyOf(a[i], n);
        }
        return out;
    }

    private static String[][] slice(String[][] a, int n) {
        String[][] out = new String[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] == null ? null : java.util.Arrays.copyOf(a[i], n);
        }
        return out;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
