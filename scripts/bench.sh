#!/usr/bin/env bash
# The load benchmark in one command (README.md, "Benchmark"): builds the bot's jar from this tree, then starts a throwaway
# PostgreSQL, a fake Bot Connector and the bot (-Xmx512m) and drives Teams-shaped traffic at it from a separate
# JVM. Prints a table and writes target/bench/results.json. Options go to the benchmark (--help lists them).
#   scripts/bench.sh                          # the documented run, about 5 minutes
#   scripts/bench.sh --duration 10 --warmup 20 --connector-latencies 100
# MVN_ARGS passes options to Maven, e.g. MVN_ARGS=-o to build offline.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench
runner_pid=

# Whatever ends this script (the end, an error, CTRL-C, kill) stops the benchmark, which stops the bot and
# PostgreSQL. Should the benchmark's JVM itself have been killed outright, its children are stopped by the
# process ids it left in $out/work/pids.
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$runner_pid" ] && kill -0 "$runner_pid" 2>/dev/null; then
    kill -TERM "$runner_pid" 2>/dev/null || true
    wait "$runner_pid" 2>/dev/null || true
  fi
  if [ -f "$out/work/pids" ]; then
    while read -r pid; do
      [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
    done < "$out/work/pids"
    rm -f "$out/work/pids"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "bench: building the bot and the benchmark (mvn package, tests skipped)"
# shellcheck disable=SC2086
mvn -q ${MVN_ARGS:-} -DskipTests package
mkdir -p "$out"
# shellcheck disable=SC2086
mvn -q ${MVN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
jar=$(ls target/enrollbot-*.jar | grep -v -- '-plain\.jar$' | head -n 1)

java -Xmx1g -cp "target/test-classes:target/classes:$(cat "$out/classpath.txt")" \
  com.enrollbot.bench.Bench --jar "$jar" --out "$out" "$@" &
runner_pid=$!
wait "$runner_pid"
