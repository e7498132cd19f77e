package org.icpengine.core.pipeline.model;

import java.util.List;

/**
 * One account's scores by every model of a {@link Scoring}, and its expected value.
 *
 * @param scores        one per model, in the scoring's model order
 * @param expectedValue P(win) × expected LTV given fit (see {@link Scoring}); {@code NaN} when the
 *                      scoring lacks the {@code fit} or {@code conversion} model or the tier has no LTV
 */
public record AccountScore(List<ModelScore> scores, double expectedValue) {

    /** Copies the list. */
    public AccountScore {
        scores = List.copyOf(scores);
    }
}
