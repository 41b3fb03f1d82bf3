#!/bin/sh
# CPU of the equalizer stage per second of 44.1 kHz stereo, % of a core, and as a ratio against the
# stage before its last speed-up measured in the same run (figures only; goal <= 0.3 %).
# Usage: scripts/bench-equalizer.sh [SECONDS]   (seconds of sound per run, default 300)
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -cp "$CP" dev.bufferdeck.bench.EqualizerCpuBench "${1:-300}"
