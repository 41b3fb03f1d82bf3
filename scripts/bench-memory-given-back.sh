#!/bin/sh
# Whether memory comes back after a large buffer is removed (MemoryGivenBackBench): a 500 MiB body is
# loaded from a server in its own process, removed, and RSS and the heap are printed 20 s and 60 s later,
# with the JVM options both launchers give the app (dev.bufferdeck.LauncherOptions), and then again with
# BENCH_JVM added when it is set: a GC option that makes large loads smoother may keep memory (G1 gives it
# back only after a concurrent cycle or a full collection, and never below -Xms). Figures only.
# Usage: scripts/bench-memory-given-back.sh [MiB]     e.g. BENCH_JVM="-Xms1g" scripts/bench-memory-given-back.sh
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
LAUNCHER=$(java -cp "$CP" dev.bufferdeck.LauncherOptions)
echo "the launchers' options: $LAUNCHER"
# shellcheck disable=SC2086
java $LAUNCHER -cp "$CP" dev.bufferdeck.bench.MemoryGivenBackBench "$@"
if [ -n "${BENCH_JVM:-}" ]; then
    echo "the launchers' options and $BENCH_JVM:"
    # shellcheck disable=SC2086
    java $LAUNCHER $BENCH_JVM -cp "$CP" dev.bufferdeck.bench.MemoryGivenBackBench "$@"
fi
