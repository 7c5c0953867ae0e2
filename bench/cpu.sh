# sourced: cpu_seconds PID — the process's user+system CPU in seconds (from /proc, clock ticks of 1/100 s)
cpu_seconds() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }
