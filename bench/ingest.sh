#!/usr/bin/env bash
# Ingest benchmark: icp ingest of 10^7 usage events vs DuckDB's own read_csv of the same file, same run.
# Usage: bench/ingest.sh [events] [rounds] [workdir]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -q -B -DskipTests -pl icp-bench -am package
exec java -Xmx8g -cp "icp-bench/target/classes:$(cat icp-bench/target/classpath.txt)" \
  org.icpengine.bench.ingest.IngestBenchmark "${1:-10000000}" "${2:-3}" "${3:-icp-bench/target/bench-ingest}"
