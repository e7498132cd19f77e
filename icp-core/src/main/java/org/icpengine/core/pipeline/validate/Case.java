package org.icpengine.core.pipeline.validate;

import java.time.LocalDate;

/**
 * One account of a model's population in a backtest.
 *
 * @param id       the account
 * @param cutoff   its own cut-off: the date its features are read as of, and the date the split orders by
 * @param features its feature row (columns of {@code account_metrics}), known on or before {@code cutoff}
 * @param label    1 or 0
 * @param outcome  the {@code account_metrics} row its outcome is read from (per-tier LTV, CAC, NRR, win rate)
 * @param ideal    its ideal outcome where known, else null
 */
record Case(String id, LocalDate cutoff, Object[] features, int label, Object[] outcome, Boolean ideal) {
}
