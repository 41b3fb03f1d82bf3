#!/usr/bin/env bash
# CPU seconds per minute of MP3 played: BufferDeck's window under Xvfb (visible, then minimised)
# against `mpv --no-video --ao=null` on the same file, measured from /proc in this one script.
# Figures only. Goal (#14): visible ≤ 2× mpv, minimised ≤ 1 % of a core (0.6 CPU s per minute).
# Needs: xvfb (xvfb-run), xdotool, mpv, ffmpeg (apt-get install -y xvfb xdotool mpv ffmpeg libgtk-3-0).
# Usage: scripts/bench-play-cpu.sh [SECONDS]   (each measurement, default 30; after a 10 s warm-up)
# Without a window manager Xvfb cannot minimise a window; the script starts a bare one if
# openbox is installed, and otherwise says that the minimised figure was not measured.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-30}
INNER=${INNER:-}
for tool in xvfb-run xdotool mpv ffmpeg java; do
    command -v "$tool" >/dev/null || { echo "bench-play-cpu: $tool is not installed" >&2; exit 2; }
done
if [ -z "$INNER" ]; then
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:$(cat target/bench-classpath.txt)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
MP3="$WORK/tone.mp3"
ffmpeg -v error -f lavfi -i "sine=frequency=440:duration=$((SECONDS_EACH * 3 + 60))" -ac 2 -ar 44100 -b:a 192k "$MP3"
fi

# CPU ticks (user + system) of a process and its threads, in seconds.
cpu() { awk '{ print ($14 + $15) / 100 }' <(sed 's/^.*) //; s/^/x x /' "/proc/$1/stat"); }
# CPU seconds a process spends in SECONDS_EACH seconds, as seconds per minute.
per_minute() {
    local pid=$1 a b
    a=$(cpu "$pid"); sleep "$SECONDS_EACH"; b=$(cpu "$pid")
    awk -v a="$a" -v b="$b" -v s="$SECONDS_EACH" 'BEGIN { printf "%.2f", (b - a) * 60 / s }'
}

inner() {
    export XDG_CONFIG_HOME XDG_RUNTIME_DIR
    XDG_CONFIG_HOME=$(mktemp -d); XDG_RUNTIME_DIR=$(mktemp -d)
    command -v openbox >/dev/null && { openbox >/dev/null 2>&1 & sleep 1; }
    java -Dbufferdeck.output=memory -cp "$CP" dev.bufferdeck.Main "$MP3" >"$WORK/app.log" 2>&1 &
    local app=$! win=""
    for _ in $(seq 1 120); do
        win=$(xdotool search --name 'BufferDeck' 2>/dev/null | head -1 || true)
        [ -n "$win" ] && break
        sleep 0.5
    done
    [ -n "$win" ] || { echo "bench-play-cpu: no window" >&2; cat "$WORK/app.log" >&2; kill $app; exit 1; }
    sleep 10
    echo "visible $(per_minute $app)"
    xdotool windowminimize "$win" 2>/dev/null || true
    sleep 2
    if xprop -id "$win" WM_STATE 2>/dev/null | grep -q Iconic; then
        echo "minimised $(per_minute $app)"
    else
        echo "minimised not-measured"
    fi
    kill $app
}
if [ -n "$INNER" ]; then inner; exit 0; fi

mpv --no-video --ao=null --really-quiet "$MP3" &
MPV=$!
sleep 2
MPV_CPU=$(per_minute $MPV)
kill $MPV 2>/dev/null || true

OUT=$(INNER=1 CP="$CP" MP3="$MP3" WORK="$WORK" xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$SECONDS_EACH")
VISIBLE=$(echo "$OUT" | awk '/^visible/ { print $2 }')
MINIMISED=$(echo "$OUT" | awk '/^minimised/ { print $2 }')
echo "CPU seconds per minute of MP3 played (${SECONDS_EACH} s each):"
echo "  mpv --no-video --ao=null: $MPV_CPU"
awk -v v="$VISIBLE" -v m="$MPV_CPU" 'BEGIN { printf "  BufferDeck, window visible: %s (%.1f× mpv; goal ≤ 2)\n", v, v / m }'
if [ "$MINIMISED" = "not-measured" ]; then
    echo "  BufferDeck, minimised: not measured (no window manager under Xvfb: apt-get install -y openbox)"
else
    awk -v x="$MINIMISED" 'BEGIN { printf "  BufferDeck, minimised: %s (%.1f %% of a core; goal ≤ 1 %%)\n", x, x / 60 * 100 }'
fi
