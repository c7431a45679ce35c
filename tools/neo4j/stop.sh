#!/usr/bin/env bash
# Stop the local Neo4j started by start.sh, by the pid in its state folder.
#
#   tools/neo4j/stop.sh             # state under .neo4j/ (or VNKG_NEO4J_DIR)
#
# Sends SIGTERM (the launcher shuts the databases down cleanly), waits up to
# NEO4J_STOP_TIMEOUT seconds (60), then SIGKILL.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
state="${VNKG_NEO4J_DIR:-$repo/.neo4j}"
case "$state" in /*) ;; *) state="$repo/$state" ;; esac
timeout_s="${NEO4J_STOP_TIMEOUT:-60}"
pid_file="$state/neo4j.pid"

if [[ ! -f "$pid_file" ]]; then
    echo "stop.sh: no $pid_file: nothing to stop"
    exit 0
fi
pid="$(cat "$pid_file")"
if ! kill -0 "$pid" 2>/dev/null; then
    echo "stop.sh: Neo4j (pid $pid) was not running"
    rm -f "$pid_file"
    exit 0
fi
kill -TERM "$pid"
for _ in $(seq 1 $(( timeout_s * 2 ))); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pid_file"; echo "stop.sh: Neo4j stopped"; exit 0; }
    sleep 0.5
done
echo "stop.sh: Neo4j (pid $pid) ignored SIGTERM for ${timeout_s}s; killing it" >&2
kill -KILL "$pid" 2>/dev/null || true
rm -f "$pid_file"
