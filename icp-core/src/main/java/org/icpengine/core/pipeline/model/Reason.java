package org.icpengine.core.pipeline.model;

/**
 * One criterion's part in an account's score.
 *
 * @param criterion the criterion
 * @param bin       the bin (learned) or band (hand-written) the account fell in
 * @param points    the points it gave
 * @param delta     points gained (positive) or lost (negative) against the criterion's mean over the
 *                  training population
 */
public record Reason(String criterion, String bin, int points, double delta) {
}
