#!/usr/bin/env bash
# Offline chat turns per second against the cheapest Camel REST route (docs/benchmarks-chat.md, section (a)).
# Starts the packaged jar fresh in an empty folder (embedded H2 file, no model), warms it up, then ROUNDS rounds of
# CHAT seconds of POST /api/chat (16 connections, a new conversation per turn) and FLOOR seconds of
# GET /api/fabrics/VBC-2311, and prints per round: turns/s, latency, floor req/s, chat/floor and the hub's CPU per turn.
#   mvn -DskipTests package && bash bench/chat-offline.sh [label]
# Environment: JAR (default target/henk-hub.jar), WORKDIR (where it starts, default the empty folder; a jar older
#   than 2026-12 needs its project folder for routes/), JAVA (default java), PORT (8310), WARM (60s), ROUNDS (3),
#   CHAT (20), FLOOR (15), CONNS (16), JAVA_OPTS, and any HENK_* setting for the hub.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/hub.sh"
jar="${JAR:-$here/../target/henk-hub.jar}"; label="${1:-$(basename "$jar")}"
port=${PORT:-8310}; conns=${CONNS:-16}
dir=$(mktemp -d)
export HENK_CHAT_RATE_LIMIT_ANONYMOUS_PER_ADDRESS=100000000 HENK_CHAT_RATE_LIMIT_PER_SESSION=100000000
HUB_PID=
trap 'kill $HUB_PID 2>/dev/null; wait $HUB_PID 2>/dev/null || true; rm -rf "$dir"' EXIT
start_hub "$jar" "${WORKDIR:-$dir}" "$dir/hub.log" "$port" HENK_DATA_DIR="$dir/data"
pid=$HUB_PID
wrk -t2 -c"$conns" -d"${WARM:-60s}" -s "$here/chat.lua" "http://localhost:$port/api/chat" > /dev/null
sleep 2
for round in $(seq 1 "${ROUNDS:-3}"); do
  c0=$(cpu_seconds "$pid")
  out=$(wrk -t2 -c"$conns" -d"${CHAT:-20}s" --latency -s "$here/chat.lua" "http://localhost:$port/api/chat")
  c1=$(cpu_seconds "$pid")
  floor=$(wrk -t2 -c"$conns" -d"${FLOOR:-15}s" "http://localhost:$port/api/fabrics/VBC-2311" | awk '/Requests\/sec/ {print $2}')
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  turns=$(awk '/requests in/ {print $1}' <<< "$out")
  p50=$(awk '$2 == "p50" {print $3}' <<< "$out"); p99=$(awk '$2 == "p99" {print $3}' <<< "$out")
  statuses=$(grep '^status' <<< "$out" | tr '\n' ' ')
  printf '%s round %d: chat %s turns/s  p50 %s ms  p99 %s ms  floor %s req/s  chat/floor %.2f  cpu/turn %.2f ms  [%s] load %s\n' \
    "$label" "$round" "$rps" "$p50" "$p99" "$floor" "$(echo "$rps / $floor" | bc -l)" \
    "$(echo "($c1 - $c0) * 1000 / $turns" | bc -l)" "$statuses" "$(cut -d' ' -f1 /proc/loadavg)"
done
