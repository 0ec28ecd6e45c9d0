#!/usr/bin/env bash
# Profiles where the jnet echo server's CPU goes while it echoes a stream, and prints a text
# summary by category (kernel socket read and write, JVM copies, allocation, jnet streams,
# jnet handle + Netty, epoll, GC, JIT) in percent and in microseconds of server CPU per MB.
#
#   jnet-bench/profile.sh [--mode=pipe|data] [--unix] [--load=stream|pingpong|connect]
#                         [-c CONNECTIONS] [-w WARMUP_SECONDS] [-d SECONDS] [--detail=N]
#
# It builds jnet-bench.jar only when it is missing, copies async-profiler from Maven into
# jnet-bench/target/async-profiler, starts the server (`--mode`, default pipe) under the profiler
# on CPU 0, and runs io.jnet.bench.StreamLoad (default: 10 connections streaming 64 KiB chunks)
# on CPU 1. The profile covers exactly the load's measured window: the load client waits at the
# start and at the end of its window while the profiler is restarted and stopped through jcmd.
# Files land in jnet-bench/target/profile/: the window's collapsed stacks (open them in any
# flame graph tool), the warm-up's, the server log and summary-MODE.txt.
#
# Environment: JAVA_HOME (else the java on the PATH), AP_EVENT (cpu, or itimer when perf
# events are refused), AP_INTERVAL (sampling interval in ns, default 1000000).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR=$HERE/target/jnet-bench.jar
OUT=$HERE/target/profile
AP_VERSION=4.1

MODE=pipe
TRANSPORT=tcp
LOAD=stream
CONNS=
WARMUP=3
DURATION=8
DETAIL=0
while [ $# -gt 0 ]; do
  case $1 in
    --mode=*) MODE=${1#--mode=} ;;
    --unix) TRANSPORT=unix ;;
    --load=*) LOAD=${1#--load=} ;;
    -c) CONNS=$2; shift ;;
    -w) WARMUP=$2; shift ;;
    -d) DURATION=$2; shift ;;
    --detail=*) DETAIL=${1#--detail=} ;;
    *) echo "usage: $0 [--mode=pipe|data] [--unix] [--load=stream|pingpong|connect]" \
         "[-c N] [-w SEC] [-d SEC] [--detail=N]" >&2; exit 1 ;;
  esac
  shift
done

JAVA=java
JCMD=jcmd
if [ -n "${JAVA_HOME:-}" ]; then JAVA=$JAVA_HOME/bin/java; JCMD=$JAVA_HOME/bin/jcmd; fi
command -v "$JCMD" >/dev/null || JCMD=$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd
mkdir -p "$OUT"

# The server runs on CPU 0 and everything else (load client, jcmd) on CPU 1, when there are two.
PIN_SERVER=()
PIN_CLIENT=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  PIN_SERVER=(taskset -c 0)
  PIN_CLIENT=(taskset -c 1)
fi

if [ ! -f "$JAR" ]; then
  echo "building $JAR" >&2
  (cd "$ROOT" && mvn -B -q package -pl jnet-core,jnet-bench -am -DskipTests -Dmaven.javadoc.skip=true)
fi

case $(uname -m) in
  aarch64 | arm64) AP_ARCH=linux-arm64 ;;
  *) AP_ARCH=linux-x64 ;;
esac
AP_DIR=$HERE/target/async-profiler
AP_LIB=$AP_DIR/$AP_ARCH/libasyncProfiler.so
if [ ! -f "$AP_LIB" ]; then
  echo "fetching async-profiler $AP_VERSION" >&2
  mkdir -p "$AP_DIR"
  (cd "$AP_DIR" && mvn -B -q dependency:copy \
    -Dartifact=tools.profiler:async-profiler:$AP_VERSION -DoutputDirectory="$AP_DIR")
  (cd "$AP_DIR" && unzip -q -o "async-profiler-$AP_VERSION.jar" "$AP_ARCH/*")
fi

if [ "$TRANSPORT" = unix ]; then
  TARGET=unix:${TMPDIR:-/tmp}/jnet-profile-$$.sock
else
  # Below Linux's ephemeral range (32768 and up), where a client's port could already hold it.
  TARGET=tcp:127.0.0.1:$((20000 + RANDOM % 12000))
fi
NAME=$MODE-$TRANSPORT-$LOAD
WARM_PROFILE=$OUT/$NAME-warmup.collapsed
PROFILE=$OUT/$NAME.collapsed
LOG=$OUT/$NAME-server.log
INTERVAL=${AP_INTERVAL:-1000000}
OPTS="interval=$INTERVAL,ann,threads"
SERVER=

cleanup() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then kill "$SERVER"; wait "$SERVER" || true; fi
}
trap cleanup EXIT

# Starts the server under the profiler with event $1; fails when the profiler or server did not.
start_server() {
  : >"$LOG" # emptied here, not by the child's redirection, which may come after the first look
  "${PIN_SERVER[@]}" "$JAVA" "-agentpath:$AP_LIB=start,event=$1,$OPTS,file=$WARM_PROFILE,collapsed" \
    -jar "$JAR" "$TARGET" "--mode=$MODE" >"$LOG" 2>&1 &
  SERVER=$!
  for _ in $(seq 300); do
    if grep -q '\[ERROR\]' "$LOG" || ! kill -0 "$SERVER" 2>/dev/null; then
      cleanup
      SERVER=
      return 1
    fi
    grep -q 'listening on' "$LOG" && return 0
    sleep 0.1
  done
  echo "the server did not listen in 30 s; see $LOG" >&2
  exit 1
}

EVENT=${AP_EVENT:-cpu}
if ! start_server "$EVENT"; then
  echo "event=$EVENT refused ($(grep -m1 '\[ERROR\]' "$LOG" || echo 'server exited')); trying itimer" >&2
  EVENT=itimer
  start_server "$EVENT" || { cat "$LOG" >&2; exit 1; }
fi

# Runs one async-profiler command in the server (jcmd parses commas and '=', hence the quotes).
profiler() {
  "${PIN_CLIENT[@]}" "$JCMD" "$SERVER" JVMTI.agent_load "$AP_LIB" "\"$1\"" >/dev/null
}

# The server's user + system CPU so far, in clock ticks.
server_ticks() {
  awk '{ print $14 + $15 }' "/proc/$SERVER/stat"
}

LOAD_ARGS=("$LOAD" "$TARGET" -w "$WARMUP" -d "$DURATION" --sync)
[ -n "$CONNS" ] && LOAD_ARGS+=(-c "$CONNS")
coproc CLIENT { "${PIN_CLIENT[@]}" "$JAVA" -cp "$JAR" io.jnet.bench.StreamLoad "${LOAD_ARGS[@]}"; }
CLIENT_JOB=$CLIENT_PID
exec {FROM_CLIENT}<&"${CLIENT[0]}" {TO_CLIENT}>&"${CLIENT[1]}"
RESULT=
while IFS= read -r line <&"$FROM_CLIENT"; do
  case $line in
    "# window start")
      profiler "stop,file=$WARM_PROFILE,collapsed,$OPTS"
      profiler "start,event=$EVENT,$OPTS"
      TICKS0=$(server_ticks)
      echo go >&"$TO_CLIENT" ;;
    "# window end")
      profiler "stop,file=$PROFILE,collapsed,$OPTS"
      TICKS1=$(server_ticks)
      echo go >&"$TO_CLIENT" ;;
    mode=*) RESULT=$line ;;
    *) echo "$line" >&2 ;;
  esac
done
wait "$CLIENT_JOB" || { echo "the load client failed: $RESULT" >&2; exit 1; }
cleanup
SERVER=

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$RESULT"; }
CPU_SECONDS=$(awk -v t=$((TICKS1 - TICKS0)) -v hz="$(getconf CLK_TCK)" 'BEGIN { print t / hz }')
{
  echo "jnet echo server --mode=$MODE on $TARGET, event=$EVENT; $($JAVA -version 2>&1 | head -1)"
  echo "load: $RESULT"
  "$JAVA" -cp "$JAR" io.jnet.bench.ProfileSummary "$PROFILE" --units="$(field units)" \
    --unit="$(field unit)" --interval-ns="$INTERVAL" --cpu-seconds="$CPU_SECONDS" --detail="$DETAIL"
} | tee "$OUT/summary-$NAME.txt"
