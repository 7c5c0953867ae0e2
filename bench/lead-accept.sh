#!/usr/bin/env bash
# Lead accept latency on the embedded default (H2 file database, Pipedrive sync paused: every lead is stored with
# its outbox entry and answered 202). Starts the packaged jar in a fresh folder, signs in the bootstrap admin
# (ADMIN counts as sales team), and posts leads with wrk. Extra JDBC URL options: H2_URL_EXTRA=';WRITE_DELAY=500'.
#   mvn -DskipTests package && bash bench/lead-accept.sh [seconds] [connections]
set -euo pipefail
source "$(dirname "$0")/hub.sh"
jar="$(cd "$(dirname "$0")/.." && pwd)/target/henk-hub.jar"
secs=${1:-30}; conns=${2:-16}; port=${PORT:-8790}
dir=$(mktemp -d)
cd "$dir"
url="jdbc:h2:file:$dir/data/db/henk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH${H2_URL_EXTRA:-}"
HUB_PID=
trap 'kill $HUB_PID 2>/dev/null; wait $HUB_PID 2>/dev/null || true; rm -rf "$dir"' EXIT
start_hub "$jar" "$dir" "$dir/hub.log" "$port" HENK_ADMIN_EMAIL=bench-admin@example.com \
  HENK_ADMIN_PASSWORD='Bench-Admin-Pass-1' SPRING_DATASOURCE_URL="$url"
TOKEN=$(curl -sf -X POST "localhost:$port/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench-admin@example.com","password":"Bench-Admin-Pass-1"}' | jq -r .access_token)
export TOKEN
echo "warm-up 10 s"; wrk -t2 -c"$conns" -d10s -s "$(dirname "$jar")/../bench/lead.lua" "http://localhost:$port" >/dev/null
echo "measured ${secs} s, $conns connections, JDBC options: ${H2_URL_EXTRA:-(default)}"
wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$(dirname "$jar")/../bench/lead.lua" "http://localhost:$port"
