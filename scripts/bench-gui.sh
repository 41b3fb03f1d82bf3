#!/bin/sh
# Runs the GUI benchmarks (they print figures; they assert nothing), all on JavaFX's headless
# Monocle platform so that they need no display:
#   start -> first window vs a bare JavaFX hello stage (ratios); the hex view on a 1 GiB buffer;
#   FX pulse gaps (wall, and the FX thread's own CPU in each gap, as ratios to idle; GC pauses,
#   remark and cleanup too; the load average) as the window first shows and warms up, at its first load, while a 500 MiB URL
#   loads, while a 1,000-entry playlist is imported and while those 1,000 URLs load (python3
#   http.server in its own process).
# Usage: scripts/bench-gui.sh [RUNS]      (startup runs per kind, default 5)
#   BENCH_ONLY=gaps   runs only the pulse-gap bench
#   BENCH_JFR=x.jfr   records the pulse-gap bench with Flight Recorder and prints what held the FX
#                     thread in each scenario and each gap over 50 ms (scripts/lib/jfr-fx-gaps.py)
#   BENCH_EVENT_CPU_MS=n  with BENCH_JFR, also each gap with n ms of FX CPU or more
#   BENCH_GAP_LIST=1  lists each scenario's gaps with 15 ms of FX CPU or more (and their CSS and layout),
#                     and what each gap over 50 ms held (FX CPU, FX waiting for a core, safepoints, the
#                     renderer's and the pulse timer's waits for a core, how long a core of the machine itself was seen
#                     stopped: scripts/lib/stall-probe.py); BENCH_LIST_OVER_MS=n lists those over n ms
#   BENCH_THREAD_STATES=1 with BENCH_GAP_LIST, also the kernel states of the FX thread, the pulse timer and the
#                     renderer in each listed gap, sampled every millisecond (asleep where: /proc/.../wchan)
#   BENCH_JVM="..."   extra JVM options for the pulse-gap bench, e.g. -Dbufferdeck.lowPriority=false
#                     (background threads at the normal priority, to compare)
#   BENCH_FX_SAMPLE=1 samples the FX thread's stack every millisecond for each scenario's first 300 ms and
#                     prints what it ran most (Flight Recorder samples only a few threads per interval);
#                     BENCH_RENDER_SAMPLE=1 the renderer's thread the same way; BENCH_SAMPLE_MS=n until n ms in,
#                     BENCH_SAMPLE_FROM_MS=n from n ms in; BENCH_SAMPLE_PREFIX=javafx. counts JavaFX's frames (inclusive)
#                     instead of the project's
#   BENCH_LAUNCHER=none  leaves out the JIT and GC options both launchers give the app (dev.bufferdeck.LauncherOptions),
#                     which the pulse-gap bench otherwise runs with
#   The pulse-gap bench runs the app's classes as `java -jar` runs them: from target/bufferdeck.jar, mapping the
#   class-data archive `mvn package` dumps beside it (the test classes come after the jar on the class path).
#   BENCH_CLASSES=1 runs it on target/classes without an archive instead, as until December 2026: each class
#   is then read from a file of its own and verified, which cost the window's warm-up and first load steps
#   of 15 ms or more of FX CPU that the app does not have (4 runs of each in turns, the same day: 11 such steps
#   against 3; the longest gap as the window first shows 29-39 ms against 25-29).
# Works on a fresh clone (Maven fetches what it needs; the dependency plugin is pinned in pom.xml).
set -e
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
LAUNCHER=""
[ "${BENCH_LAUNCHER:-}" = none ] || LAUNCHER=$(java -cp "$CP" dev.bufferdeck.LauncherOptions)
GAPS_CP="$CP"
ARCHIVE=""
if [ -z "${BENCH_CLASSES:-}" ]; then
    GAPS_CP="$PWD/target/bufferdeck.jar:target/test-classes:$(cat target/bench-classpath.txt)"
    JSA=$(ls target/bufferdeck-*.jsa 2>/dev/null | head -1 || true)
    [ -n "$JSA" ] && ARCHIVE="-XX:SharedArchiveFile=$PWD/$JSA -Xshare:auto -Xlog:cds=off"
fi
HEADLESS="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dbufferdeck.output=memory"
if [ "${BENCH_ONLY:-}" != gaps ]; then
    java -cp "$CP" dev.bufferdeck.bench.StartupBench "${1:-5}"
    java -Xmx4g $HEADLESS -cp "$CP" dev.bufferdeck.bench.HexViewBench 1024
fi
if [ -n "${BENCH_JFR:-}" ]; then
    # deep stacks: a layout pass nests a frame per scene-graph level, and JFR keeps 64 by default
    java -Xmx4g $LAUNCHER $ARCHIVE ${BENCH_JVM:-} -XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=filename="$BENCH_JFR",settings=profile $HEADLESS -cp "$GAPS_CP" dev.bufferdeck.bench.PulseGapBench 500
    jfr print --json --stack-depth 512 --events \
        jdk.ExecutionSample,jdk.GarbageCollection,jdk.GCPhasePause,bufferdeck.BenchScenario,bufferdeck.LongPulseGap \
        "$BENCH_JFR" > "$BENCH_JFR.json"
    python3 scripts/lib/jfr-fx-gaps.py "$BENCH_JFR.json"
else
    java -Xmx4g $LAUNCHER $ARCHIVE ${BENCH_JVM:-} $HEADLESS -cp "$GAPS_CP" dev.bufferdeck.bench.PulseGapBench 500
fi
