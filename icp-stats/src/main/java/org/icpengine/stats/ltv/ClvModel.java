package org.icpengine.stats.ltv;

import org.icpengine.stats.internal.Validate;

/**
 * Customer lifetime value from a purchase model and a spend model: a fitted {@link BgNbdModel} for
 * how many transactions a customer will make and a fitted {@link GammaGammaModel} for what each is
 * worth (Fader, Hardie &amp; Lee 2005, "RFM and CLV", J. Marketing Research 42(4)).
 *
 * <p>The value over a horizon of {@code H} periods of length {@code Δ} (in the purchase model's time
 * unit), discounted at rate {@code d} per period, is
 * <pre>
 *   CLV = E[M | x, m] · sum_{i=1..H} (E[Y(iΔ) | x, t_x, T] - E[Y((i-1)Δ) | x, t_x, T]) / (1 + d)^i
 * </pre>
 * with {@code E[M | x, m]} the Gamma-Gamma conditional expected spend and {@code E[Y(t) | ...]} the
 * BG/NBD conditional expected purchases: the transactions expected in each period, valued at the
 * expected spend and discounted to the end of that period. This is the discrete form used by the
 * {@code lifetimes} library. It is revenue; multiply by a margin for profit.
 *
 * <p>Instances are immutable and thread-safe; they serialize to JSON as the two models.
 *
 * @param purchases the fitted repeat-purchase model, not null
 * @param spend the fitted spend model, not null
 */
public record ClvModel(BgNbdModel purchases, GammaGammaModel spend) {

    /** Validates that both models are present; throws {@link org.icpengine.errors.InputException} otherwise. */
    public ClvModel {
        Validate.isTrue(purchases != null, "purchases (the BG/NBD model) must not be null");
        Validate.isTrue(spend != null, "spend (the Gamma-Gamma model) must not be null");
    }

    /**
     * The discounted expected revenue of one customer over the next {@code periods} periods (see the
     * class comment); 0 when {@code periods = 0}.
     *
     * @param x repeat purchases, {@code >= 0}
     * @param tx time of the last purchase, in {@code [0, T]}, 0 when {@code x = 0}
     * @param t length of observation {@code T}, {@code >= 0}
     * @param meanSpend mean value of the repeat purchases, {@code > 0} when {@code x > 0} (ignored for {@code x = 0})
     * @param periods the horizon in periods, {@code >= 0}
     * @param periodLength the length of one period in the purchase model's time unit, finite, {@code > 0}
     * @param discountRate the discount rate per period, finite, {@code >= 0}
     * @throws org.icpengine.errors.InputException on an invalid argument
     */
    public double lifetimeValue(int x, double tx, double t, double meanSpend, int periods, double periodLength,
            double discountRate) {
        Validate.isTrue(periods >= 0, "periods must be >= 0, got " + periods);
        Validate.positive(periodLength, "periodLength");
        Validate.nonNegative(discountRate, "discountRate");
        double value = spend.conditionalExpectedSpend(x, meanSpend);
        double previous = 0;
        double sum = 0;
        double discount = 1;
        for (int i = 1; i <= periods; i++) {
            double cumulative = purchases.conditionalExpectedPurchases(i * periodLength, x, tx, t);
            discount /= 1 + discountRate;
            sum += (cumulative - previous) * discount;
            previous = cumulative;
        }
        return periods == 0 ? 0.0 : value * sum;
    }

    /** {@link #lifetimeValue(int, double, double, double, int, double, double)} for each customer. */
    public double[] lifetimeValue(int[] x, double[] tx, double[] t, double[] meanSpend, int periods,
            double periodLength, double discountRate) {
        int n = BgNbdModel.lengths(x, tx, t);
        Validate.isTrue(meanSpend != null && meanSpend.length == n,
                "meanSpend must have the same length as x, got " + (meanSpend == null ? "null" : meanSpend.length));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = lifetimeValue(x[i], tx[i], t[i], meanSpend[i], periods, periodLength, discountRate);
        }
        return out;
    }
}
