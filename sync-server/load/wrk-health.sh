#!/usr/bin/env bash
# The ceiling for the load tests: plain wrk against the server's /health on this machine (no database
# work, no authentication), with the server jar on its embedded PostgreSQL. Installs wrk when missing.
# Usage: sync-server/load/wrk-health.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
connections=${2:-64}
port=${BOOKSFLOW_WRK_PORT:-18080}

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
jar=sync-server/target/booksflow-server.jar
[ -f "$jar" ] || ./mvnw -B -q -pl sync-server -am package -DskipTests
. .mvn/select-jdk.sh
java_home=$(booksflow_current_home)

data=$(mktemp -d /tmp/booksflow-wrk.XXXXXX)
"$java_home/bin/java" -jar "$jar" serve --port "$port" --data-dir "$data" > "$data/server.log" 2>&1 &
server=$!
# The server stops its PostgreSQL as it exits (its exit status after the TERM is not an error here).
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
# A short warm-up for the JIT, then the measured run.
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port/health" >/dev/null
echo "wrk -t2 -c$connections -d${seconds}s http://127.0.0.1:$port/health ($(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg))"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port/health"
