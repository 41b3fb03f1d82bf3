#!/usr/bin/env bash
# Video end to end: the real app (target/bufferdeck.jar) under Xvfb, with a private PulseAudio null
# sink as the sound device, plays a generated H.264+AAC MP4 given on the command line, through
# JavaFX Media from memory (a resource: URL over the buffer). Checks:
#   - the screenshot shows the picture: the clip is solid magenta, so enough magenta pixels must be on screen
#     (saved as target/screenshots/video.png);
#   - the recording of the sink's monitor is not silent (the clip's sound is a 440 Hz tone);
#   - strace -f -e trace=openat,creat shows no file created under /tmp or $HOME while the app ran, other
#     than the JVM's own (hsperfdata); in particular no GStreamer progress buffer (/tmp/jfxmpb*), no copy of a
#     font (/tmp/+JXF*.tmp: the icons are shapes, not a font), and no JavaFX native-library cache
#     (~/.openjfx/cache): JavaFX loads its libraries, the media ones too, from beside the jar (mvn package puts
#     them there; an installed app's lib/app has all but the media and OpenGL ones, which may come from that cache).
# Needs (installs nothing): java 17, python3, ffmpeg, strace, xvfb (xvfb-run), x11-utils (xwininfo),
# imagemagick (import), pulseaudio, pulseaudio-utils, libgtk-3-0, and libavcodec59 (or 60) for JavaFX Media.
# Usage: scripts/e2e-video.sh [path/to/bufferdeck.jar | path/to/launcher]   (a launcher: the jpackage
#        app image's bin/bufferdeck or /opt/bufferdeck/bin/bufferdeck, run instead of java -jar)
set -euo pipefail

cd "$(dirname "$0")/.."
. scripts/lib/teardown.sh
PLAY_SECONDS=${PLAY_SECONDS:-10}
WAIT_SECONDS=${WAIT_SECONDS:-60}
MIN_MAGENTA_PIXELS=5000   # the clip is solid magenta; the pane shows it scaled to fit (160x120 = 19,200 at the smallest window)

fail() { echo "e2e-video: FAIL: $*" >&2; exit 1; }
say() { echo "e2e-video: $*"; }

if [ "${1:-}" != "--inside-xvfb" ]; then
    JAR="${1:-target/bufferdeck.jar}"
    for tool in java python3 ffmpeg strace xvfb-run xwininfo import pulseaudio pactl parecord; do
        command -v "$tool" >/dev/null || fail "$tool is not installed"
    done
    [ -f "$JAR" ] || fail "$JAR not found (run mvn -B package -DskipTests first)"
    JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
    mkdir -p target/screenshots
    # Outside /tmp, so the strace check can look at all of /tmp; HOME and the config dir are fresh.
    WORK="$(mktemp -d -p "$PWD/target" e2e-video.XXXXXX)"
    export WORK JAR PLAY_SECONDS WAIT_SECONDS MIN_MAGENTA_PIXELS
    export SHOT_PNG="$PWD/target/screenshots/video.png"
    status=0
    timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" bash ${TRACE:+-x} "$0" --inside-xvfb || status=$?
    [ -n "${KEEP_WORK:-}" ] || remove_tree "$WORK"
    exit $status
fi

# ---------------------------------------------------------------- inside the virtual display
export XDG_RUNTIME_DIR="$WORK/runtime" PULSE_RUNTIME_PATH="$WORK/runtime/pulse" PULSE_STATE_PATH="$WORK/pulse-state"
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config"
mkdir -p "$XDG_RUNTIME_DIR" "$PULSE_STATE_PATH" "$HOME" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"

APP="" RECORDER=""
cleanup() {
    local status=$?
    set +e
    stop_pid "$APP"
    stop_pid "$RECORDER"
    if [ -f "$PULSE_RUNTIME_PATH/pid" ]; then stop_pid "$(cat "$PULSE_RUNTIME_PATH/pid")"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 1' TERM INT

if [ "$(id -u)" = 0 ]; then
    pulseaudio -D --exit-idle-time=-1 --disallow-exit --log-target=file:"$WORK/pulse.log" 2>/dev/null || true
else
    pulseaudio --start --exit-idle-time=-1 --log-target=file:"$WORK/pulse.log" || true
fi
for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
pactl info >/dev/null 2>&1 || fail "PulseAudio did not start"
pactl load-module module-null-sink sink_name=test >/dev/null
pactl set-default-sink test
pactl set-sink-volume test 100%

CLIP="$WORK/clip.mp4"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "color=c=magenta:size=320x240:rate=25:duration=10" \
    -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=10" \
    -c:v libx264 -pix_fmt yuv420p -c:a aac -b:a 96k -ac 2 -movflags +faststart "$CLIP"
say "clip: $(stat -c %s "$CLIP") bytes of H.264 + AAC"

parecord -d test.monitor --rate=44100 --channels=2 --format=s16le --file-format=wav "$WORK/rec.wav" &
RECORDER=$!

if [[ "$JAR" == *.jar ]]; then LAUNCH=(java -jar "$JAR"); else LAUNCH=("$JAR"); fi
strace -f -qq --seccomp-bpf -e trace=openat,creat -o "$WORK/strace.log" "${LAUNCH[@]}" "$CLIP" >"$WORK/app.log" 2>&1 &
APP=$!
waited=0
until xwininfo -root -tree 2>/dev/null | grep -q '"[^"]*BufferDeck"'; do
    kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log" >&2; fail "the app died before its window showed"; }
    sleep 0.5; waited=$((waited + 1))
    [ "$waited" -lt $((WAIT_SECONDS * 2)) ] || fail "no BufferDeck window after ${WAIT_SECONDS}s"
done
sleep "$PLAY_SECONDS"
kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log" >&2; fail "the app died while playing"; }
import -window root -depth 8 "$WORK/shot.ppm"
# end the JVM itself (strace's child); strace then exits with it
JAVA_PID=$(ps --ppid "$APP" -o pid= | tr -d ' ')
kill "${JAVA_PID:-$APP}" 2>/dev/null || true
wait "$APP" 2>/dev/null || true
APP=""
kill -INT "$RECORDER" 2>/dev/null || true
wait "$RECORDER" 2>/dev/null || true
RECORDER=""

python3 - "$WORK" "$SHOT_PNG" "$MIN_MAGENTA_PIXELS" <<'PY'
import math, os, re, struct, sys, zlib
work, shot_png, min_magenta = sys.argv[1], sys.argv[2], int(sys.argv[3])
problems = []

# --- the picture: a binary PPM from import; saved again as PNG for people
raw = open(os.path.join(work, "shot.ppm"), "rb").read()
m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", raw)
if not m:
    sys.exit("e2e-video: FAIL: the screenshot is not an 8-bit PPM")
w, h = int(m.group(1)), int(m.group(2))
px = raw[m.end():m.end() + w * h * 3]
magenta = sum(1 for i in range(0, len(px), 3) if px[i] > 200 and px[i + 1] < 60 and px[i + 2] > 200)
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
rows = b"".join(b"\0" + px[y * w * 3:(y + 1) * w * 3] for y in range(h))
open(shot_png, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                           + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))
print("e2e-video: screenshot %dx%d, %d magenta pixels (the clip's picture), saved %s" % (w, h, magenta, shot_png))
if magenta < min_magenta:
    problems.append("the screenshot shows no video picture (%d magenta pixels, want >= %d)" % (magenta, min_magenta))

# --- the sound: not silent, and mostly the clip's 440 Hz
data = open(os.path.join(work, "rec.wav"), "rb").read()
at = data.find(b"data")
pcm = data[at + 8:] if at >= 0 else b""
pcm = pcm[: len(pcm) - len(pcm) % 4]
left = struct.unpack("<%dh" % (len(pcm) // 2), pcm)[0::2] if pcm else ()
peak = max((abs(s) for s in left), default=0)
ups = [i for i in range(1, len(left)) if left[i - 1] < 0 <= left[i]]
loud = [i for i, s in enumerate(left) if abs(s) > peak * 0.25] if peak else []
secs = (loud[-1] - loud[0]) / 44100 if loud else 0
inside = [u for u in ups if loud and loud[0] <= u <= loud[-1]]
freq = (len(inside) - 1) * 44100 / (inside[-1] - inside[0]) if len(inside) > 2 else 0
print("e2e-video: recording peak %d of 32767, %.2f s of sound, about %.1f Hz" % (peak, secs, freq))
if peak < 300:
    problems.append("the recording of the sink is silent (peak %d)" % peak)
elif abs(freq - 440) > 20:
    problems.append("the recording is not the clip's 440 Hz tone (%.1f Hz)" % freq)

# --- files created under /tmp or $HOME while the app ran
home = os.path.join(work, "home")
allowed = [re.compile(r"^/tmp/hsperfdata_[^/]+(/\d+)?$"),              # the JVM's perf data
           re.compile("^" + re.escape(home) + r"/\.cache/bufferdeck/classes-[0-9a-f]+\.jsa(\.\d+\.tmp(\.jsa)?)?$"),  # java -jar: the jar's class-data archive (its class list, its dump), made at the first exit
           # seen only when the work folder itself lies under /tmp (a clone in /tmp):
           re.compile("^" + re.escape(work) + r"/config/bufferdeck/session\.m3u8(\.[\w-]+\.saving)?$"),  # the session, saved atomically
           re.compile("^" + re.escape(work) + r"/runtime/dconf/user$")]   # GTK's settings store in XDG_RUNTIME_DIR
created, seen, cached = [], set(), set()
jar_mode = os.environ["JAR"].endswith(".jar")
app_dir = os.path.join(os.path.dirname(os.path.dirname(os.environ["JAR"])), "lib", "app")
beside_launchers_jar = set() if jar_mode else {f for f in os.listdir(app_dir) if f.endswith(".so")}
for line in open(os.path.join(work, "strace.log"), errors="replace"):
    call = re.search(r'(openat\(.*?"([^"]*)", ([^,)]*)|creat\("([^"]*)")', line)
    if not call or "= -1" in line:
        continue
    path = call.group(2) or call.group(4)
    # JavaFX's library cache lies in the JVM's user.home (the passwd entry's, not $HOME): any file read there
    # means a library was not found beside the jar. An installed app keeps some in its jar (pom.xml says which
    # and why): only those it has in lib/app must not come from there.
    if path and "/.openjfx/" in path and (jar_mode or os.path.basename(path) in beside_launchers_jar):
        cached.add(path)
    flags = call.group(3) or "O_CREAT"
    if "O_CREAT" not in flags or path is None:
        continue
    if (path.startswith("/tmp/") or path.startswith(home + "/")) and not any(a.search(path) for a in allowed):
        if path not in seen:
            seen.add(path); created.append(path)
print("e2e-video: files created under /tmp or $HOME (besides the JVM's own): %d" % len(created))
for p in created:
    print("  " + p)
print("e2e-video: JavaFX libraries opened in a ~/.openjfx cache: %d" % len(cached))
for p in sorted(cached):
    print("  " + p)
if cached:
    problems.append("JavaFX loaded %d native librar(ies) through its ~/.openjfx cache, not from beside the jar" % len(cached))
if any("jfxmpb" in p for p in created):
    problems.append("GStreamer wrote a progress buffer (the media was copied to disk)")
if created:
    problems.append("%d file(s) created under /tmp or $HOME during playback" % len(created))
if problems:
    sys.exit("e2e-video: FAIL: " + "; ".join(problems))
print("e2e-video: OK")
PY
