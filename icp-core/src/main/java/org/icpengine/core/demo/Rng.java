package org.icpengine.core.demo;

import java.util.SplittableRandom;

/**
 * A seeded random source for one account and one purpose (a "stream"), built on
 * {@link SplittableRandom#nextLong()} only.
 *
 * <p>Every derived value (uniform doubles, bounded integers, normals, Poisson, beta) is computed
 * here from {@code nextLong()} rather than with the JDK's default methods, whose algorithms may
 * change between JDK releases, and transcendental functions use {@link StrictMath}, whose results
 * are specified to the bit; the generated files therefore depend only on the seed. Not thread
 * safe: each account and stream gets its own instance, which is what lets accounts be generated in
 * parallel and still deterministically.
 */
final class Rng {

    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private final SplittableRandom random;
    private double spareNormal;
    private boolean hasSpare;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Returns the random source for {@code stream} of the account at {@code index} under {@code seed}. */
    static Rng of(long seed, long index, int stream) {
        long h = mix(seed + 0x9E3779B97F4A7C15L * (index + 1));
        h = mix(h ^ (0xD1B54A32D192ED03L * (stream + 1)));
        return new Rng(h);
    }

    /** SplitMix64's finalizer (Steele, Lea and Flood 2014): a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0, 1). */
    double uniform() {
        return (random.nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** A uniform double in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * uniform();
    }

    /** True with probability {@code p} (never for p ≤ 0, always for p ≥ 1). */
    boolean chance(double p) {
        return uniform() < p;
    }

    /** A uniform integer in [0, bound); {@code bound} must be positive. */
    int below(int bound) {
        // Lemire's multiply-shift; the bias of at most bound / 2^32 is irrelevant here.
        return (int) (((random.nextLong() >>> 32) * bound) >>> 32);
    }

    /** A uniform integer in [lo, hi] (both inclusive). */
    int between(int lo, int hi) {
        return lo + below(hi - lo + 1);
    }

    /** A standard normal deviate (Marsaglia's polar method). */
    double normal() {
        if (hasSpare) {
            hasSpare = false;
            return spareNormal;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * uniform() - 1;
            v = 2 * uniform() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * StrictMath.log(s) / s);
        spareNormal = v * f;
        hasSpare = true;
        return u * f;
    }

    /** A normal deviate with the given mean and standard deviation. */
    double normal(double mean, double sd) {
        return mean + sd * normal();
    }

    /** A log-normal deviate whose logarithm has the given mean and standard deviation. */
    double logNormal(double mu, double sigma) {
        return StrictMath.exp(mu + sigma * normal());
    }

    /** An exponential deviate with the given mean. */
    double exponential(double mean) {
        return -mean * StrictMath.log(1 - uniform());
    }

    /**
     * A Poisson deviate with mean {@code lambda}: Knuth's product method below 30, a rounded
     * normal approximation above. Returns 0 for {@code lambda <= 0}.
     */
    int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda < 30) {
            double limit = StrictMath.exp(-lambda);
            double product = uniform();
            int k = 0;
            while (product > limit) {
                product *= uniform();
                k++;
            }
            return k;
        }
        return Math.max(0, (int) Math.round(normal(lambda, Math.sqrt(lambda))));
    }

    /** A gamma deviate with the given shape and unit scale (Marsaglia and Tsang 2000). */
    double gamma(double shape) {
        if (shape < 1) {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
            return gamma(shape + 1) * StrictMath.pow(uniform() + 1e-300, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = uniform();
            if (u < 1 - 0.0331 * x * x * x * x || StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /** A beta deviate with the given shape parameters, as a ratio of gammas. */
    double beta(double a, double b) {
        double x = gamma(a);
        double y = gamma(b);
        return x / (x + y);
    }

    /** Picks an index with probability proportional to {@code weights[i]} (all ≥ 0, sum > 0). */
    int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = uniform() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Picks an index by a precomputed cumulative weight table whose last entry is the total. */
    int pickCumulative(double[] cumulative) {
        double r = uniform() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
