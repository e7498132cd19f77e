/**
 * The time-split backtest of {@code icp validate}: every learned and hand-written scorecard refitted (or re-tiered)
 * on the earliest 70% of its population and measured on the latest 30%, point in time. Start with
 * {@link org.icpengine.core.pipeline.validate.Validation#run}, which returns a
 * {@link org.icpengine.core.pipeline.validate.ValidationReport}.
 */
package org.icpengine.core.pipeline.validate;
