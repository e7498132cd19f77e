package org.icpengine.stats.scorecard;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.icpengine.errors.InputException;
import org.icpengine.stats.internal.Validate;
import org.icpengine.stats.regression.LogisticModel;

/**
 * A fitted points scorecard: criteria (binned variables with integer points per bin), the logistic
 * regression they came from, the points scale, and tiers with score cut-offs. Immutable and
 * thread-safe; serializes to JSON with Jackson as its record components. Score accounts with
 * {@link #scorer()}.
 *
 * <p>A criterion's points for bin b are {@code round(sign * (beta * woe_b + alpha / k) * factor +
 * offset / k)} (Siddiqi 2006, "Scaling"), with alpha the intercept, beta the criterion's coefficient,
 * k the number of criteria and {@code sign = +1} when the good outcome is label 1, {@code -1} when it
 * is label 0 (the credit-risk case, where label 1 is a default and the formula reads
 * {@code -(woe * beta + alpha / k) * factor + offset / k}). The total score is the sum of the
 * criteria's points, and approximates {@code offset + factor * ln(odds of the good outcome)} up to
 * rounding. A higher score is always better.
 *
 * @param criteria  the criteria, in the order of the trainer's features
 * @param model     the logistic regression of the label on the criteria's WoE
 * @param scaling   the points scale
 * @param goodLabel the label (0 or 1) whose odds the score ranks up
 * @param tiers     the tiers, best first, the last one catching every lower score
 */
public record Scorecard(List<Criterion> criteria, LogisticModel model, Scaling scaling, int goodLabel,
                        List<Tier> tiers) {

    /** Validates the parts against each other and copies the lists. */
    public Scorecard {
        criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scaling, "scaling");
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        Validate.isTrue(!criteria.isEmpty(), "a scorecard needs at least one criterion");
        Validate.isTrue(goodLabel == 0 || goodLabel == 1, "goodLabel must be 0 or 1, got " + goodLabel);
        Validate.isTrue(model.features() == criteria.size(), "the model has " + model.features()
                + " coefficients for " + criteria.size() + " criteria");
        double[] beta = model.coefficients();
        Set<String> names = new HashSet<>();
        for (int j = 0; j < criteria.size(); j++) {
            Criterion c = criteria.get(j);
            Validate.isTrue(names.add(c.name()), "criterion '" + c.name() + "' appears more than once");
            Validate.isTrue(Double.compare(c.coefficient(), beta[j]) == 0, "criterion '" + c.name()
                    + "' has coefficient " + c.coefficient() + " but the model has " + beta[j]);
        }
        Validate.isTrue(!tiers.isEmpty(), "a scorecard needs at least one tier");
        Set<String> tierNames = new HashSet<>();
        for (int t = 0; t < tiers.size(); t++) {
            Tier tier = tiers.get(t);
            Validate.isTrue(tierNames.add(tier.name()), "tier '" + tier.name() + "' appears more than once");
            if (t == tiers.size() - 1) {
                Validate.isTrue(tier.minScore() == Integer.MIN_VALUE, "the last tier '" + tier.name()
                        + "' must have minScore Integer.MIN_VALUE, got " + tier.minScore());
            } else if (t > 0) {
                Validate.isTrue(tier.minScore() <= tiers.get(t - 1).minScore(), "tier cut-offs must not increase"
                        + " from best to worst, got " + tiers.get(t - 1).minScore() + " then " + tier.minScore());
            }
        }
    }

    /** The criterion with this name. */
    public Criterion criterion(String name) {
        for (Criterion c : criteria) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new InputException("no criterion '" + name + "' in the scorecard");
    }

    /** The lowest possible score: the sum of every criterion's smallest points. */
    public int minScore() {
        int s = 0;
        for (Criterion c : criteria) {
            s += c.minPoints();
        }
        return s;
    }

    /** The highest possible score: the sum of every criterion's largest points. */
    public int maxScore() {
        int s = 0;
        for (Criterion c : criteria) {
            s += c.maxPoints();
        }
        return s;
    }

    /** The name of the tier of a score: the first tier, best first, whose cut-off the score reaches. */
    public String tier(int score) {
        for (Tier t : tiers) {
            if (score >= t.minScore()) {
                return t.name();
            }
        }
        return tiers.get(tiers.size() - 1).name();
    }

    /** A compiled, allocation-free scorer of this scorecard. */
    public ScorecardScorer scorer() {
        return new ScorecardScorer(this);
    }
}
