#!/bin/bash
# Start of `java -jar target/bufferdeck.jar` (as the README runs it) on a real GTK window under Xvfb,
# timed from outside, since the jar opens its window in a second JVM that maps the jar's class-data
# archive (ClassDataRelaunch): to the window shown and to the filled window (the lines the app prints with
# -Dbufferdeck.exitWhenFilled once the renderer has drawn the empty window's first frame, and the filled
# window's; the CPU of the whole process tree then, from /proc), and to its exit (and the tree's CPU by then),
# against a bare JavaFX hello stage on the same JDK and class path that prints the same lines once its first
# frame is drawn, and quits. The lines are read as they come (scripts/lib/timed-start.py), with nothing
# polling the X server meanwhile: an xwininfo every 10 ms, as this script ran until December 2026, took a
# core's share from the start it watched (the hello's window came last, so it was slowed most: 623 against
# 491 ms, the app's 808 against 695; its ratio read 1.30 where it was 1.41). Printed apart: the
# first start (it maps the archive `mvn package` dumped beside the jar), and the first start of a copy of the
# jar (no archive beside it is its own: it lists its classes and dumps its own archive after its exit, as a jar
# run by another JDK does); then RUNS starts of each, in turns, without the relaunch (-Dbufferdeck.relaunch=false)
# and with it. Prints medians and ratios; asserts nothing.
# Needs: mvn -B package -DskipTests first; xvfb-run, python3, libgtk-3-0.
# Usage: scripts/bench-startup-jar.sh [RUNS]     (default 5)
# COLD=1 empties the kernel's page cache before every start (needs root: /proc/sys/vm/drop_caches), so that
# each one reads the JDK, the jar and the archive from the disk, as the first start after a boot does; the hello
# starts cold too, so that the ratios compare like with like.
# BASE_JAR=path/to/other/bufferdeck.jar also starts that jar (a build from before a change, which must
# print the same lines; one from before December 2026 prints no window line) in the same turns, as base-one-jvm
# and base-relaunched.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --inside-xvfb ]; then INSIDE=1; else INSIDE=; RUNS=${1:-5}; fi

inner() {
    # one start: prints "NAME shown MS filled MS filled-cpu MS exit MS cpu MS" (scripts/lib/timed-start.py)
    start() {
        local name=$1; shift
        local config; config=$(mktemp -d -p "$WORK")
        if [ -n "$COLD" ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
        local java=$1; shift
        python3 scripts/lib/timed-start.py "$name" "$java" -Dbufferdeck.config.dir="$config" "$@"
    }
    local app=(java -Dbufferdeck.cache.dir="$WORK/cache" -Dbufferdeck.exitWhenFilled=true -Dbufferdeck.output=memory)
    local base=(java -Dbufferdeck.cache.dir="$WORK/cache-base" -Dbufferdeck.exitWhenFilled=true -Dbufferdeck.output=memory)
    start first-start "${app[@]}" -jar "$JAR"
    cp "$JAR" "$WORK/copied.jar"
    start first-start-of-a-copy-making-its-archive "${app[@]}" -jar "$WORK/copied.jar"
    [ -z "$BASE_JAR" ] || start base-first-start "${base[@]}" -jar "$BASE_JAR"
    for _ in $(seq "$RUNS"); do
        start hello java -cp "$JAR:$CLASSES" dev.bufferdeck.bench.StartupBench\$ExitingHello
        start one-jvm "${app[@]}" -Dbufferdeck.relaunch=false -jar "$JAR"
        start relaunched "${app[@]}" -jar "$JAR"
        if [ -n "$BASE_JAR" ]; then
            start base-one-jvm "${base[@]}" -Dbufferdeck.relaunch=false -jar "$BASE_JAR"
            start base-relaunched "${base[@]}" -jar "$BASE_JAR"
        fi
    done
}
if [ -n "$INSIDE" ]; then
    inner
    exit 0
fi
JAR=$PWD/target/bufferdeck.jar
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B package -DskipTests" >&2; exit 2; }
mvn -B -q test-compile
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BASE_JAR=${BASE_JAR:+$(realpath "$BASE_JAR")}
COLD=${COLD:-}
if [ -n "$COLD" ] && ! { sync && echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then
    echo "COLD=1 needs root (writes /proc/sys/vm/drop_caches)" >&2; exit 2
fi
export JAR BASE_JAR WORK RUNS COLD CLASSES=$PWD/target/test-classes
xvfb-run -a -s "-screen 0 1280x800x24" "$PWD/scripts/bench-startup-jar.sh" --inside-xvfb | tee "$WORK/runs.txt"
python3 - "$WORK/runs.txt" <<'PY'
import collections, statistics as st, sys
runs = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) == 11:
        for k, i in (("shown", 2), ("filled", 4), ("filled-cpu", 6), ("exit", 8), ("cpu", 10)):
            if int(p[i]) >= 0: runs[p[0]][k].append(int(p[i]))
h = {k: st.median(v) for k, v in runs["hello"].items()}
for name, r in runs.items():
    m = {k: st.median(v) if v else float("nan") for k, v in r.items()}
    print("%-42s window %5.0f ms (%.2fx)  filled %5.0f ms (%.2fx), CPU %5.0f ms (%.2fx)  quit %5.0f ms (%.2fx), CPU %5.0f ms (%.2fx)" % (
        name, m.get("shown", float("nan")), m.get("shown", float("nan")) / h["shown"], m["filled"], m["filled"] / h["filled"],
        m["filled-cpu"], m["filled-cpu"] / h["filled-cpu"], m["exit"], m["exit"] / h["exit"], m["cpu"], m["cpu"] / h["cpu"]))
print("ratios to the hello stage's medians. window: the line on stdout once the first frame is drawn (the app's empty")
print("window); filled: once the filled window's first frame is drawn (the hello's first), CPU of the process tree then")
print("(/proc, 10 ms ticks); quit: the process tree's exit, and its CPU")
PY
