/**
 * Customer lifetime-value models: trainers that fit them by maximum likelihood on primitive arrays,
 * and the immutable, JSON-serializable fitted models they return.
 *
 * <ul>
 *   <li>Contractual (subscriptions): {@link org.icpengine.stats.ltv.SbgTrainer} →
 *       {@link org.icpengine.stats.ltv.SbgModel}, the shifted-beta-geometric retention model of
 *       Fader &amp; Hardie (2007) with the discounted expected (residual) lifetime of Fader &amp;
 *       Hardie (2010).</li>
 *   <li>Non-contractual repeat purchasing: {@link org.icpengine.stats.ltv.BgNbdTrainer} →
 *       {@link org.icpengine.stats.ltv.BgNbdModel} (Fader, Hardie &amp; Lee 2005) and
 *       {@link org.icpengine.stats.ltv.ParetoNbdTrainer} → {@link org.icpengine.stats.ltv.ParetoNbdModel}
 *       (Schmittlein, Morrison &amp; Colombo 1987).</li>
 *   <li>Spend per transaction: {@link org.icpengine.stats.ltv.GammaGammaTrainer} →
 *       {@link org.icpengine.stats.ltv.GammaGammaModel}; combined with a BG/NBD model in
 *       {@link org.icpengine.stats.ltv.ClvModel} for a discounted customer lifetime value.</li>
 * </ul>
 *
 * <p>Trainers are immutable and thread-safe; every parameter is fitted on the log scale, so it stays
 * positive. Invalid arguments raise {@link org.icpengine.errors.InputException} naming the argument
 * and index; data that cannot identify a model (empty input, no churn, no repeat purchases, a maximum
 * at the edge of the parameter space) raise {@link org.icpengine.errors.InsufficientDataException}
 * rather than returning NaN. Start with {@link org.icpengine.stats.ltv.SbgTrainer} for subscriptions
 * and {@link org.icpengine.stats.ltv.BgNbdTrainer} for transactions.
 */
package org.icpengine.stats.ltv;
