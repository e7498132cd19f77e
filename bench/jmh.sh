#!/usr/bin/env bash
# Runs JMH benchmarks of icp-bench; builds nothing (build first: ./mvnw -q -pl icp-bench -am package -DskipTests).
# Usage: bench/jmh.sh [JMH options] [benchmark regex], e.g. bench/jmh.sh -f 1 -wi 2 -i 3 org.icpengine.bench.scorecard
# ICP_TARGET selects the build output folder (default target), as -Dicp.target does for Maven.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
T="${ICP_TARGET:-target}"
exec java -cp "icp-bench/$T/classes:$(cat "icp-bench/$T/classpath.txt")" org.openjdk.jmh.Main "$@"
