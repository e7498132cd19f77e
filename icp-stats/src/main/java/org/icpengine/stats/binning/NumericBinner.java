package org.icpengine.stats.binning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.icpengine.errors.InputException;
import org.icpengine.stats.internal.Validate;

/**
 * Bins a numeric variable against a 0/1 label into intervals {@code [s_i, s_i+1)} with monotonic
 * weight of evidence, or into intervals the user gives. Immutable settings; {@link #fit} returns a
 * {@link Binning}. Thread-safe.
 *
 * <p>The automatic binning works in four steps:
 * <ol>
 *   <li>Pre-bins of about equal frequency: {@code preBins} quantiles of the non-missing values, each
 *       split placed halfway between the two neighbouring distinct values (so tied values never
 *       straddle a split; heavy ties give fewer pre-bins).</li>
 *   <li>Pool-adjacent-violators (Barlow, Bartholomew, Bremner &amp; Brunk 1972) on the pre-bins' event
 *       rates, weighted by counts, merging neighbours until the event rate is strictly monotonic,
 *       which makes the WoE strictly monotonic in the opposite sense.</li>
 *   <li>While a bin holds fewer than {@code minBinShare} of the non-missing rows, the smallest such
 *       bin (the leftmost on a tie) is merged with the neighbour that loses less information value;
 *       then, if {@code maxBins} is set, the adjacent pair whose merge loses the least IV is merged
 *       until at most {@code maxBins} remain. Merging neighbours keeps the trend monotonic.</li>
 *   <li>With {@link WoeTrend#AUTO} both trends are tried and the one with the larger IV is kept
 *       (ascending WoE on a tie).</li>
 * </ol>
 * Bins whose smoothed WoE (see {@link Binning}) would break the trend are merged as well.
 * {@code NaN} is missing and gets the missing bin; infinite values are rejected.
 */
public final class NumericBinner {

    private static final NumericBinner DEFAULTS = new NumericBinner(20, 0.05, 0, WoeTrend.AUTO, null);

    private final int preBins;
    private final double minBinShare;
    private final int maxBins;
    private final WoeTrend trend;
    private final double[] splits;

    private NumericBinner(int preBins, double minBinShare, int maxBins, WoeTrend trend, double[] splits) {
        this.preBins = preBins;
        this.minBinShare = minBinShare;
        this.maxBins = maxBins;
        this.trend = trend;
        this.splits = splits;
    }

    /** 20 pre-bins, minimum bin share 0.05, no maximum number of bins, trend {@link WoeTrend#AUTO}. */
    public static NumericBinner defaults() {
        return DEFAULTS;
    }

    /** The same settings with {@code preBins} equal-frequency pre-bins (2 to 1000). */
    public NumericBinner withPreBins(int preBins) {
        Validate.isTrue(preBins >= 2 && preBins <= 1000, "preBins must be in [2, 1000], got " + preBins);
        return new NumericBinner(preBins, minBinShare, maxBins, trend, splits);
    }

    /** The same settings with each final bin holding at least this share of the non-missing rows, in [0, 0.5]. */
    public NumericBinner withMinBinShare(double minBinShare) {
        Validate.inRange(minBinShare, 0, 0.5, "minBinShare");
        return new NumericBinner(preBins, minBinShare, maxBins, trend, splits);
    }

    /** The same settings with at most {@code maxBins} range bins (at least 1); 0 means no limit. */
    public NumericBinner withMaxBins(int maxBins) {
        Validate.isTrue(maxBins >= 0, "maxBins must be >= 0 (0 = no limit), got " + maxBins);
        return new NumericBinner(preBins, minBinShare, maxBins, trend, splits);
    }

    /** The same settings with the given WoE trend. */
    public NumericBinner withTrend(WoeTrend trend) {
        return new NumericBinner(preBins, minBinShare, maxBins, Objects.requireNonNull(trend, "trend"), splits);
    }

    /**
     * A binner that uses exactly these split points, in strictly increasing order and finite, giving
     * bins {@code (-inf, s_1), [s_1, s_2), ..., [s_k, inf)} plus the missing bin; no monotonic
     * constraint or minimum share applies. No splits gives a single range bin.
     */
    public NumericBinner withSplits(double... splits) {
        Objects.requireNonNull(splits, "splits");
        for (int i = 0; i < splits.length; i++) {
            Validate.isTrue(Double.isFinite(splits[i]), "splits[" + i + "] must be finite, got " + splits[i]);
            if (i > 0 && !(splits[i] > splits[i - 1])) {
                throw new InputException("splits must be strictly increasing, got " + splits[i - 1]
                        + " then " + splits[i] + " at index " + i);
            }
        }
        return new NumericBinner(preBins, minBinShare, maxBins, trend, splits.clone());
    }

    /**
     * Bins {@code values} against {@code labels} (1 = event, 0 = non-event).
     *
     * @param name   the variable's name, kept in the binning and used in messages
     * @param values the values; {@code NaN} is missing
     * @param labels 0 or 1 per value
     * @throws InputException if the arrays differ in length, a label is not 0/1 or a value is infinite
     * @throws org.icpengine.errors.InsufficientDataException if there are no rows or only one class
     */
    public Binning fit(String name, double[] values, int[] labels) {
        Validate.isTrue(name != null && !name.isBlank(), "variable name must not be blank");
        if (values == null) {
            throw new InputException("values of '" + name + "' must not be null");
        }
        int n = values.length;
        long events = Labels.countEvents(name, labels, n);
        Labels.requireBothClasses(name, events, n - events);
        long totalEvents = events;
        long totalNonEvents = n - events;

        int eventCount = 0;
        int nonEventCount = 0;
        long missingEvents = 0;
        long missingNonEvents = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                if (labels[i] == 1) {
                    missingEvents++;
                } else {
                    missingNonEvents++;
                }
            } else if (Double.isInfinite(v)) {
                throw new InputException("values[" + i + "] of '" + name + "' is " + v
                        + "; use NaN for a missing value");
            } else if (labels[i] == 1) {
                eventCount++;
            } else {
                nonEventCount++;
            }
        }
        double[] eventValues = new double[eventCount];
        double[] nonEventValues = new double[nonEventCount];
        int ei = 0;
        int ni = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                if (labels[i] == 1) {
                    eventValues[ei++] = v;
                } else {
                    nonEventValues[ni++] = v;
                }
            }
        }
        Arrays.sort(eventValues);
        Arrays.sort(nonEventValues);
        Distinct d = Distinct.of(eventValues, nonEventValues);

        List<Group> groups;
        if (splits != null) {
            groups = fixedGroups(d, splits);
        } else if (d.size() == 0) {
            groups = new ArrayList<>(List.of(new Group(0, 0, 0)));
        } else {
            List<Group> pre = preBins(d);
            long nonMissing = (long) eventCount + nonEventCount;
            if (trend == WoeTrend.AUTO) {
                List<Group> asc = merge(copy(pre), true, nonMissing, totalEvents, totalNonEvents);
                List<Group> desc = merge(copy(pre), false, nonMissing, totalEvents, totalNonEvents);
                groups = iv(desc, totalEvents, totalNonEvents) > iv(asc, totalEvents, totalNonEvents) ? desc : asc;
            } else {
                groups = merge(pre, trend == WoeTrend.ASCENDING, nonMissing, totalEvents, totalNonEvents);
            }
        }

        List<Bin> bins = new ArrayList<>(groups.size() + 1);
        for (int g = 0; g < groups.size(); g++) {
            double lower = g == 0 ? Double.NEGATIVE_INFINITY : groups.get(g).lowerSplit;
            double upper = g == groups.size() - 1 ? Double.POSITIVE_INFINITY : groups.get(g + 1).lowerSplit;
            Group gr = groups.get(g);
            bins.add(WoeMath.bin(BinKind.RANGE, lower, upper, List.of(), gr.events, gr.nonEvents,
                    totalEvents, totalNonEvents));
        }
        bins.add(WoeMath.bin(BinKind.MISSING, Double.NaN, Double.NaN, List.of(), missingEvents, missingNonEvents,
                totalEvents, totalNonEvents));
        return new Binning(name, VariableType.NUMERIC, bins);
    }

    /** Groups for user-given splits: the counts of each interval. */
    private static List<Group> fixedGroups(Distinct d, double[] splits) {
        List<Group> groups = new ArrayList<>(splits.length + 1);
        groups.add(new Group(0, 0, Double.NEGATIVE_INFINITY));
        for (double s : splits) {
            groups.add(new Group(0, 0, s));
        }
        for (int j = 0; j < d.size(); j++) {
            Group g = groups.get(Binning.indexIn(splits, d.values[j]));
            g.events += d.events[j];
            g.nonEvents += d.nonEvents[j];
        }
        return groups;
    }

    /** Equal-frequency pre-bins over the distinct values, split halfway between distinct neighbours. */
    private List<Group> preBins(Distinct d) {
        long m = 0;
        for (int j = 0; j < d.size(); j++) {
            m += d.events[j] + d.nonEvents[j];
        }
        List<Group> groups = new ArrayList<>();
        Group current = new Group(0, 0, Double.NEGATIVE_INFINITY);
        groups.add(current);
        long cumulative = 0;
        int k = 1;
        for (int j = 0; j < d.size(); j++) {
            // start a new pre-bin at distinct value j once the rows below it reach the next quantile
            if (j > 0 && k < preBins && cumulative * (long) preBins >= k * m) {
                current = new Group(0, 0, midpoint(d.values[j - 1], d.values[j]));
                groups.add(current);
                while (k < preBins && cumulative * (long) preBins >= k * m) {
                    k++;
                }
            }
            current.events += d.events[j];
            current.nonEvents += d.nonEvents[j];
            cumulative += d.events[j] + d.nonEvents[j];
        }
        return groups;
    }

    /** A split strictly above {@code a} and at most {@code b}, halfway where the doubles allow. */
    static double midpoint(double a, double b) {
        double mid = (a + b) / 2;
        if (Double.isInfinite(mid)) {
            mid = a + (b - a) / 2;
        }
        return mid > a && mid <= b ? mid : b;
    }

    /**
     * Merges pre-bins into bins with strictly monotonic event rate (falling when {@code ascendingWoe}),
     * then enforces the minimum share and the maximum number of bins.
     */
    private List<Group> merge(List<Group> pre, boolean ascendingWoe, long nonMissing, long te, long tn) {
        List<Group> stack = new ArrayList<>(pre.size());
        for (Group g : pre) {
            stack.add(g);
            while (stack.size() >= 2 && violates(stack.get(stack.size() - 2), stack.get(stack.size() - 1), ascendingWoe)) {
                Group last = stack.remove(stack.size() - 1);
                stack.get(stack.size() - 1).absorb(last);
            }
        }
        double minCount = minBinShare * nonMissing;
        while (stack.size() > 1) {
            int smallest = -1;
            for (int i = 0; i < stack.size(); i++) {
                if (stack.get(i).count() < minCount && (smallest < 0 || stack.get(i).count() < stack.get(smallest).count())) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            int left;
            if (smallest == 0) {
                left = 0;
            } else if (smallest == stack.size() - 1) {
                left = smallest - 1;
            } else {
                double lossLeft = loss(stack.get(smallest - 1), stack.get(smallest), te, tn);
                double lossRight = loss(stack.get(smallest), stack.get(smallest + 1), te, tn);
                left = lossRight < lossLeft ? smallest : smallest - 1;
            }
            mergeAt(stack, left);
        }
        while (maxBins > 0 && stack.size() > maxBins) {
            int best = 0;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int i = 0; i + 1 < stack.size(); i++) {
                double l = loss(stack.get(i), stack.get(i + 1), te, tn);
                if (l < bestLoss) {
                    bestLoss = l;
                    best = i;
                }
            }
            mergeAt(stack, best);
        }
        // the smoothing of one-class bins can break the trend in WoE terms; merge such neighbours
        boolean changed = true;
        while (changed && stack.size() > 1) {
            changed = false;
            for (int i = 0; i + 1 < stack.size(); i++) {
                double w0 = WoeMath.woe(stack.get(i).events, stack.get(i).nonEvents, te, tn);
                double w1 = WoeMath.woe(stack.get(i + 1).events, stack.get(i + 1).nonEvents, te, tn);
                if (ascendingWoe ? w0 >= w1 : w0 <= w1) {
                    mergeAt(stack, i);
                    changed = true;
                    break;
                }
            }
        }
        return stack;
    }

    /** True if {@code b} (to the right of {@code a}) breaks the strict trend of event rates. */
    private static boolean violates(Group a, Group b, boolean ascendingWoe) {
        // rate(a) ? rate(b), compared exactly: ea / ca ? eb / cb
        long lhs = Math.multiplyExact(a.events, b.count());
        long rhs = Math.multiplyExact(b.events, a.count());
        return ascendingWoe ? lhs <= rhs : lhs >= rhs;
    }

    /** IV lost by merging two neighbours (never negative: the IV terms are convex). */
    private static double loss(Group a, Group b, long te, long tn) {
        return WoeMath.iv(a.events, a.nonEvents, te, tn) + WoeMath.iv(b.events, b.nonEvents, te, tn)
                - WoeMath.iv(a.events + b.events, a.nonEvents + b.nonEvents, te, tn);
    }

    private static void mergeAt(List<Group> groups, int left) {
        Group right = groups.remove(left + 1);
        groups.get(left).absorb(right);
    }

    private static double iv(List<Group> groups, long te, long tn) {
        double s = 0;
        for (Group g : groups) {
            s += WoeMath.iv(g.events, g.nonEvents, te, tn);
        }
        return s;
    }

    private static List<Group> copy(List<Group> groups) {
        List<Group> out = new ArrayList<>(groups.size());
        for (Group g : groups) {
            out.add(new Group(g.events, g.nonEvents, g.lowerSplit));
        }
        return out;
    }

    /** A run of adjacent values being merged: its counts and the split where it starts. */
    private static final class Group {
        long events;
        long nonEvents;
        final double lowerSplit;

        Group(long events, long nonEvents, double lowerSplit) {
            this.events = events;
            this.nonEvents = nonEvents;
            this.lowerSplit = lowerSplit;
        }

        long count() {
            return events + nonEvents;
        }

        void absorb(Group right) {
            events += right.events;
            nonEvents += right.nonEvents;
        }
    }

    /** The distinct non-missing values in ascending order with their event and non-event counts. */
    private static final class Distinct {
        final double[] values;
        final long[] events;
        final long[] nonEvents;
        final int size;

        private Distinct(double[] values, long[] events, long[] nonEvents, int size) {
            this.values = values;
            this.events = events;
            this.nonEvents = nonEvents;
            this.size = size;
        }

        int size() {
            return size;
        }

        /** Merges two sorted arrays into distinct values with counts. */
        static Distinct of(double[] sortedEvents, double[] sortedNonEvents) {
            int cap = sortedEvents.length + sortedNonEvents.length;
            double[] v = new double[cap];
            long[] e = new long[cap];
            long[] ne = new long[cap];
            int i = 0;
            int j = 0;
            int k = -1;
            while (i < sortedEvents.length || j < sortedNonEvents.length) {
                boolean takeEvent = j >= sortedNonEvents.length
                        || (i < sortedEvents.length && sortedEvents[i] <= sortedNonEvents[j]);
                double x = takeEvent ? sortedEvents[i] : sortedNonEvents[j];
                if (k < 0 || x != v[k]) {
                    k++;
                    v[k] = x;
                }
                if (takeEvent) {
                    e[k]++;
                    i++;
                } else {
                    ne[k]++;
                    j++;
                }
            }
            return new Distinct(v, e, ne, k + 1);
        }
    }
}
