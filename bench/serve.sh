#!/usr/bin/env bash
# Load benchmark of 'icp serve': single-account POST /api/v1/score requests over loopback with concurrency 32, for a
# bounded time after a 5 s warm-up; reports throughput, p50/p99 latency and errors (target: >= 2,000 req/s and
# p99 <= 20 ms on 2 cores, zero errors). Builds icp-cli and icp-bench, writes a demo workspace, creates a key,
# starts the server on a free port, runs the client (org.icpengine.bench.serve.ServeLoad) and stops the server.
# Usage: bench/serve.sh [seconds=60] [concurrency=32] [accounts=1500] [workdir]
# ICP_TARGET selects the build output folder (default target); SERVER_CPUS (e.g. 0,1) pins the server with taskset.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
T="${ICP_TARGET:-target}"
SECONDS_TO_RUN="${1:-60}"
CONCURRENCY="${2:-32}"
ACCOUNTS="${3:-1500}"
WORK="${4:-icp-bench/$T/bench-serve}"
./mvnw -q -B -o -DskipTests -Dicp.target="$T" -pl icp-cli,icp-bench -am package
CLI_CP="$(ls icp-cli/$T/icp-cli-*.jar | head -n 1):$(cat icp-cli/$T/classpath.txt)"
icp() { java -cp "$CLI_CP" org.icpengine.cli.Icp "$@"; }

rm -rf "$WORK"
mkdir -p "$WORK"
echo "serve.sh: writing a demo workspace of $ACCOUNTS accounts in $WORK/demo" >&2
icp demo --accounts "$ACCOUNTS" --dir "$WORK/demo" >"$WORK/demo.log"
KEY="$(icp serve --new-key --workspace "$WORK/demo" | grep -o 'icp_[A-Za-z0-9_-]*' | head -n 1)"

PIN=()
if [ -n "${SERVER_CPUS:-}" ]; then PIN=(taskset -c "$SERVER_CPUS"); fi
"${PIN[@]}" java ${SERVER_JAVA_OPTS:--Xmx1g} -cp "$CLI_CP" org.icpengine.cli.Icp serve --port 0 --workspace "$WORK/demo" \
  >"$WORK/serve.log" 2>"$WORK/serve.err" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "Press Ctrl-C" "$WORK/serve.log" 2>/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
  sleep 0.2
done
URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/serve.log" | head -n 1)"
[ -n "$URL" ] || { echo "serve.sh: the server did not start; see $WORK/serve.err" >&2; exit 1; }
echo "serve.sh: server at $URL (pid $SERVER); $CONCURRENCY clients for $SECONDS_TO_RUN s after a 5 s warm-up; $(nproc) cores" >&2
java -cp "icp-bench/$T/classes:$(cat "icp-bench/$T/classpath.txt")" org.icpengine.bench.serve.ServeLoad \
  "$URL" "$KEY" "$SECONDS_TO_RUN" "$CONCURRENCY" 5
