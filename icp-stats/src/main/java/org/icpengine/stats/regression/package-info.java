/**
 * Logistic regression, unpenalized or with an L2 penalty, fitted by Newton's method. Start with
 * {@link org.icpengine.stats.regression.LogisticTrainer}, which returns an immutable
 * {@link org.icpengine.stats.regression.LogisticModel}.
 */
package org.icpengine.stats.regression;
