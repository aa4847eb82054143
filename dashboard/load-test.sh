#!/usr/bin/env bash
# Issue 7's dashboard load test, one command: builds the jars, prepares a home with a year of KPIs (once: it is kept
# under dashboard/target/load/ and reused), then drives N concurrent logged-in sessions through the city scoreboard
# and the department views on loopback and prints latency percentiles and heap per session.
#
#   dashboard/load-test.sh [--users=25] [--seconds=60] [--warmup-seconds=20] [--scale=1] [--days=365]
#                          [--from=2025-01-01] [--home=DIR] [--xmx=2g]
#
# Maven options (such as -Dmaven.repo.local=...) can be given in MAVEN_ARGS; SKIP_BUILD=1 uses the jars as built.
set -euo pipefail
cd "$(dirname "$0")/.."

scale=1 days=365 from=2025-01-01 home= home_given=0 xmx=2g driver_args=()
for arg in "$@"; do
    case "$arg" in
        --scale=*) scale="${arg#*=}" ;;
        --days=*) days="${arg#*=}" ;;
        --from=*) from="${arg#*=}" ;;
        --home=*) home="${arg#*=}"; home_given=1 ;;
        --xmx=*) xmx="${arg#*=}" ;;
        --help) sed -n '2,9p' "$0"; exit 0 ;;
        *) driver_args+=("$arg") ;;
    esac
done
to=$(date -d "$from + $((days - 1)) days" +%F)
home="${home:-dashboard/target/load/home-scale$scale-$from-${days}d}"
config="--spring.config.additional-location=file:config/application.yml"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # The jobs jar prepares the home; the dashboard jar runs the driver, compiled with the dashboard's tests.
    ./mvnw -B -q -pl dashboard -am package -DskipTests ${MAVEN_ARGS:-}
fi
jobs_jar=jobs/target/civicpulse-jobs.jar

# The nightly job over the whole range, once: a year of Spark takes minutes, so a finished home is marked and kept.
# A home given with --home that already has a database (such as the benchmark's, see the README) is used as it is.
if [[ "$home_given" == 1 && -d "$home/db" && ! -f "$home/.prepared" ]]; then
    echo "Using $home as it is (it has a database but was not prepared by this script)"
elif [[ ! -f "$home/.prepared" ]]; then
    feeds="$home.feeds"
    rm -rf "$home" "$feeds"
    echo "Preparing $home: generate --scale=$scale $from..$to, then run (this takes minutes)"
    java -jar "$jobs_jar" generate --output="$feeds" --from="$from" --to="$to" --scale="$scale"
    java -Xmx6g -jar "$jobs_jar" run --input="$feeds" --from="$from" --to="$to" --civicpulse.home="$home" "$config"
    rm -rf "$feeds"
    echo "scale=$scale from=$from to=$to" > "$home/.prepared"
fi

# The shipped jar, in production mode (target/classes alone would start Vaadin in development mode, slower and
# larger), with the driver's classes added by Spring Boot's PropertiesLauncher. The dashboard and the users share
# this JVM, so the heap per session is read from inside it, and the loopback. Full GCs clear soft references too
# (SoftRefLRUPolicyMSPerMB=0), so the heap readings hold what is strongly reachable.
exec java -Xms"$xmx" -Xmx"$xmx" -XX:+UseG1GC -XX:SoftRefLRUPolicyMSPerMB=0 ${LOAD_JVM_ARGS:-} \
    -Dloader.path=dashboard/target/test-classes -Dloader.main=io.civicpulse.dashboard.load.LoadTest \
    -cp dashboard/target/civicpulse-dashboard.jar org.springframework.boot.loader.launch.PropertiesLauncher \
    --home="$home" "$config" "${driver_args[@]}"
