#!/bin/sh
# Playlists bigger than memory (figures only; asserts nothing):
#  1. importing 10,000 file references: into the playlist model, then into the playlist window (headless)
#     until laid out (goal: <= 1 s to a usable window), then until every length and title is read;
#  2. heap while `play` goes through a list of 4x the memory budget (goal: flat, <= budget + a fixed amount):
#     in process, the heap used after a GC at each track (HeapWhilePlayingBench), then the whole process
#     sampled with jstat every 200 ms.
# Usage: scripts/bench-references.sh [BUDGET_MIB]   (default 64, at least 32: play holds the track heard and
# the next one; the list is 4x the budget, in 16 MiB WAVs)
set -e
cd "$(dirname "$0")/.."
BUDGET=${1:-64}
[ "$BUDGET" -ge 32 ] || { echo "bench-references: BUDGET_MIB must be at least 32 (play holds two 16 MiB tracks at once)" >&2; exit 2; }
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mkdir "$WORK/refs"
java -cp "$CP" dev.bufferdeck.bench.ReferencesBench "$WORK/refs" 10000
rm -rf "$WORK/refs"

mkdir "$WORK/heap"
java -Xmx$((BUDGET * 3))m -cp "$CP" dev.bufferdeck.bench.HeapWhilePlayingBench "$WORK/heap" "$BUDGET" 16
rm -rf "$WORK/heap"

COUNT=$((BUDGET * 4 / 16))
python3 - "$WORK" "$COUNT" <<'PY'
import sys, wave, math, struct
folder, count = sys.argv[1], int(sys.argv[2])
frames = 16 * 1024 * 1024 // 4 - 11           # about 16 MiB of 44.1 kHz 16-bit stereo each
for i in range(count):
    w = wave.open(f"{folder}/big{i:03d}.wav", "wb")
    w.setnchannels(2); w.setsampwidth(2); w.setframerate(44100)
    v = int(8000 * math.sin(i))
    w.writeframes(struct.pack("<hh", v, -v) * frames)  # one value per file: each file its own digest
    w.close()
PY
echo "heap: playing $COUNT files of 16 MiB ($((COUNT * 16)) MiB) with --budget ${BUDGET}M, -Xmx$((BUDGET * 3))m"
java -Xmx$((BUDGET * 3))m -cp "$CP" dev.bufferdeck.Main play --budget ${BUDGET}M --out "$WORK/out.wav" "$WORK"/big*.wav > "$WORK/play.log" 2>&1 &
PID=$!
PEAK=0
SAMPLES=0
while kill -0 $PID 2>/dev/null; do
    USED=$(jstat -gc $PID 2>/dev/null | awk 'NR==2 {printf "%d", ($3+$4+$6+$8)/1024}')
    if [ -n "$USED" ]; then
        SAMPLES=$((SAMPLES + 1))
        [ "$USED" -gt "$PEAK" ] && PEAK=$USED
    fi
    sleep 0.2
done
wait $PID || true
echo "heap: peak used $PEAK MiB over $SAMPLES samples (budget $BUDGET MiB); tracks played: $(grep -c '^Playing ' "$WORK/play.log")/$COUNT"
grep -v '^Playing ' "$WORK/play.log" || true
