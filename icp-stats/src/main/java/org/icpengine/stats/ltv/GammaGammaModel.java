package org.icpengine.stats.ltv;

import org.hipparchus.special.Gamma;
import org.icpengine.errors.InputException;
import org.icpengine.stats.internal.Validate;

/**
 * A Gamma-Gamma model of spend per transaction (Fader, Hardie &amp; Lee 2005, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", J. Marketing Research 42(4); Fader &amp; Hardie 2013,
 * "The Gamma-Gamma Model of Monetary Value"): a customer's transaction values are
 * {@code Gamma(p, ν)} with {@code ν ~ Gamma(q, gamma)} across customers, independent of the
 * purchase process.
 *
 * <p>For a customer with {@code x} transactions of mean value {@code m}, the density of {@code m} is
 * {@code Γ(px+q) / (Γ(px) Γ(q)) · gamma^q m^(px-1) x^(px) / (gamma + m x)^(px+q)}, and the
 * conditional expected spend per transaction is the credibility-weighted mean
 * {@code E[M | p, q, gamma, m, x] = (gamma + m x) p / (p x + q - 1)}
 * {@code = (q-1)/(px+q-1) · p gamma/(q-1) + px/(px+q-1) · m}.
 *
 * <p>Instances are immutable and thread-safe; they serialize to JSON as their five components.
 *
 * @param p shape of the transaction-value distribution, finite, {@code > 0}
 * @param q shape of the distribution of its rate across customers, finite, {@code > 0}; the
 *     population mean spend is finite only for {@code q > 1}
 * @param gamma rate of that distribution (in currency units), finite, {@code > 0}
 * @param logLikelihood the maximised log-likelihood over the customers with {@code x > 0}; {@code NaN}
 *     for {@link #of}
 * @param observations the number of customers in the fit (those with {@code x > 0}); 0 for {@link #of}
 */
public record GammaGammaModel(double p, double q, double gamma, double logLikelihood, long observations) {

    /** Validates the parameters; throws {@link InputException} on bad values. */
    public GammaGammaModel {
        Validate.positive(p, "p");
        Validate.positive(q, "q");
        Validate.positive(gamma, "gamma");
        Validate.isTrue(observations >= 0, "observations must be >= 0, got " + observations);
        Validate.isTrue(observations == 0 ? !Double.isInfinite(logLikelihood) : Double.isFinite(logLikelihood),
                "logLikelihood must be finite (NaN only for an unfitted model), got " + logLikelihood);
    }

    /** A model with the given parameters and no fit behind it ({@code logLikelihood} NaN, 0 observations). */
    public static GammaGammaModel of(double p, double q, double gamma) {
        return new GammaGammaModel(p, q, gamma, Double.NaN, 0);
    }

    /** The mean spend per transaction across customers, {@code p gamma / (q - 1)}; {@code +Infinity} for {@code q <= 1}. */
    public double populationMeanSpend() {
        return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * The expected spend per transaction of a customer with {@code x} repeat transactions of mean value
     * {@code meanSpend}: {@code (gamma + meanSpend x) p / (p x + q - 1)}. For {@code x = 0} the mean
     * spend is ignored and the result is {@link #populationMeanSpend()}; it is {@code +Infinity}
     * whenever {@code p x + q <= 1}.
     *
     * @throws InputException if {@code x < 0}, or {@code x > 0} and {@code meanSpend} is not finite and {@code > 0}
     */
    public double conditionalExpectedSpend(int x, double meanSpend) {
        Validate.isTrue(x >= 0, "x (repeat transactions) must be >= 0, got " + x);
        if (x == 0) {
            return populationMeanSpend();
        }
        Validate.positive(meanSpend, "meanSpend");
        double denominator = p * x + q - 1;
        return denominator > 0 ? (gamma + meanSpend * x) * p / denominator : Double.POSITIVE_INFINITY;
    }

    /** {@link #conditionalExpectedSpend(int, double)} for each customer. */
    public double[] conditionalExpectedSpend(int[] x, double[] meanSpend) {
        Validate.isTrue(x != null && meanSpend != null, "x and meanSpend must not be null");
        Validate.isTrue(x.length == meanSpend.length,
                "x and meanSpend must have the same length, got " + x.length + " and " + meanSpend.length);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = conditionalExpectedSpend(x[i], meanSpend[i]);
        }
        return out;
    }

    /**
     * The log-density of one customer's mean spend {@code m} given {@code x >= 1} transactions (see the
     * class comment).
     *
     * @throws InputException if {@code x < 1} or {@code meanSpend} is not finite and {@code > 0}
     */
    public double customerLogLikelihood(int x, double meanSpend) {
        Validate.isTrue(x >= 1, "x must be >= 1 (a customer without repeat transactions has no spend), got " + x);
        Validate.positive(meanSpend, "meanSpend");
        return logDensity(p, q, gamma, x, meanSpend);
    }

    static double logDensity(double p, double q, double gamma, double x, double m) {
        double px = p * x;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
                + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(gamma + m * x);
    }
}
