package org.icpengine.stats.scorecard;

import java.util.Objects;
import org.icpengine.stats.internal.Validate;

/**
 * One input column of a {@link ScorecardTrainer}: a numeric or a categorical variable with one value
 * per training row. The position of a feature in the list given to the trainer is its criterion
 * index in the {@link Scorecard} and in the {@link ScorecardScorer}. The arrays are not copied; do
 * not change them during a fit.
 */
public sealed interface Feature permits Feature.Numeric, Feature.Categorical {

    /** The variable's name, unique within a scorecard. */
    String name();

    /** Number of rows. */
    int size();

    /**
     * A numeric variable; {@code NaN} is missing.
     *
     * @param name   the name
     * @param values one value per row
     * @param splits fixed split points (strictly increasing), or {@code null} to bin automatically
     */
    record Numeric(String name, double[] values, double[] splits) implements Feature {

        /** Validates the name and that values are present. */
        public Numeric {
            Validate.isTrue(name != null && !name.isBlank(), "feature name must not be blank");
            Objects.requireNonNull(values, "values of feature '" + name + "'");
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /**
     * A categorical variable; {@code null} is missing.
     *
     * @param name   the name
     * @param values one category per row
     */
    record Categorical(String name, String[] values) implements Feature {

        /** Validates the name and that values are present. */
        public Categorical {
            Validate.isTrue(name != null && !name.isBlank(), "feature name must not be blank");
            Objects.requireNonNull(values, "values of feature '" + name + "'");
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /** A numeric feature binned automatically. */
    static Feature numeric(String name, double[] values) {
        return new Numeric(name, values, null);
    }

    /** A numeric feature binned at the given split points. */
    static Feature numeric(String name, double[] values, double... splits) {
        return new Numeric(name, values, Objects.requireNonNull(splits, "splits"));
    }

    /** A categorical feature. */
    static Feature categorical(String name, String[] values) {
        return new Categorical(name, values);
    }
}
