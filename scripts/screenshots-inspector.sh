#!/usr/bin/env bash
# The hex inspector's three screenshots under Xvfb: the default window on a 1600x1000 screen with the
# Hex tab open while an MP3 plays (default.png), focus mode (focus.png), and a narrow 760x600 window
# (narrow.png). Makes its own MP3 (ffmpeg) unless given one.
# Needs: xvfb, imagemagick (import), x11-utils (xwininfo), xdotool, ffmpeg, libgtk-3-0.
#   scripts/screenshots-inspector.sh [MP3]
# Environment: JAR (default target/bufferdeck.jar), OUT_DIR (default target/screenshots), SETTLE_SECONDS
#   (default 20, after the window shows), STEP_SECONDS (default 10, after each key or resize).
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=${JAR:-target/bufferdeck.jar}
OUT_DIR=$(mkdir -p "${OUT_DIR:-target/screenshots}" && cd "${OUT_DIR:-target/screenshots}" && pwd)
for tool in xvfb-run import xwininfo xdotool java; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is not installed" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "screenshots: $JAR not found (run mvn -B package first)" >&2; exit 2; }

inner() {
    local mp3=$1 work
    work=$(mktemp -d)
    if [ -z "$mp3" ]; then
        mp3=$work/evening.mp3
        ffmpeg -loglevel error -y -f lavfi -i "color=c=0x2a4d8f:s=300x300" -frames:v 1 "$work/cover.png"
        ffmpeg -loglevel error -y -f lavfi -i "sine=frequency=330:duration=150" -f lavfi -i "sine=frequency=495:duration=150" \
            -i "$work/cover.png" -filter_complex "[0][1]amerge=inputs=2[a]" -map "[a]" -map 2 -c:a libmp3lame -b:a 160k \
            -c:v png -id3v2_version 3 -metadata title="Evening Tones" -metadata artist="BufferDeck Ensemble" \
            -metadata album="Demo Sessions" -metadata:s:v comment="Cover (front)" "$mp3"
    fi
    export XDG_CONFIG_HOME=$work/config
    java -Dbufferdeck.output=memory -jar "$JAR" "$mp3" >"$OUT_DIR/inspector-app.log" 2>&1 &
    local app=$! waited=0 win=""
    while [ -z "$win" ]; do
        win=$(xdotool search --name 'BufferDeck$' 2>/dev/null | head -1 || true)
        kill -0 "$app" 2>/dev/null || { echo "screenshots: the app died; its output:" >&2; cat "$OUT_DIR/inspector-app.log" >&2; exit 1; }
        sleep 0.5; waited=$((waited + 1))
        [ "$waited" -lt 120 ] || { echo "screenshots: no window after 60 s" >&2; kill "$app"; exit 1; }
    done
    sleep "${SETTLE_SECONDS:-20}"
    xdotool windowfocus --sync "$win" || true
    # Focus mode on (it opens the Hex tab), then off again: the default layout with the Hex tab showing.
    xdotool key ctrl+i; sleep "${STEP_SECONDS:-10}"
    import -window "$win" "$OUT_DIR/focus.png"
    xdotool key Escape; sleep "${STEP_SECONDS:-10}"
    import -window "$win" "$OUT_DIR/default.png"
    xdotool windowsize "$win" 760 600; sleep "${STEP_SECONDS:-10}"
    import -window "$win" "$OUT_DIR/narrow.png"
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    rm -rf "$work"
    echo "screenshots: saved default.png, focus.png and narrow.png in $OUT_DIR"
}

if [ "${1:-}" = "--inside-xvfb" ]; then
    shift
    inner "${1:-}"
    exit 0
fi
xvfb-run -a -s "-screen 0 1600x1000x24" "$0" --inside-xvfb "${1:-}"
