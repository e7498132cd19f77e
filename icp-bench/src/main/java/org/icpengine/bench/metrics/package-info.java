/**
 * End-to-end account-metrics benchmark against one hand-written DuckDB query of the usage metrics; run with
 * {@code bench/metrics.sh}. Start with {@link org.icpengine.bench.metrics.MetricsBenchmark}.
 */
package org.icpengine.bench.metrics;
