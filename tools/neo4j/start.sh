#!/usr/bin/env bash
# Start the local Neo4j Community server (embedded, Bolt on 127.0.0.1) in the background.
#
#   tools/neo4j/start.sh            # Bolt on 7687, state under .neo4j/
#   NEO4J_BOLT_PORT=7688 VNKG_NEO4J_DIR=.neo4j/test tools/neo4j/start.sh
#
# Env: NEO4J_BOLT_PORT (7687), NEO4J_USER / NEO4J_PASSWORD (neo4j / vnkg-test-pass, local
# test server only), VNKG_NEO4J_DIR (state folder: home/, neo4j.pid, neo4j.log; default
# .neo4j at the repo top), NEO4J_START_TIMEOUT (seconds, 120), NEO4J_JAVA_OPTS, NEO4J_TX_MAX
# (a cap on one transaction's memory, e.g. 16m: db.memory.transaction.max; none by default).
# The first run asks Maven for Neo4j's jars (tools/maven-classpath.sh: cached in ~/.m2)
# and keeps the classpath in tools/neo4j/target/classpath.txt.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
port="${NEO4J_BOLT_PORT:-7687}"
state="${VNKG_NEO4J_DIR:-$repo/.neo4j}"
case "$state" in /*) ;; *) state="$repo/$state" ;; esac
timeout_s="${NEO4J_START_TIMEOUT:-120}"
java_opts="${NEO4J_JAVA_OPTS:--Xms256m -Xmx1g}"
classpath_file="$here/target/classpath.txt"
pid_file="$state/neo4j.pid"
log_file="$state/neo4j.log"

bolt_answers() {
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

build_classpath() {
    bash "$here/../maven-classpath.sh" "$here" >/dev/null
}

if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "start.sh: Neo4j already running (pid $(cat "$pid_file")), Bolt on 127.0.0.1:$port"
    exit 0
fi
if bolt_answers; then
    echo "start.sh: port $port is already taken by another process; set NEO4J_BOLT_PORT" >&2
    exit 1
fi
command -v java >/dev/null || { echo "start.sh: Java 17 is needed" >&2; exit 1; }
build_classpath
mkdir -p "$state"
started=$(date +%s)
: >"$log_file"
# shellcheck disable=SC2086
nohup java $java_opts -cp "$(cat "$classpath_file")" "$here/Neo4jLauncher.java" "$state/home" \
    >"$log_file" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pid_file"

while ! { grep -q "vnkg-neo4j: ready" "$log_file" && bolt_answers; }; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "start.sh: Neo4j exited during startup; last lines of $log_file:" >&2
        tail -n 20 "$log_file" >&2
        rm -f "$pid_file"
        exit 1
    fi
    if (( $(date +%s) - started >= timeout_s )); then
        echo "start.sh: Bolt did not answer on 127.0.0.1:$port within ${timeout_s}s;" \
             "see $log_file (server left running, pid $pid; stop it with tools/neo4j/stop.sh)" >&2
        exit 1
    fi
    sleep 0.5
done
echo "start.sh: Neo4j up in $(( $(date +%s) - started ))s (pid $pid), Bolt on 127.0.0.1:$port"
