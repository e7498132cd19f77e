/**
 * Load benchmark of {@code icp serve}: {@link org.icpengine.bench.serve.ServeLoad} sends single-account
 * {@code POST /api/v1/score} requests over loopback and reports throughput, latency percentiles and errors. Run it
 * with {@code bench/serve.sh}, which builds a demo workspace and starts the server.
 */
package org.icpengine.bench.serve;
