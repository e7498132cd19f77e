package org.icpengine.core.demo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Generates the usage-event rows of one account from the plan {@link AccountSimulator} left on it:
 * each day of each usage spell, every user who has joined is active with a probability set by the
 * user's weight, the day of the week and the account's level that day (onboarding ramp, growth or
 * decay per month, a fade over the 120 days before churn); an active user fires one or more
 * events of the use cases the account has adopted by then, at business hours of its region.
 *
 * <p>Stateless apart from its settings, so one instance serves all worker threads; each account
 * draws from its own {@link Rng} stream, which makes the output independent of the thread count.
 */
final class UsageGenerator {

    private static final int STREAM_USAGE = 7;
    private static final double TRIAL_LEVEL = 0.35;
    private static final double TRIAL_DEPTH = 1.0;
    private static final int[] TRIAL_USE_CASES = {Catalog.UC_REPORTING, Catalog.UC_DASHBOARDS, Catalog.UC_AUTOMATION};

    private final long seed;
    private final int fromDay;
    private final int asOfDay;

    UsageGenerator(long seed, int fromDay, int asOfDay) {
        this.seed = seed;
        this.fromDay = fromDay;
        this.asOfDay = asOfDay;
    }

    /** Appends the account's usage rows, in time order, to {@code out}; returns how many were written. */
    int generate(Account a, CsvBuffer out) {
        if (a.spells.isEmpty()) {
            return 0;
        }
        Rng r = Rng.of(seed, a.index, STREAM_USAGE);
        byte[] accountId = a.id.getBytes(StandardCharsets.US_ASCII);
        byte[] userPrefix = (a.id + "-u").getBytes(StandardCharsets.US_ASCII);
        int useCases = Catalog.USE_CASES.size();
        double[] cumulative = new double[useCases];
        int[] caseOf = new int[useCases];
        long[] day = new long[512];
        int written = 0;
        for (Account.UsageSpell spell : a.spells) {
            int from = Math.max(spell.fromDay(), fromDay);
            int to = Math.min(spell.toDay(), asOfDay);
            int users = spell.trial() ? Math.min(a.users, 2 + r.below(3)) : a.users;
            for (int d = from; d <= to; d++) {
                int cases = spell.trial() ? trialCases(cumulative, caseOf) : adoptedCases(a, d, cumulative, caseOf);
                double level = spell.trial() ? TRIAL_LEVEL : level(a, d);
                double dayFactor = Catalog.WEEKDAY_FACTOR[Math.floorMod(d + 3, 7)] * level;
                double depth = spell.trial() ? TRIAL_DEPTH : a.usageDepth;
                int n = 0;
                for (int u = 0; u < users; u++) {
                    if (!spell.trial() && a.userJoinDay[u] > d) {
                        continue;
                    }
                    if (r.uniform() >= Math.min(0.95, a.userWeight[u] * dayFactor)) {
                        continue;
                    }
                    int k = 1 + r.poisson(depth);
                    if (n + k > day.length) {
                        day = Arrays.copyOf(day, Math.max(2 * day.length, n + k));
                    }
                    for (int j = 0; j < k; j++) {
                        day[n++] = event(a, r, u, cumulative, caseOf, cases);
                    }
                }
                Arrays.sort(day, 0, n);
                long midnight = d * 86_400L;
                for (int i = 0; i < n; i++) {
                    long e = day[i];
                    out.ascii(accountId)
                            .id(userPrefix, ((e >>> 24) & 0xFFFF) + 1, 3)
                            .timestamp(midnight + (e >>> 40))
                            .ascii(Catalog.EVENT_BYTES[(int) ((e >>> 16) & 0xFF)])
                            .number(e & 0xFFFF)
                            .endRow();
                }
                written += n;
            }
        }
        return written;
    }

    /**
     * One event packed into a long so a day's events sort by time: second of day (bits 40+),
     * user (24..39), event (16..23), quantity (0..15).
     */
    private static long event(Account a, Rng r, int user, double[] cumulative, int[] caseOf, int cases) {
        double x = r.uniform() * cumulative[cases - 1];
        int c = 0;
        while (c < cases - 1 && cumulative[c] <= x) {
            c++;
        }
        Catalog.UseCase useCase = Catalog.USE_CASES.get(caseOf[c]);
        int ev = r.uniform() < useCase.eventWeights()[0] ? useCase.events()[0] : useCase.events()[1];
        int quantity = ev == Catalog.E_API_CALL ? (int) Math.min(5000, 1 + Math.round(r.exponential(20))) : 1;
        long second = AccountSimulator.businessSecond(a.region, r);
        return (second << 40) | ((long) user << 24) | ((long) ev << 16) | quantity;
    }

    private static int adoptedCases(Account a, int d, double[] cumulative, int[] caseOf) {
        int n = 0;
        double sum = 0;
        for (int c = 0; c < a.useCaseAdoptedDay.length; c++) {
            if (a.useCaseAdoptedDay[c] <= d) {
                sum += Catalog.USE_CASE_WEIGHT[c];
                cumulative[n] = sum;
                caseOf[n++] = c;
            }
        }
        return n;
    }

    private static int trialCases(double[] cumulative, int[] caseOf) {
        double sum = 0;
        for (int i = 0; i < TRIAL_USE_CASES.length; i++) {
            sum += Catalog.USE_CASE_WEIGHT[TRIAL_USE_CASES[i]];
            cumulative[i] = sum;
            caseOf[i] = TRIAL_USE_CASES[i];
        }
        return TRIAL_USE_CASES.length;
    }

    /** The account's activity level on day {@code d} of its customer spell, in [0.03, 1]. */
    private static double level(Account a, int d) {
        int tenure = d - a.sinceDay;
        double level = a.usageLevel * StrictMath.exp(a.usageGrowth * tenure / 30.4);
        level = Math.max(0.03, Math.min(1.0, level));
        if (tenure < 30) {
            level *= 0.35 + 0.65 * tenure / 30.0;
        }
        if (a.churnDay >= 0) {
            int left = a.churnDay - d;
            if (left < 120) {
                level *= 0.2 + 0.8 * left / 120.0;
            }
        }
        return level;
    }
}
