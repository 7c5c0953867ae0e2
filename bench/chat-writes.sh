#!/usr/bin/env bash
# What an offline chat turn writes and costs (docs/benchmarks-chat.md, third session of 2026-12-06): the packaged jar
# fresh in an empty folder, WARM of POST /api/chat (16 connections, a new conversation per turn), then two rounds of
# 20 s, each printing turns/s, the bytes the hub wrote per turn (/proc/<pid>/io wchar), its CPU per turn and the
# system part of it, and the size of the H2 folder.
#   mvn -DskipTests package && bash bench/chat-writes.sh [label] [NAME=value ...]   (settings for the hub)
# Environment: JAR (default target/henk-hub.jar), PORT (8311), WARM (60s), JAVA_OPTS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/hub.sh"
jar="${JAR:-$here/../target/henk-hub.jar}"; label="${1:-$(basename "$jar")}"; shift || true
port=${PORT:-8311}
dir=$(mktemp -d)
export HENK_CHAT_RATE_LIMIT_ANONYMOUS_PER_ADDRESS=100000000 HENK_CHAT_RATE_LIMIT_PER_SESSION=100000000
HUB_PID=
trap 'kill $HUB_PID 2>/dev/null; wait $HUB_PID 2>/dev/null || true; rm -rf "$dir"' EXIT
start_hub "$jar" "$dir" "$dir/hub.log" "$port" HENK_DATA_DIR="$dir/data" "$@"
pid=$HUB_PID
wrk -t2 -c16 -d"${WARM:-60s}" -s "$here/chat.lua" "http://localhost:$port/api/chat" > /dev/null
written() { awk '/^wchar/ {print $2}' "/proc/$pid/io"; }
system_ticks() { awk '{print $15}' "/proc/$pid/stat"; }
for round in 1 2; do
  w0=$(written); c0=$(cpu_seconds "$pid"); s0=$(system_ticks)
  out=$(wrk -t2 -c16 -d20s -s "$here/chat.lua" "http://localhost:$port/api/chat")
  w1=$(written); c1=$(cpu_seconds "$pid"); s1=$(system_ticks)
  turns=$(awk '/requests in/ {print $1}' <<< "$out")
  printf '%s round %d: %s turns/s, %d bytes written per turn, cpu/turn %.2f ms (system %.2f ms), H2 folder %s\n' \
    "$label" "$round" "$(awk '/Requests\/sec/ {print $2}' <<< "$out")" $(( (w1 - w0) / turns )) \
    "$(echo "($c1 - $c0) * 1000 / $turns" | bc -l)" "$(echo "($s1 - $s0) * 10 / $turns" | bc -l)" \
    "$(du -sh "$dir/data/db" | cut -f1)"
done
