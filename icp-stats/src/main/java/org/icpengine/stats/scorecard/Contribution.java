package org.icpengine.stats.scorecard;

/**
 * What one criterion adds to one account's score.
 *
 * @param criterion the criterion's name
 * @param bin       the label of the account's bin, e.g. {@code "[10, 20)"}, {@code "SaaS"}, {@code "missing"}
 * @param binIndex  the bin's index in the criterion's binning
 * @param points    the bin's points
 * @param delta     points gained (positive) or lost (negative) against the criterion's training mean,
 *                  {@code points - meanPoints}
 */
public record Contribution(String criterion, String bin, int binIndex, int points, double delta) {
}
