package org.icpengine.core.segments;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

import org.icpengine.stats.ltv.SbgModel;
import org.icpengine.stats.ltv.SbgTrainer;

/**
 * Monthly customer lifetimes of a group of customers, and the discounted expected lifetime their retention
 * model implies (Fader &amp; Hardie 2007 and 2010, through {@link SbgTrainer} and {@link SbgModel}).
 *
 * <p>A period is a month. A customer who churned (non-null {@code churned_at} on or before {@code as_of})
 * after {@code tenure_months} months was active in periods 1..⌈tenure⌉ and churned at the end of the last
 * one (at least period 1); a customer still active is right-censored after ⌊tenure⌋ complete months. When
 * {@code tenure_months} is null it is derived from {@code customer_since} and {@code churned_at} (or
 * {@code as_of}) as days / (365.25 / 12); a customer with neither is left out.
 */
final class Retention {

    private static final double DAYS_PER_MONTH = 365.25 / 12;
    private static final double EPS = 1e-9;

    private int[] tenure = new int[16];
    private boolean[] churned = new boolean[16];
    private int size;
    private long lost;
    private long exposure;

    /** Adds one customer; ignores one without tenure and start date. */
    void add(Object tenureMonths, Object customerSince, Object churnedAt, LocalDate asOf) {
        LocalDate since = customerSince instanceof LocalDate d ? d : null;
        LocalDate end = churnedAt instanceof LocalDate d && !d.isAfter(asOf) ? d : null;
        double months;
        if (tenureMonths instanceof Number n && Double.isFinite(n.doubleValue())) {
            months = Math.max(0, n.doubleValue());
        } else if (since != null) {
            months = Math.max(0, ChronoUnit.DAYS.between(since, end != null ? end : asOf) / DAYS_PER_MONTH);
        } else {
            return;
        }
        boolean gone = end != null;
        int periods = gone ? Math.max(1, (int) Math.ceil(months - EPS)) : (int) Math.floor(months + EPS);
        if (size == tenure.length) {
            tenure = Arrays.copyOf(tenure, size * 2);
            churned = Arrays.copyOf(churned, size * 2);
        }
        tenure[size] = periods;
        churned[size] = gone;
        size++;
        lost += gone ? 1 : 0;
        exposure += periods;
    }

    /** Customers added. */
    int size() {
        return size;
    }

    /** Customers added who churned. */
    long churned() {
        return lost;
    }

    /**
     * The sBG model of these customers.
     *
     * @throws org.icpengine.errors.InsufficientDataException if the data cannot identify it
     */
    SbgModel fit() {
        return new SbgTrainer().fitIndividual(Arrays.copyOf(tenure, size), Arrays.copyOf(churned, size));
    }

    /**
     * The constant monthly churn rate: churned customers / customer-months observed (the maximum-likelihood
     * geometric rate); NaN with no exposure.
     */
    double constantChurn() {
        return exposure == 0 ? Double.NaN : (double) lost / exposure;
    }

    /** The monthly discount rate equivalent to an annual one: (1 + annual)^(1/12) − 1. */
    static double monthlyRate(double annualRate) {
        return Math.pow(1 + annualRate, 1.0 / 12) - 1;
    }

    /**
     * The discounted expected lifetime in months of a new customer under a constant monthly churn rate θ:
     * Σ_{t≥0} ((1 − θ) / (1 + d))^t = (1 + d) / (d + θ); NaN when θ and d are both 0.
     */
    static double constantLifetime(double theta, double monthlyDiscount) {
        double denominator = monthlyDiscount + theta;
        return denominator > 0 ? (1 + monthlyDiscount) / denominator : Double.NaN;
    }

    /** A retention model: where it comes from, its discounted expected lifetime in months and its fit size. */
    record Model(LtvSource source, double lifetime, long customers, String description) {

        static final Model NONE = new Model(LtvSource.NONE, Double.NaN, 0, "no retention model");

        /** The constant-churn model of these customers, or {@code null} when none churned. */
        static Model constant(LtvSource source, Retention r, double monthlyDiscount) {
            double theta = r.constantChurn();
            if (!(theta > 0)) {
                return null;
            }
            return new Model(source, constantLifetime(theta, monthlyDiscount), r.size(), String.format(Locale.ROOT,
                    "constant churn %.4g per month on %d customers", theta, r.size()));
        }

        /**
         * The model of a fitted sBG, or {@code null} when its expected lifetime is infinite (alpha &lt;= 1 with
         * no discounting).
         */
        static Model sbg(LtvSource source, SbgModel m, double monthlyDiscount) {
            double del = m.discountedExpectedLifetime(monthlyDiscount);
            if (!Double.isFinite(del)) {
                return null;
            }
            return new Model(source, del, m.observations(), String.format(Locale.ROOT,
                    "sBG alpha = %.4g, beta = %.4g on %d customers", m.alpha(), m.beta(), m.observations()));
        }
    }
}
