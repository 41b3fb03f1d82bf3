#!/usr/bin/env bash
# End-to-end check of BufferDeck as a desktop citizen, with real clients: a private session bus
# (dbus-run-session), the real jar in a virtual display (Xvfb), and playerctl driving it over MPRIS
# (status, play-pause, metadata title, position, next), then a second launch that hands a file to the
# running window over the instance socket and exits within a second, and Quit over D-Bus removing
# the socket.
#
# Needs (installs nothing): java 17, dbus (dbus-run-session, dbus-send), xvfb (xvfb-run), playerctl,
# libgtk-3-0, and target/bufferdeck.jar (mvn -B package -DskipTests).
#   apt-get install -y dbus xvfb playerctl libgtk-3-0
# Usage: scripts/e2e-mpris.sh [path/to/bufferdeck.jar]
# HANDOVER_MAX_MS (default 1000): how long the second launch may take, JVM start included.
set -euo pipefail
. "$(dirname "$0")/lib/teardown.sh"

JAR="${1:-target/bufferdeck.jar}"
fail() { echo "e2e-mpris: FAIL: $*" >&2; exit 1; }

if [ "${E2E_MPRIS_INSIDE:-}" != 1 ]; then
    for tool in java dbus-run-session dbus-send xvfb-run playerctl; do
        command -v "$tool" >/dev/null || fail "$tool is not installed (apt-get install -y dbus xvfb playerctl libgtk-3-0)"
    done
    [ -f "$JAR" ] || fail "$JAR not found (run mvn -B package -DskipTests first)"
    JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
    export E2E_MPRIS_INSIDE=1
    exec timeout 170 dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$JAR"
fi

# ---- inside a private session bus and a virtual display
WORK="$(mktemp -d)"
export XDG_RUNTIME_DIR="$WORK/runtime" HOME="$WORK/home"
mkdir -p "$XDG_RUNTIME_DIR" "$HOME" "$WORK/music"
chmod 700 "$XDG_RUNTIME_DIR"
APP=""
cleanup() {
    stop_pid "$APP"
    remove_tree "$WORK"
}
trap cleanup EXIT

# Three WAV files of silence (8 kHz, 8-bit mono, 20 to 22 s): what they sound like does not matter,
# but their bytes must differ (the library keeps identical bytes once).
wav() {
    local bytes=$2
    { printf 'RIFF'; printf '%08x' $((bytes + 36)) | sed 's/\(..\)\(..\)\(..\)\(..\)/\\x\4\\x\3\\x\2\\x\1/' | xargs -0 printf
      printf 'WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00\x40\x1f\x00\x00\x01\x00\x08\x00data'
      printf '%08x' "$bytes" | sed 's/\(..\)\(..\)\(..\)\(..\)/\\x\4\\x\3\\x\2\\x\1/' | xargs -0 printf
      head -c "$bytes" /dev/zero | tr '\0' '\200'; } > "$1"
}
wav "$WORK/music/first.wav" 160000; wav "$WORK/music/second.wav" 168000; wav "$WORK/music/third.wav" 176000

JAVA=(java -Dbufferdeck.output=memory -Dbufferdeck.config.dir="$WORK/config" -jar "$1")
"${JAVA[@]}" "$WORK/music/first.wav" "$WORK/music/second.wav" > "$WORK/app.log" 2>&1 &
APP=$!

pc() { playerctl -p bufferdeck "$@" 2>/dev/null || true; }
# expect WHAT COMMAND... : waits up to 20 s for the command's output to equal WHAT
expect() {
    local want="$1"; shift
    local got=""
    for _ in $(seq 1 80); do
        got="$("$@" 2>/dev/null || true)"
        [ "$got" = "$want" ] && { echo "e2e-mpris: ok: $* -> $got"; return 0; }
        kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log" >&2; fail "the app died"; }
        sleep 0.25
    done
    cat "$WORK/app.log" >&2
    fail "$* gave '$got', expected '$want'"
}

expect bufferdeck bash -c "playerctl -l | grep -x bufferdeck"
expect Playing pc status
expect first pc metadata title
pc play-pause
expect Paused pc status
pc play-pause
expect Playing pc status
sleep 1.5
position="$(pc position)"
awk -v p="$position" 'BEGIN { exit !(p > 0.5 && p < 20) }' || fail "position $position, expected between 0.5 and 20 s"
echo "e2e-mpris: ok: position $position s"
pc next
expect second pc metadata title

# A second launch hands its file to the running window and is gone within a second.
[ -S "$XDG_RUNTIME_DIR/bufferdeck.sock" ] || fail "no instance socket in XDG_RUNTIME_DIR"
start=$(date +%s%N)
"${JAVA[@]}" --enqueue "$WORK/music/third.wav" > "$WORK/second.log" 2>&1 || { cat "$WORK/second.log" >&2; fail "the second launch failed"; }
took=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$took" -lt "${HANDOVER_MAX_MS:-1000}" ] || fail "the second launch took $took ms (limit HANDOVER_MAX_MS=${HANDOVER_MAX_MS:-1000}; load: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "e2e-mpris: ok: second launch handed over and exited in $took ms"
kill -0 "$APP" || fail "the first instance is gone"
expect second pc metadata title
# the window reads the handed-over file in the background: Next is there once MPRIS says so
can_go_next() {
    dbus-send --session --print-reply --dest=org.mpris.MediaPlayer2.bufferdeck /org/mpris/MediaPlayer2 \
        org.freedesktop.DBus.Properties.Get string:org.mpris.MediaPlayer2.Player string:CanGoNext 2>/dev/null \
        | grep -o 'boolean [a-z]*' | cut -d' ' -f2
}
expect true can_go_next
pc next
expect third pc metadata title

# Quit over D-Bus: the window closes, the socket goes.
dbus-send --session --type=method_call --dest=org.mpris.MediaPlayer2.bufferdeck /org/mpris/MediaPlayer2 org.mpris.MediaPlayer2.Quit
for _ in $(seq 1 40); do kill -0 "$APP" 2>/dev/null || break; sleep 0.25; done
kill -0 "$APP" 2>/dev/null && fail "Quit did not end the app"
wait "$APP" || true
APP=""
[ -e "$XDG_RUNTIME_DIR/bufferdeck.sock" ] && fail "the instance socket outlived the app"
if grep -Ei "exception|SLF4J|Unsupported JavaFX|Could not resolve '-bd-|^INFO:|^SEVERE:" "$WORK/app.log"; then fail "the app printed the lines above on a normal start"; fi
echo "e2e-mpris: PASS"
