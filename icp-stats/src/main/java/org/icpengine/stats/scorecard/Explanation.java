package org.icpengine.stats.scorecard;

import java.util.List;

/**
 * Why an account got its score: every criterion's contribution, the top reasons for points gained
 * and lost, and which inputs were missing.
 *
 * <p>Points are measured against each criterion's mean points over the training population, so the
 * deltas add up to the score minus the mean training score; a positive delta is a reason the account
 * scores above an average one. {@code gained} lists criteria with a positive delta, largest first;
 * {@code lost} those with a negative delta, most negative first; equal deltas keep criterion order.
 *
 * @param score         the total score
 * @param tier          the tier's name
 * @param contributions one per criterion, in criterion order
 * @param gained        up to the requested number of criteria with the largest positive deltas
 * @param lost          up to the requested number of criteria with the most negative deltas
 * @param missing       names of the criteria whose input was missing ({@code NaN} or {@code null})
 */
public record Explanation(int score, String tier, List<Contribution> contributions, List<Contribution> gained,
                          List<Contribution> lost, List<String> missing) {

    /** Copies the lists. */
    public Explanation {
        contributions = List.copyOf(contributions);
        gained = List.copyOf(gained);
        lost = List.copyOf(lost);
        missing = List.copyOf(missing);
    }
}
