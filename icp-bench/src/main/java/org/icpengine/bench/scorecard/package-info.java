/**
 * JMH benchmarks of the scorecard kernels: the L2 logistic regression fit on 10^6 x 30 rows and
 * in-memory scorecard scoring. Run them with {@code bench/jmh.sh org.icpengine.bench.scorecard}.
 */
package org.icpengine.bench.scorecard;
