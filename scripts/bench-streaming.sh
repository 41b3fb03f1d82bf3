#!/bin/sh
# Play while it loads (figures only): URL -> first PCM frame for a 10-minute MP3 served at 2x its
# bitrate, and heap while a 320 kbps Icecast stream plays (MINUTES of audio served as fast as
# loopback goes; default 30). Needs ffmpeg.
# Usage: scripts/bench-streaming.sh [MINUTES]
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -Xmx512m -cp "$CP" dev.bufferdeck.bench.StreamingBench "${1:-30}"
