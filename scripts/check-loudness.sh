#!/usr/bin/env bash
# Compares BufferDeck's EBU R128 integrated loudness (`info --loudness`) with ffmpeg's ebur128
# filter on generated files: a stereo FLAC whose level swells and drops to silence for 3 s in every
# 10 (so both gates matter), the same as an MP3, and a mono 48 kHz WAV of noise at a low level.
# Each must agree within 0.1 LU. Prints both values and the true peaks (for information only:
# ffmpeg measures those on a 192 kHz resampling, we by 4x oversampling).
# Needs: java 17, ffmpeg (with libmp3lame), python3, and target/bufferdeck.jar (mvn package).
# Usage: scripts/check-loudness.sh [path/to/bufferdeck.jar]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${1:-target/bufferdeck.jar}"
TOLERANCE=0.1

fail() { echo "check-loudness: FAIL: $*" >&2; exit 1; }
for tool in java ffmpeg python3; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done
[ -f "$JAR" ] || fail "$JAR not found (run mvn -B package first)"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

SWELL="aevalsrc=exprs='0.3*sin(2*PI*440*t)*(1+0.5*sin(2*PI*t/3))*lt(mod(t\,10)\,7)|0.2*sin(2*PI*660*t+1)*lt(mod(t\,10)\,7)+0.05*(random(0)-0.5)':s=44100:d=40"
ffmpeg -v error -y -f lavfi -i "$SWELL" -c:a flac "$WORK/swell.flac"
ffmpeg -v error -y -i "$WORK/swell.flac" -c:a libmp3lame -b:a 192k "$WORK/swell.mp3"
ffmpeg -v error -y -f lavfi -i "anoisesrc=color=pink:amplitude=0.05:seed=7:r=48000:d=20" -c:a pcm_s16le -ac 1 "$WORK/noise.wav"

status=0
for f in swell.flac swell.mp3 noise.wav; do
    ffmpeg -nostats -hide_banner -i "$WORK/$f" \
        -af "ebur128=peak=true:metadata=1,ametadata=print:key=lavfi.r128.I:file=$WORK/meta.txt" -f null - 2>"$WORK/ff.log"
    theirs=$(grep -o 'lavfi.r128.I=[-0-9.]*' "$WORK/meta.txt" | tail -1 | cut -d= -f2)
    their_peak=$(grep -A1 'True peak:' "$WORK/ff.log" | grep -o 'Peak: *[-0-9.]*' | grep -o '[-0-9.]*$' || echo "?")
    json=$(java -jar "$JAR" info --json --loudness "$WORK/$f")
    read -r ours our_peak < <(printf '%s' "$json" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["loudnessLufs"], d["truePeakDbtp"])')
    verdict=$(python3 -c "print('ok' if abs($ours - ($theirs)) <= $TOLERANCE else 'FAIL')")
    printf '%-11s ffmpeg %8s LUFS · BufferDeck %8s LUFS · true peak ffmpeg %s dBFS, ours %s dBTP · %s\n' \
        "$f" "$theirs" "$ours" "$their_peak" "$our_peak" "$verdict"
    [ "$verdict" = ok ] || status=1
done
[ "$status" = 0 ] || fail "integrated loudness differs from ffmpeg's by more than $TOLERANCE LU"
echo "check-loudness: all within $TOLERANCE LU of ffmpeg"
