/** JMH benchmarks of the evaluation statistics in {@code org.icpengine.stats.eval}; start with {@link org.icpengine.bench.eval.AucBenchmark}. */
package org.icpengine.bench.eval;
