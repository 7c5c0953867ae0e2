#!/usr/bin/env bash
# Two jars, one machine, interleaved: the offline chat benchmark of bench/chat-offline.sh for jar A and jar B with
# both hubs running side by side, measured in turns (A, B, A, B, ...) so that a machine whose speed drifts over the
# minutes (as this shared VM's does, ±15 % and more) moves both alike. Each round is CHAT seconds of POST /api/chat
# (CONNS connections, a new conversation per turn) followed by FLOOR seconds of GET /api/fabrics/VBC-2311 on the same
# hub; the other hub is idle meanwhile. Prints, per round and jar: turns/s, p99, floor req/s, chat/floor and the
# hub's CPU per turn; at the end the medians per jar.
#   bash bench/chat-offline-ab.sh OLD.jar NEW.jar
# Environment: WORKDIR_A / WORKDIR_B (where each jar starts: a jar older than 2026-12 needs its project folder for
#   routes/; default an empty folder), WARM (seconds per jar, one after the other, default 180: the packaged hub's JIT
#   takes about three minutes of load to settle), ROUNDS (4), CHAT (20), FLOOR (15), CONNS (16), PORT_A (8311),
#   PORT_B (8312), JAVA, JAVA_OPTS, ENV_A / ENV_B (settings for one hub only, e.g.
#   ENV_B='HENK_CHAT_STORE_COMMIT_DELAY=300us': the same jar twice compares two settings).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/hub.sh"
jar_a=$(realpath "$1"); jar_b=$(realpath "$2")
conns=${CONNS:-16}; port_a=${PORT_A:-8311}; port_b=${PORT_B:-8312}
dir=$(mktemp -d)
export HENK_CHAT_RATE_LIMIT_ANONYMOUS_PER_ADDRESS=100000000 HENK_CHAT_RATE_LIMIT_PER_SESSION=100000000
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done; rm -rf "$dir"' EXIT
mkdir -p "$dir/a" "$dir/b"
start_hub "$jar_a" "${WORKDIR_A:-$dir/a}" "$dir/a.log" "$port_a" HENK_DATA_DIR="$dir/a/data" ${ENV_A:-}; pid_a=$HUB_PID; pids+=("$pid_a")
start_hub "$jar_b" "${WORKDIR_B:-$dir/b}" "$dir/b.log" "$port_b" HENK_DATA_DIR="$dir/b/data" ${ENV_B:-}; pid_b=$HUB_PID; pids+=("$pid_b")
for port in "$port_a" "$port_b"; do
  wrk -t2 -c"$conns" -d"${WARM:-180}s" -s "$here/chat.lua" "http://localhost:$port/api/chat" > /dev/null
done
sleep 2
results="$dir/results"
round() { # label pid port
  local c0 c1 out floor rps turns p99
  c0=$(cpu_seconds "$2")
  out=$(wrk -t2 -c"$conns" -d"${CHAT:-20}s" --latency -s "$here/chat.lua" "http://localhost:$3/api/chat")
  c1=$(cpu_seconds "$2")
  floor=$(wrk -t2 -c"$conns" -d"${FLOOR:-15}s" "http://localhost:$3/api/fabrics/VBC-2311" | awk '/Requests\/sec/ {print $2}')
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out"); turns=$(awk '/requests in/ {print $1}' <<< "$out")
  p99=$(awk '$2 == "p99" {print $3}' <<< "$out")
  printf '%s %.1f %s %s %.3f %.3f\n' "$1" "$rps" "$p99" "$floor" "$(echo "$rps / $floor" | bc -l)" \
    "$(echo "($c1 - $c0) * 1000 / $turns" | bc -l)" | tee -a "$results" |
    awk -v r="$4" '{printf "round %d %s: chat %s turns/s  p99 %s ms  floor %s req/s  chat/floor %s  cpu/turn %s ms\n", r, $1, $2, $3, $4, $5, $6}'
  grep '^status' <<< "$out" | tr '\n' ' '; echo "load $(cut -d' ' -f1 /proc/loadavg)"
}
for r in $(seq 1 "${ROUNDS:-4}"); do
  if (( r % 2 )); then round A "$pid_a" "$port_a" "$r"; round B "$pid_b" "$port_b" "$r"
  else round B "$pid_b" "$port_b" "$r"; round A "$pid_a" "$port_a" "$r"; fi
done
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for j in A B; do
  printf 'median %s (%s): chat %s turns/s  floor %s req/s  chat/floor %s  cpu/turn %s ms\n' "$j" \
    "$([ "$j" = A ] && echo "$1" || echo "$2")" \
    "$(awk -v j=$j '$1 == j {print $2}' "$results" | median)" "$(awk -v j=$j '$1 == j {print $4}' "$results" | median)" \
    "$(awk -v j=$j '$1 == j {print $5}' "$results" | median)" "$(awk -v j=$j '$1 == j {print $6}' "$results" | median)"
done
for j in a b; do
  printf 'database file %s: %s MB\n' "${j^^}" "$(( $(stat -c %s "$dir/$j/data/db/henk.mv.db" 2>/dev/null || echo 0) / 1048576 ))"
done
