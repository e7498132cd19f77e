package org.icpengine.core.pipeline.model;

/**
 * What a model was trained or tiered on.
 *
 * @param population  who the rows are, in words (e.g. "mature customers with a known ideal outcome")
 * @param label       what label 1 means, in words; empty for hand-written scorecards
 * @param rows        training (or tiering) rows
 * @param positives   rows with label 1, or -1 when there is no label
 * @param trainingAuc AUC of the score on its own training rows (optimistic; {@code icp validate} measures
 *                    out of sample), {@code NaN} without labels
 */
public record TrainingSummary(String population, String label, long rows, long positives, double trainingAuc) {
}
