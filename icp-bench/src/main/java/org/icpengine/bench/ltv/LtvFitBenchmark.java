package org.icpengine.bench.ltv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.icpengine.stats.ltv.BgNbdModel;
import org.icpengine.stats.ltv.BgNbdTrainer;
import org.icpengine.stats.ltv.GammaGammaModel;
import org.icpengine.stats.ltv.GammaGammaTrainer;
import org.icpengine.stats.ltv.ParetoNbdModel;
import org.icpengine.stats.ltv.ParetoNbdTrainer;
import org.icpengine.stats.ltv.SbgModel;
import org.icpengine.stats.ltv.SbgTrainer;
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
 * Maximum-likelihood fits of the lifetime-value models on the CDNOW calibration sample (2357
 * customers); budget (DESIGN.md): BG/NBD fit in at most 50 ms warm. The Pareto/NBD, Gamma-Gamma and
 * sBG fits are measured beside it for comparison.
 *
 * <p>The CDNOW summary is read in {@link #setup()} from {@link #cdnow}, by default the shared reference
 * file resolved from the working directory (the repository root when run through
 * {@code bench/jmh.sh}); override with {@code -p cdnow=/path/to/file.csv} or the system property
 * {@code icp.cdnow}. Run: {@code bench/jmh.sh LtvFitBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class LtvFitBenchmark {

    static final String DEFAULT_CDNOW = "../shared/data/reference/cdnow/cdnow_customers_summary_with_transactions.csv";

    /** Path of the CDNOW summary CSV (ID, x, t_x, T, zbar); empty: system property {@code icp.cdnow} or the default. */
    @Param("")
    String cdnow;

    private int[] x;
    private double[] tx;
    private double[] t;
    private double[] zbar;
    private final double[] highEnd = {100.0, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1};

    @Setup
    public void setup() throws IOException {
        String configured = cdnow.isEmpty() ? System.getProperty("icp.cdnow", DEFAULT_CDNOW) : cdnow;
        Path path = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isReadable(path)) {
            throw new UncheckedIOException(new IOException("CDNOW summary not found at " + path
                    + " (run from the repository root, or pass -p cdnow=PATH)"));
        }
        List<String> lines = Files.readAllLines(path);
        int n = lines.size() - 1;
        x = new int[n];
        tx = new double[n];
        t = new double[n];
        zbar = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).trim().split(",");
            x[i] = Integer.parseInt(f[1].trim());
            tx[i] = Double.parseDouble(f[2].trim());
            t[i] = Double.parseDouble(f[3].trim());
            zbar[i] = Double.parseDouble(f[4].trim());
        }
    }

    @Benchmark
    public BgNbdModel bgNbdFit() {
        return new BgNbdTrainer().fit(x, tx, t);
    }

    @Benchmark
    public ParetoNbdModel paretoNbdFit() {
        return new ParetoNbdTrainer().fit(x, tx, t);
    }

    @Benchmark
    public GammaGammaModel gammaGammaFit() {
        return new GammaGammaTrainer().fit(x, zbar);
    }

    @Benchmark
    public SbgModel sbgFit() {
        return new SbgTrainer().fitSurvivalPercent(highEnd, 1000);
    }
}
