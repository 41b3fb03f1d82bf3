#!/bin/sh
# Loudness scan speed vs the decoder's own speed on MP3 and FLAC, by process CPU and by the clock, before
# (the meter as it was, on the decoding thread) and now, in the same run (figures only; goal >= 0.8x).
# Needs ffmpeg with libmp3lame. Usage: scripts/bench-loudness.sh [SECONDS]   (length of the input, default 120)
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -cp "$CP" dev.bufferdeck.bench.LoudnessBench "${1:-120}"
