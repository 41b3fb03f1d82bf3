#!/bin/sh
# Runs the source-loading benchmarks (they print figures; they assert nothing): HTTP load speed of
# SourceLoader vs curl (and a bare JDK socket read) as a ratio, and the heap held and peaked per byte
# of body; the HTTP server runs in its own JVM (BenchServer), as a user's server would.
# Usage: scripts/bench-sources.sh            (512 MiB bodies)
#        scripts/bench-sources.sh 128        (smaller bodies, in MiB)
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -Xmx3g -cp "$CP" dev.bufferdeck.bench.HttpThroughputBench "$@"
java -Xmx3g -XX:+UseG1GC -cp "$CP" dev.bufferdeck.bench.HeapAfterLoadBench "$@"
