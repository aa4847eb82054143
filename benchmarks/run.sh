#!/usr/bin/env bash
# Issue 7's benchmark, one command: builds the jobs jar and this module, then runs io.civicpulse.benchmark.Benchmark,
# which generates the feeds (once per scale, days and seed), times the Spark job, PostgreSQL and DuckDB as child
# processes and checks that all three agree on every KPI row. Options: benchmarks/run.sh --help.
# Maven options (such as -Dmaven.repo.local=...) can be given in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am package -DskipTests
exec java -cp "benchmarks/target/civicpulse-benchmarks.jar:benchmarks/target/lib/*" \
    io.civicpulse.benchmark.Benchmark "$@"
