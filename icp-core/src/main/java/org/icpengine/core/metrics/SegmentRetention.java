package org.icpengine.core.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.ltv.SbgModel;
import org.icpengine.stats.ltv.SbgTrainer;

/**
 * Monthly retention models per segment of customers: the shifted-beta-geometric (sBG) model of Fader &amp;
 * Hardie (2007), "How to Project Customer Retention", fitted with right-censoring on each segment's
 * customers; the whole customer base stands in for a segment with fewer than {@code minCustomers} customers
 * or whose own data cannot identify the model; a constant churn rate stands in when even the whole base
 * cannot. Built by {@link #builder(int)}; immutable and thread-safe once built.
 *
 * <p>A period is a month. A customer who churned after {@code m} months of tenure was active in periods
 * {@code 1..⌈m⌉} and churned at the end of the last one (at least period 1); a customer still active is
 * right-censored after {@code ⌊m⌋} complete months ({@link #periods}). The account metrics feed it
 * {@code tenure_months} (complete calendar months since {@code customer_since}, plus the days left over /
 * {@link #DAYS_PER_MONTH}) and whether {@code churned_at} is set, for customers who are active or churned (a
 * customer who never paid is left out).
 */
public final class SegmentRetention {

    /** Days in a month, for the days left over after whole months: 365.25 / 12 = 30.4375 (exact in binary). */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    /** Tolerance of {@link #periods} against rounding of {@code days / DAYS_PER_MONTH}. */
    static final double EPS = 1e-9;

    /** Where a segment's retention model comes from. */
    public enum Source {
        /** An sBG model fitted on the segment's own customers. */
        SEGMENT,
        /** The sBG model of the whole customer base (small segment, or its own data cannot identify the model). */
        BASE,
        /**
         * The constant monthly churn rate of the whole base (churned customers / customer-months): even the whole
         * base cannot identify the sBG model, typically because retention does not rise with tenure.
         */
        CONSTANT_CHURN,
        /** No model: no customers, or nobody churned, so no lifetime can be estimated. */
        NONE
    }

    /**
     * The retention model a segment uses.
     *
     * @param source    where it comes from
     * @param model     the sBG model for {@link Source#SEGMENT} and {@link Source#BASE}, else {@code null}
     * @param customers customers of the population the model was estimated on (the segment or the base)
     * @param churned   of which churned
     * @param exposure  customer-months observed in that population (sum of {@link #periods})
     * @param reason    why the segment's own sBG model is not used, or {@code ""} for {@link Source#SEGMENT}
     */
    public record Fit(Source source, SbgModel model, long customers, long churned, long exposure, String reason) {

        /** Validates that an sBG source carries its model. */
        public Fit {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
            if ((source == Source.SEGMENT || source == Source.BASE) != (model != null)) {
                throw new IllegalArgumentException("an sBG source needs a model and only it has one: " + source);
            }
        }

        /**
         * The constant monthly churn rate of the population, churned / customer-months (the maximum-likelihood
         * geometric rate); NaN with no exposure.
         */
        public double churnRate() {
            return exposure == 0 ? Double.NaN : (double) churned / exposure;
        }

        /**
         * The discounted expected residual lifetime in months of a customer who has made {@code renewals}
         * monthly renewals and is about to make the next (the next payment undiscounted): for an sBG source
         * {@code DERL(d, n)} of Fader &amp; Hardie (2010), "Customer-Base Valuation in a Contractual Setting",
         * Marketing Science 29(1); for {@link Source#CONSTANT_CHURN} the geometric equivalent
         * {@code Σ_{k≥1} (1-θ)^k (1+d)^-(k-1) = (1-θ)(1+d)/(d+θ)}, which does not depend on {@code renewals}.
         * NaN for {@link Source#NONE}; {@code +Infinity} when the lifetime does not converge (no discounting and
         * {@code alpha <= 1}).
         *
         * @param renewals        renewals made so far, {@code >= 0}
         * @param monthlyDiscount discount rate per month, {@code >= 0} (see {@link #monthlyDiscount})
         */
        public double residualLifetime(int renewals, double monthlyDiscount) {
            if (renewals < 0 || !(monthlyDiscount >= 0) || Double.isInfinite(monthlyDiscount)) {
                throw new IllegalArgumentException("renewals must be >= 0 and monthlyDiscount finite and >= 0, got "
                        + renewals + " and " + monthlyDiscount);
            }
            return switch (source) {
                case SEGMENT, BASE -> model.discountedExpectedResidualLifetime(renewals, monthlyDiscount);
                case CONSTANT_CHURN -> {
                    double theta = churnRate();
                    double denominator = monthlyDiscount + theta;
                    yield denominator > 0 ? (1 - theta) * (1 + monthlyDiscount) / denominator : Double.POSITIVE_INFINITY;
                }
                case NONE -> Double.NaN;
            };
        }

        /** The model in words, for notes: "sBG alpha = 0.7, beta = 3.1 on 120 customers". */
        public String describe() {
            return switch (source) {
                case SEGMENT, BASE -> String.format(Locale.ROOT, "sBG alpha = %.4g, beta = %.4g on %d customers",
                        model.alpha(), model.beta(), customers);
                case CONSTANT_CHURN -> String.format(Locale.ROOT, "constant churn %.4g per month on %d customers",
                        churnRate(), customers);
                case NONE -> "no retention model";
            };
        }
    }

    private final int minCustomers;
    private final Fit base;
    private final Map<String, Fit> segments;

    private SegmentRetention(int minCustomers, Fit base, Map<String, Fit> segments) {
        this.minCustomers = minCustomers;
        this.base = base;
        this.segments = segments;
    }

    /**
     * A builder of retention models for segments of at least {@code minCustomers} customers
     * ({@code ltv.min_customers} of {@code icp.yaml}), {@code >= 1}.
     */
    public static Builder builder(int minCustomers) {
        if (minCustomers < 1) {
            throw new IllegalArgumentException("minCustomers must be >= 1, got " + minCustomers);
        }
        return new Builder(minCustomers);
    }

    /**
     * The number of monthly periods a customer counts for: {@code max(1, ⌈months⌉)} when churned (the period it
     * churned at the end of), {@code ⌊months⌋} complete months when still active; within {@link #EPS} of a
     * whole number counts as that number. Negative or NaN tenure counts as 0.
     */
    public static int periods(double tenureMonths, boolean churned) {
        double m = tenureMonths > 0 ? tenureMonths : 0;
        return churned ? Math.max(1, (int) Math.ceil(m - EPS)) : (int) Math.floor(m + EPS);
    }

    /** The monthly discount rate equivalent to an annual one: {@code (1 + annual)^(1/12) - 1}. */
    public static double monthlyDiscount(double annualRate) {
        return Math.pow(1 + annualRate, 1.0 / 12) - 1;
    }

    /** The model of a segment; a segment never added gets the whole base's model. */
    public Fit forSegment(String segment) {
        return segments.getOrDefault(segment, base);
    }

    /** The model of the whole customer base (sBG, else constant churn, else none). */
    public Fit base() {
        return base;
    }

    /** The segments added, in the order first seen. */
    public Set<String> segments() {
        return Collections.unmodifiableSet(segments.keySet());
    }

    /** The smallest segment fitted on its own. */
    public int minCustomers() {
        return minCustomers;
    }

    /** Collects customers per segment; not thread-safe. */
    public static final class Builder {
        private final int minCustomers;
        private final Map<String, Counts> bySegment = new LinkedHashMap<>();
        private final Counts all = new Counts();

        private Builder(int minCustomers) {
            this.minCustomers = minCustomers;
        }

        /** Adds one customer observed for {@code periods} periods (see {@link #periods}). */
        public Builder add(String segment, int periods, boolean churned) {
            return add(segment, periods, churned, 1);
        }

        /**
         * Adds {@code count} customers of {@code segment} observed for {@code periods} periods; churned ones need
         * {@code periods >= 1}.
         */
        public Builder add(String segment, int periods, boolean churned, long count) {
            Objects.requireNonNull(segment, "segment");
            if (periods < (churned ? 1 : 0) || count < 0) {
                throw new IllegalArgumentException("periods must be >= " + (churned ? 1 : 0) + " and count >= 0, got "
                        + periods + " and " + count);
            }
            bySegment.computeIfAbsent(segment, k -> new Counts()).add(periods, churned, count);
            all.add(periods, churned, count);
            return this;
        }

        /** Fits the whole base and every segment of at least {@code minCustomers} customers. */
        public SegmentRetention build() {
            Fit base = fitBase();
            Map<String, Fit> fits = new LinkedHashMap<>();
            for (Map.Entry<String, Counts> e : bySegment.entrySet()) {
                Counts c = e.getValue();
                if (c.customers < minCustomers) {
                    fits.put(e.getKey(), fallback(base, c.customers + " customers, fewer than " + minCustomers));
                    continue;
                }
                try {
                    fits.put(e.getKey(), new Fit(Source.SEGMENT, c.fit(), c.customers, c.churned, c.exposure, ""));
                } catch (InsufficientDataException ex) {
                    fits.put(e.getKey(), fallback(base, ex.getMessage()));
                }
            }
            return new SegmentRetention(minCustomers, base, Collections.unmodifiableMap(fits));
        }

        private static Fit fallback(Fit base, String why) {
            return new Fit(base.source(), base.model(), base.customers(), base.churned(), base.exposure(),
                    base.reason().isEmpty() ? why : why + "; " + base.reason());
        }

        private Fit fitBase() {
            if (all.customers == 0) {
                return new Fit(Source.NONE, null, 0, 0, 0, "no customers");
            }
            try {
                return new Fit(Source.BASE, all.fit(), all.customers, all.churned, all.exposure, "");
            } catch (InsufficientDataException ex) {
                if (all.churned == 0) {
                    return new Fit(Source.NONE, null, all.customers, 0, all.exposure, ex.getMessage());
                }
                return new Fit(Source.CONSTANT_CHURN, null, all.customers, all.churned, all.exposure,
                        "whole base: " + ex.getMessage());
            }
        }
    }

    /** Churned and censored counts per period of one population. */
    private static final class Counts {
        private long[] churnedAt = new long[16];
        private long[] censoredAt = new long[16];
        private long customers;
        private long churned;
        private long exposure;

        void add(int periods, boolean gone, long count) {
            if (periods >= churnedAt.length) {
                int n = Math.max(periods + 1, churnedAt.length * 2);
                churnedAt = Arrays.copyOf(churnedAt, n);
                censoredAt = Arrays.copyOf(censoredAt, n);
            }
            if (gone) {
                churnedAt[periods] += count;
                churned += count;
            } else {
                censoredAt[periods] += count;
            }
            customers += count;
            exposure += (long) periods * count;
        }

        SbgModel fit() {
            int n = 0;
            for (int t = 0; t < churnedAt.length; t++) {
                if (churnedAt[t] + censoredAt[t] > 0) {
                    n = t + 1;
                }
            }
            return new SbgTrainer().fitCensoredCounts(Arrays.copyOf(churnedAt, n), Arrays.copyOf(censoredAt, n));
        }
    }
}
