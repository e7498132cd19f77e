package org.icpengine.bench.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.icpengine.stats.scorecard.Feature;
import org.icpengine.stats.scorecard.Scorecard;
import org.icpengine.stats.scorecard.ScorecardScorer;
import org.icpengine.stats.scorecard.ScorecardTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * In-memory scorecard scoring on one thread (DESIGN.md budget: at least 10^6 accounts/s/core). The
 * scorecard has 8 numeric and 2 categorical criteria (10 categories each), trained on 200,000 seeded
 * synthetic accounts; 10^6 other accounts are scored, about 2% of values missing. Scores are reported
 * as accounts per second: {@code columns} scores the whole batch column by column,
 * {@code rows} one account at a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class ScorecardScoringBenchmark {

    static final int ACCOUNTS = 1_000_000;
    private static final int NUMERIC = 8;
    private static final int CATEGORICAL = 2;

    private ScorecardScorer scorer;
    private double[][] numeric;
    private String[][] categorical;
    private double[][] numericRows;
    private String[][] categoricalRows;
    private int[] out;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        int train = 200_000;
        double[][] tn = new double[NUMERIC + CATEGORICAL][];
        String[][] tc = new String[NUMERIC + CATEGORICAL][];
        int[] labels = new int[train];
        generate(rnd, train, tn, tc, labels);
        List<Feature> features = new ArrayList<>();
        for (int c = 0; c < NUMERIC; c++) {
            features.add(Feature.numeric("n" + c, tn[c]));
        }
        for (int c = NUMERIC; c < NUMERIC + CATEGORICAL; c++) {
            features.add(Feature.categorical("c" + c, tc[c]));
        }
        Scorecard scorecard = ScorecardTrainer.defaults().fit(features, labels);
        scorer = scorecard.scorer();

        numeric = new double[NUMERIC + CATEGORICAL][];
        categorical = new String[NUMERIC + CATEGORICAL][];
        generate(rnd, ACCOUNTS, numeric, categorical, new int[ACCOUNTS]);
        numericRows = new double[ACCOUNTS][NUMERIC + CATEGORICAL];
        categoricalRows = new String[ACCOUNTS][NUMERIC + CATEGORICAL];
        for (int i = 0; i < ACCOUNTS; i++) {
            for (int c = 0; c < NUMERIC; c++) {
                numericRows[i][c] = numeric[c][i];
            }
            for (int c = NUMERIC; c < NUMERIC + CATEGORICAL; c++) {
                categoricalRows[i][c] = categorical[c][i];
            }
        }
        out = new int[ACCOUNTS];
    }

    private static void generate(SplittableRandom rnd, int n, double[][] num, String[][] cat, int[] labels) {
        String[] names = new String[10];
        for (int v = 0; v < names.length; v++) {
            names[v] = "category-" + v;
        }
        for (int c = 0; c < NUMERIC; c++) {
            num[c] = new double[n];
        }
        for (int c = NUMERIC; c < NUMERIC + CATEGORICAL; c++) {
            cat[c] = new String[n];
        }
        for (int i = 0; i < n; i++) {
            double eta = -1;
            for (int c = 0; c < NUMERIC; c++) {
                double v = rnd.nextGaussian();
                eta += (c % 2 == 0 ? 0.5 : -0.3) * v;
                num[c][i] = rnd.nextDouble() < 0.02 ? Double.NaN : v;
            }
            for (int c = NUMERIC; c < NUMERIC + CATEGORICAL; c++) {
                int v = rnd.nextInt(names.length);
                eta += 0.1 * (v - 4.5);
                cat[c][i] = rnd.nextDouble() < 0.02 ? null : names[v];
            }
            labels[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public int[] columns() {
        scorer.score(numeric, categorical, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public void rows(Blackhole bh) {
        for (int i = 0; i < ACCOUNTS; i++) {
            bh.consume(scorer.score(numericRows[i], categoricalRows[i]));
        }
    }
}
