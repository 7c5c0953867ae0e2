#!/usr/bin/env bash
# 200 concurrent conversations against a model that answers in 2 s (docs/benchmarks-chat.md, section (b)).
# Starts the OpenAI-compatible stub of the tests and the packaged jar with HENK_LLM_EXTRACTION (model-first), warms
# up (WARM, 60s), waits 5 s for the warm-up's last turns, then one wrk run per entry of RUNS (seconds), printing
# turns/s, latency percentiles (the hub's own share is latency - 2000 ms), the hub's CPU per turn and its threads.
#   mvn -DskipTests package
#   mvn test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/henk-test-cp.txt -Dmdep.includeScope=test
#   bash bench/chat-model.sh [label]
# Environment: JAR, JAVA (java), CP_FILE (/tmp/henk-test-cp.txt), PORT (8310), STUB_PORT (8399), DELAY (2000),
#   CONNS (200), RAMP_MS (the connections' first turns spread over DELAY ms, bench/chat.lua), WARM (60s), RUNS ("40 120"), EXTRACTION (model-first), READING (what the stub's reading answers, {}), JAVA_OPTS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/hub.sh"
jar="${JAR:-$here/../target/henk-hub.jar}"; label="${1:-$(basename "$jar")}"
port=${PORT:-8310}; stub_port=${STUB_PORT:-8399}; export CONNS=${CONNS:-200} RAMP_MS=${RAMP_MS:-${DELAY:-2000}}; conns=$CONNS
dir=$(mktemp -d)
java -cp "$here/../target/test-classes:$(cat "${CP_FILE:-/tmp/henk-test-cp.txt}")" de.henk.hub.support.OpenAiStub \
  "$stub_port" "${DELAY:-2000}" "${READING:-{\}}" > "$dir/stub.log" 2>&1 &
stub=$!
export HENK_CHAT_RATE_LIMIT_ANONYMOUS_PER_ADDRESS=100000000 HENK_CHAT_RATE_LIMIT_PER_SESSION=100000000
HUB_PID=
trap 'kill $HUB_PID $stub 2>/dev/null; wait $HUB_PID $stub 2>/dev/null || true; rm -rf "$dir"' EXIT
start_hub "$jar" "$dir" "$dir/hub.log" "$port" HENK_DATA_DIR="$dir/data" HENK_LLM_PROVIDER=openai \
  HENK_LLM_BASE_URL="http://127.0.0.1:$stub_port/v1" HENK_LLM_MODEL=stub HENK_LLM_TIMEOUT=10s \
  HENK_LLM_EXTRACTION="${EXTRACTION:-model-first}"
pid=$HUB_PID
wrk -t2 -c"$conns" -d"${WARM:-60s}" --timeout 15s -s "$here/chat.lua" "http://localhost:$port/api/chat" > /dev/null
sleep 5
for secs in ${RUNS:-40 120}; do
  c0=$(cpu_seconds "$pid")
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout 15s --latency -s "$here/chat.lua" "http://localhost:$port/api/chat")
  c1=$(cpu_seconds "$pid")
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out"); turns=$(awk '/requests in/ {print $1}' <<< "$out")
  pct=$(awk '$1 == "pct" {printf "%s %s ms  ", $2, $3}' <<< "$out")
  printf '%s %ss: %s turns/s  %s cpu/turn %.2f ms  threads %s  [%s] load %s\n' "$label" "$secs" "$rps" "$pct" \
    "$(echo "($c1 - $c0) * 1000 / $turns" | bc -l)" "$(ls /proc/$pid/task | wc -l)" \
    "$(grep '^status' <<< "$out" | tr '\n' ' ')" "$(cut -d' ' -f1 /proc/loadavg)"
  sleep 5
done
grep -c 'LLM reply failed\|extraction failed' "$dir/hub.log" | sed 's/^/fallbacks in the log: /' || true
