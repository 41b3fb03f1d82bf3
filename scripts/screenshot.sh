#!/usr/bin/env bash
# Starts the built jar under Xvfb with the given sources (files or URLs), waits until the
# BufferDeck window shows, saves target/screenshots/main.png, and fails if the app died.
# Needs: xvfb (xvfb-run, Xvfb), imagemagick (import), x11-utils (xwininfo), libgtk-3-0.
#   scripts/screenshot.sh [SOURCE...]
# Environment: JAR (default target/bufferdeck.jar), OUT (default target/screenshots/main.png),
#   WAIT_SECONDS (default 60), SETTLE_SECONDS (default 15, after the window appears; loading and decoding run in the background).
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=${JAR:-target/bufferdeck.jar}
OUT=${OUT:-target/screenshots/main.png}
WAIT_SECONDS=${WAIT_SECONDS:-60}
SETTLE_SECONDS=${SETTLE_SECONDS:-15}

for tool in xvfb-run import xwininfo java; do
    command -v "$tool" >/dev/null || { echo "screenshot: $tool is not installed" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "screenshot: $JAR not found (run mvn -B package first)" >&2; exit 2; }
mkdir -p "$(dirname "$OUT")"
OUT_ABS=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")
LOG=$(dirname "$OUT_ABS")/app.log

# Runs inside the virtual display.
inner() {
    # A fresh config dir, so the session of a previous run does not change the picture.
    export XDG_CONFIG_HOME
    XDG_CONFIG_HOME=$(mktemp -d)
    java -jar "$JAR" "$@" >"$LOG" 2>&1 &
    local app=$!
    local waited=0
    until xwininfo -root -tree 2>/dev/null | grep -q '"[^"]*BufferDeck"'; do
        if ! kill -0 "$app" 2>/dev/null; then
            echo "screenshot: the app died before its window showed; its output:" >&2
            cat "$LOG" >&2
            exit 1
        fi
        sleep 0.5
        waited=$((waited + 1))
        if [ "$waited" -ge $((WAIT_SECONDS * 2)) ]; then
            echo "screenshot: no BufferDeck window after ${WAIT_SECONDS}s" >&2
            kill "$app" 2>/dev/null || true
            exit 1
        fi
    done
    sleep "$SETTLE_SECONDS"
    if ! kill -0 "$app" 2>/dev/null; then
        echo "screenshot: the app died after its window showed; its output:" >&2
        cat "$LOG" >&2
        exit 1
    fi
    import -window root "$OUT_ABS"
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    rm -rf "$XDG_CONFIG_HOME"
    echo "screenshot: saved $OUT_ABS"
}

if [ "${1:-}" = "--inside-xvfb" ]; then
    shift
    inner "$@"
    exit 0
fi
xvfb-run -a -s "-screen 0 1280x800x24" "$0" --inside-xvfb "$@"
