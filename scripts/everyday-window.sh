#!/usr/bin/env bash
# The everyday behaviours under a real window manager (Xvfb + openbox), driven with xdotool:
# size/place restore across a SIGTERM restart, the playlist window beside the main one, an
# unreachable URL kept (marked) after a restart, and an unplayable entry marked.
# Needs: xvfb, openbox, xdotool, imagemagick, python3, libgtk-3-0.  Screenshots: target/screenshots/everyday-*.png
#   scripts/everyday-window.sh MEDIA_DIR     (MEDIA_DIR holds tone-a.wav, stream-b.mp3, adpcm.wav)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/bufferdeck.jar}
OUTDIR=${OUTDIR:-target/screenshots}
if [ "${1:-}" != "--inside-xvfb" ]; then
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" --inside-xvfb "$@"
fi
MEDIA=$(cd "$2" && pwd)
mkdir -p "$OUTDIR"
CONFIG=$(mktemp -d)
openbox >/dev/null 2>&1 &
WM=$!
python3 -m http.server 18765 --bind 127.0.0.1 --directory "$MEDIA" >/dev/null 2>&1 &
HTTP=$!
trap 'kill $WM $HTTP 2>/dev/null || true; rm -rf "$CONFIG"' EXIT

start_app() {
    java -Dbufferdeck.config.dir="$CONFIG" -Dbufferdeck.output=memory -jar "$JAR" "$@" >"$OUTDIR/everyday-app.log" 2>&1 &
    APP=$!
    for _ in $(seq 1 240); do
        WIN=$(xdotool search --name '(^BufferDeck$| — BufferDeck$)' 2>/dev/null | head -1 || true)
        [ -n "$WIN" ] && break
        sleep 0.5
    done
    [ -n "$WIN" ] || { echo "no window"; cat "$OUTDIR/everyday-app.log"; exit 1; }
}

geometry() { xdotool getwindowgeometry "$1" | tr '\n' ' '; echo; }

start_app "$MEDIA/tone-a.wav" "http://127.0.0.1:18765/stream-b.mp3" "$MEDIA/adpcm.wav"
sleep 20
xdotool windowsize "$WIN" 1202 825
xdotool windowmove "$WIN" 120 60
sleep 3
echo "before restart: $(geometry "$WIN")"
xdotool windowactivate --sync "$WIN" 2>/dev/null || xdotool windowfocus --sync "$WIN" || true
xdotool key ctrl+p
sleep 5
PL=$(xdotool search --name '^Playlist — BufferDeck$' 2>/dev/null | head -1 || true)
if [ -n "$PL" ]; then echo "playlist window: $(geometry "$PL")"; else echo "playlist window: not shown"; fi
import -window root "$OUTDIR/everyday-1-running.png"
sleep 2
kill -TERM "$APP"; wait "$APP" || true
echo "--- session after SIGTERM:"; grep -v '^#EXTM3U' "$CONFIG/session.m3u8"

kill "$HTTP"; wait "$HTTP" 2>/dev/null || true
start_app
sleep 25
echo "after restart (server down): $(geometry "$WIN")"
import -window root "$OUTDIR/everyday-2-restarted-offline.png"
kill -TERM "$APP"; wait "$APP" || true
echo "--- session after the offline restart:"; grep -v '^#' "$CONFIG/session.m3u8"
