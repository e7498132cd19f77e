package org.icpengine.stats.cluster;

import java.util.SplittableRandom;

/** Seeded synthetic rows with planted clusters, and the adjusted Rand index to score a recovery. */
final class Planted {

    final int[] truth;
    final double[] income;
    final double[] employees;
    final String[] industry;
    final String[] region;

    /**
     * {@code clusters} groups of {@code perCluster} rows: numeric centres 4 sd apart on two columns of
     * very different units, an industry that follows the cluster 85 % of the time, and a region that is
     * pure noise.
     */
    Planted(int clusters, int perCluster, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = clusters * perCluster;
        truth = new int[n];
        income = new double[n];
        employees = new double[n];
        industry = new String[n];
        region = new String[n];
        String[] industries = {"saas", "fintech", "health", "retail", "media", "energy"};
        for (int i = 0; i < n; i++) {
            int c = i % clusters;
            truth[i] = c;
            double angle = 2 * Math.PI * c / clusters;
            income[i] = 100_000 + 20_000 * (4 * Math.cos(angle) + rng.nextGaussian());
            employees[i] = 200 + 10 * (4 * Math.sin(angle) + rng.nextGaussian());
            industry[i] = rng.nextDouble() < 0.85 ? industries[c % industries.length] : industries[rng.nextInt(industries.length)];
            region[i] = "r" + rng.nextInt(4);
        }
    }

    ClusterData data() {
        return ClusterData.builder().numeric("income", income).numeric("employees", employees)
                .categorical("industry", industry).categorical("region", region).build();
    }

    /** Hubert &amp; Arabie (1985) adjusted Rand index of two labelings. */
    static double adjustedRand(int[] a, int[] b) {
        int ka = java.util.Arrays.stream(a).max().orElse(0) + 1;
        int kb = java.util.Arrays.stream(b).max().orElse(0) + 1;
        long[][] t = new long[ka][kb];
        long[] ra = new long[ka];
        long[] rb = new long[kb];
        for (int i = 0; i < a.length; i++) {
            t[a[i]][b[i]]++;
            ra[a[i]]++;
            rb[b[i]]++;
        }
        double index = 0;
        for (long[] row : t) {
            for (long v : row) {
                index += choose2(v);
            }
        }
        double sa = 0;
        for (long v : ra) {
            sa += choose2(v);
        }
        double sb = 0;
        for (long v : rb) {
            sb += choose2(v);
        }
        double expected = sa * sb / choose2(a.length);
        return (index - expected) / ((sa + sb) / 2 - expected);
    }

    private static double choose2(long v) {
        return v * (v - 1) / 2.0;
    }
}
