package org.icpengine.stats.binning;

import org.icpengine.stats.internal.Validate;

/**
 * The predictive strength of a variable judged by its information value, after the rule of thumb in
 * Siddiqi (2006), <i>Credit Risk Scorecards</i>, Wiley (initial characteristic analysis): below 0.02
 * unpredictive, 0.02 to 0.1 weak, 0.1 to 0.3 medium, 0.3 and above strong. Siddiqi also advises checking variables whose IV is
 * very high for over-prediction (for example a variable that leaks the outcome); following common
 * practice this class labels IV &ge; 0.5 {@link #SUSPICIOUS}. Each bound belongs to the higher label.
 */
public enum IvStrength {
    /** IV &lt; 0.02: not predictive. */
    USELESS,
    /** 0.02 &le; IV &lt; 0.1. */
    WEAK,
    /** 0.1 &le; IV &lt; 0.3. */
    MEDIUM,
    /** 0.3 &le; IV &lt; 0.5. */
    STRONG,
    /** IV &ge; 0.5: very strong; check for leakage of the outcome before trusting it. */
    SUSPICIOUS;

    /**
     * The label of an information value.
     *
     * @throws org.icpengine.errors.InputException if {@code iv} is negative, NaN or infinite
     */
    public static IvStrength of(double iv) {
        Validate.nonNegative(iv, "iv");
        if (iv < 0.02) {
            return USELESS;
        } else if (iv < 0.1) {
            return WEAK;
        } else if (iv < 0.3) {
            return MEDIUM;
        } else if (iv < 0.5) {
            return STRONG;
        }
        return SUSPICIOUS;
    }
}
