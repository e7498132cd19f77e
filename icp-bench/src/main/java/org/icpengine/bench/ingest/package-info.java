/** End-to-end ingest benchmark against DuckDB's own CSV reader; run with {@code bench/ingest.sh}. */
package org.icpengine.bench.ingest;
