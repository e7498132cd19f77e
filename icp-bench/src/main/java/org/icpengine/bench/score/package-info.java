/**
 * Scoring benchmarks: {@link org.icpengine.bench.score.ScoreFileBenchmark} compares scoring a large CSV with the
 * product's compiled scorer against a DuckDB CASE-sum query of the same scoring table, in one run.
 */
package org.icpengine.bench.score;
