#!/bin/sh
# Runs the playback and picture benchmarks (figures only): play -> first PCM frame per format,
# and the waveform of 60-minute MP3/FLAC/Ogg files decoded in one part vs two.
# Needs ffmpeg (and flac, oggenc for the waveform inputs); inputs are made in memory through pipes.
# Usage: scripts/bench-playback.sh [MINUTES]   (waveform input length, default 60)
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -cp "$CP" dev.bufferdeck.bench.PlayLatencyBench
java -Xmx3g -cp "$CP" dev.bufferdeck.bench.WaveformBench "${1:-60}"
