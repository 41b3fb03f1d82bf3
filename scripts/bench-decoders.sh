#!/bin/sh
# Runs the decoder benchmarks: decode speed vs ffmpeg, seek latency on long files (figures only).
# Needs ffmpeg with libmp3lame, libvorbis and libopus (and its native AAC encoder). Usage: scripts/bench-decoders.sh [MINUTES]
# (length of the seek-latency files, default 60; 0 skips them) [FORMAT...] (e.g. MP3: only those formats).
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -Xmx6g -cp "$CP" dev.bufferdeck.bench.DecoderBench "$@"
