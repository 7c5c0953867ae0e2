# Sourced by the bench scripts.

# cpu_seconds PID — the process's user+system CPU in seconds (from /proc, clock ticks of 1/100 s)
cpu_seconds() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }

# start_hub JAR WORKDIR LOG PORT [NAME=value ...] — runs the packaged jar in WORKDIR with ${JAVA:-java} ${JAVA_OPTS},
# the given settings and SERVER_PORT=PORT, sets HUB_PID (the JVM's own: the subshell execs it) and waits until it is
# ready; fails with the log's tail when it is not ready within two minutes.
start_hub() {
  local jar=$1 workdir=$2 log=$3 port=$4; shift 4
  (cd "$workdir" && exec env "$@" SERVER_PORT="$port" ${JAVA:-java} ${JAVA_OPTS:-} -jar "$jar" > "$log" 2>&1) &
  HUB_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "localhost:$port/actuator/health/readiness" > /dev/null && return 0
    kill -0 "$HUB_PID" 2> /dev/null || break
    sleep 1
  done
  echo "the hub did not start:" >&2; tail -20 "$log" >&2; return 1
}
