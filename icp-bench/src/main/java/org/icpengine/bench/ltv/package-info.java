/**
 * JMH benchmarks of the lifetime-value fits in {@code org.icpengine.stats.ltv}; start with
 * {@link org.icpengine.bench.ltv.LtvFitBenchmark}.
 */
package org.icpengine.bench.ltv;
