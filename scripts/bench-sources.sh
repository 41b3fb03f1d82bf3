#!/bin/sh
# Runs the source-loading benchmarks (they print figures; they assert nothing).
# Usage: scripts/bench-sources.sh            (512 MiB bodies)
#        scripts/bench-sources.sh 128        (smaller bodies, in MiB)
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -Xmx3g -cp "$CP" dev.bufferdeck.bench.HttpThroughputBench "$@"
java -Xmx3g -XX:+UseG1GC -cp "$CP" dev.bufferdeck.bench.HeapAfterLoadBench "$@"
