#!/bin/sh
# CPU time of the output and decoder threads per minute played (figures only).
# Usage: scripts/bench-output-cpu.sh [SECONDS [VOLUME]]   (how long to play, default 20; volume, default 0.8)
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -cp "$CP" dev.bufferdeck.bench.OutputCpuBench "${1:-20}" "${2:-0.8}"
