#!/usr/bin/env bash
# Scoring benchmark: in-memory accounts/s on one thread, then a CSV of N accounts scored by the compiled scorer vs a
# DuckDB CASE-sum query of the same scoring table, alternating in the same run.
# Usage: bench/score.sh [rows] [rounds] [workdir]. ICP_TARGET selects the build output folder (default target).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
T="${ICP_TARGET:-target}"
./mvnw -q -B -o -DskipTests -Dicp.target="$T" -pl icp-bench -am package
exec java -Xmx4g -cp "icp-bench/$T/classes:$(cat "icp-bench/$T/classpath.txt")" \
  org.icpengine.bench.score.ScoreFileBenchmark "${1:-10000000}" "${2:-3}" "${3:-icp-bench/$T/bench-score}"
