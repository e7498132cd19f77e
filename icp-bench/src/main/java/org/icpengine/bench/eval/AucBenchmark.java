package org.icpengine.bench.eval;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.icpengine.stats.eval.Auc;
import org.icpengine.stats.eval.AucVariance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rank AUC (and its DeLong variance) of 10^7 seeded scores; budget: AUC in at most 2 s.
 *
 * <p>Scores are a standard normal shifted by 0.8 for positives (30 % of rows), rounded to 1e-4 so
 * that ties occur as in real scorecards. Run: {@code bench/jmh.sh AucBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class AucBenchmark {

    @Param("10000000")
    int n;

    private double[] scores;
    private boolean[] labels;

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(20240601L);
        scores = new double[n];
        labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextDouble() < 0.3;
            scores[i] = Math.round((rng.nextGaussian() + (labels[i] ? 0.8 : 0)) * 1e4) / 1e4;
        }
    }

    @Benchmark
    public double auc() {
        return Auc.of(scores, labels);
    }

    @Benchmark
    public AucVariance deLong() {
        return Auc.deLong(scores, labels);
    }
}
