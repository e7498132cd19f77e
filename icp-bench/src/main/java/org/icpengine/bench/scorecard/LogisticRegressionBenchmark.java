package org.icpengine.bench.scorecard;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.icpengine.stats.regression.LogisticModel;
import org.icpengine.stats.regression.LogisticTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * L2 logistic regression (lambda = 1, scikit-learn C = 1) on 10^6 seeded synthetic rows of 30 dense
 * standard-normal features with a known linear log-odds (DESIGN.md budget: at most 3 s on 2 cores).
 * One fit per invocation; {@code parallel=false} shows the single-thread time beside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class LogisticRegressionBenchmark {

    @Param("1000000")
    public int rows;

    @Param("30")
    public int columns;

    @Param({"true", "false"})
    public boolean parallel;

    private double[] x;
    private int[] y;
    private LogisticTrainer trainer;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom rnd = new SplittableRandom(20260630L);
        double[] beta = new double[columns];
        for (int j = 0; j < columns; j++) {
            beta[j] = (j % 3 == 0 ? 0 : 0.4) * (j % 2 == 0 ? 1 : -1) / Math.sqrt(1 + j / 10.0);
        }
        x = new double[rows * columns];
        y = new int[rows];
        for (int i = 0; i < rows; i++) {
            double eta = -0.7;
            for (int j = 0; j < columns; j++) {
                double v = rnd.nextGaussian();
                x[i * columns + j] = v;
                eta += beta[j] * v;
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        trainer = LogisticTrainer.l2(1.0).withParallel(parallel);
    }

    @Benchmark
    public LogisticModel fitL2() {
        return trainer.fit(x, columns, y);
    }
}
