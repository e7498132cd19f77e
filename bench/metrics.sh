#!/usr/bin/env bash
# Account-metrics benchmark: icp metrics (every metric, stored) over 10^7 usage events and 10^5 accounts vs one
# hand-written DuckDB query of the usage metrics, alternating in the same run on the same store.
# Usage: bench/metrics.sh [events] [rounds] [workdir]. ICP_TARGET selects the build output folder (default target).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
T="${ICP_TARGET:-target}"
./mvnw -q -B -DskipTests -Dicp.target="$T" -pl icp-bench -am package
exec java -Xmx8g -cp "icp-bench/$T/classes:$(cat "icp-bench/$T/classpath.txt")" \
  org.icpengine.bench.metrics.MetricsBenchmark "${1:-10000000}" "${2:-5}" "${3:-icp-bench/$T/bench-metrics}"
