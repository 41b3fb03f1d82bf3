#!/usr/bin/env bash
# End-to-end playback check through a real sound server: a PulseAudio null sink becomes ALSA's
# "default" device, `bufferdeck play --device default` plays a known tone into it (from a file, then
# from a python3 http.server process, chunked), parecord
# records the sink's monitor, and a small analyzer checks the recording holds that tone
# (frequency within 3 Hz, level within 3 dB).
#
# Needs (installs nothing): java 17, python3, pulseaudio, pulseaudio-utils (pactl, parecord),
# libasound2-plugins (pulled in by pulseaudio), and target/bufferdeck.jar (mvn package).
# Usage: scripts/e2e-pulse.sh [path/to/bufferdeck.jar]
set -euo pipefail
. "$(dirname "$0")/lib/teardown.sh"

JAR="${1:-target/bufferdeck.jar}"
FREQ=1000
LEVEL_DBFS=-6
SECONDS_LONG=3

fail() { echo "e2e-pulse: FAIL: $*" >&2; exit 1; }

for tool in java python3 pulseaudio pactl parecord; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (apt-get install pulseaudio pulseaudio-utils)"
done
[ -f "$JAR" ] || fail "$JAR not found (run mvn package first)"
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"

WORK="$(mktemp -d)"
# A private runtime dir: our own PulseAudio, whatever else runs on the machine.
export XDG_RUNTIME_DIR="$WORK/runtime"
export PULSE_RUNTIME_PATH="$XDG_RUNTIME_DIR/pulse"
export PULSE_STATE_PATH="$WORK/state"
export HOME="$WORK/home"
mkdir -p "$XDG_RUNTIME_DIR" "$PULSE_STATE_PATH" "$HOME"
chmod 700 "$XDG_RUNTIME_DIR"

RECORDER=""
SERVER=""
cleanup() {
    local status=$?
    stop_pid "$RECORDER"
    stop_pid "$SERVER"
    if [ -f "$PULSE_RUNTIME_PATH/pid" ]; then stop_pid "$(cat "$PULSE_RUNTIME_PATH/pid")"; fi
    remove_tree "$WORK"
    exit "$status"
}
trap cleanup EXIT

# As root PulseAudio warns but runs in per-user mode with -D; --system would need a pulse user and
# a system bus. --disallow-exit and --exit-idle-time=-1 keep it up between clients.
if [ "$(id -u)" = 0 ]; then
    pulseaudio -D --exit-idle-time=-1 --disallow-exit --disallow-module-loading=no \
        --log-target=file:"$WORK/pulse.log" 2>/dev/null || true
else
    pulseaudio --start --exit-idle-time=-1 --log-target=file:"$WORK/pulse.log" || true
fi
for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
pactl info >/dev/null 2>&1 || { cat "$WORK/pulse.log" >&2 2>/dev/null; fail "PulseAudio did not start"; }

pactl load-module module-null-sink sink_name=test sink_properties=device.description=bufferdeck-test >/dev/null
pactl set-default-sink test
pactl set-sink-volume test 100%
pactl set-sink-mute test 0

python3 - "$WORK/tone.wav" "$FREQ" "$LEVEL_DBFS" "$SECONDS_LONG" <<'PY'
import math, struct, sys, wave
path, freq, dbfs, secs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
rate, amp = 44100, 32767 * 10 ** (dbfs / 20)
with wave.open(path, "wb") as w:
    w.setnchannels(2); w.setsampwidth(2); w.setframerate(rate)
    frames = bytearray()
    for i in range(int(rate * secs)):
        v = int(round(amp * math.sin(2 * math.pi * freq * i / rate)))
        frames += struct.pack("<hh", v, v)
    w.writeframes(bytes(frames))
PY

# play_and_check SOURCE: records the sink's monitor while `bufferdeck play` plays SOURCE (a file or
# a URL), and checks that the recording holds the tone.
play_and_check() {
echo "e2e-pulse: playing $1"
parecord -d test.monitor --rate=44100 --channels=2 --format=s16le --file-format=wav "$WORK/rec.wav" &
RECORDER=$!
sleep 0.7

set +e
timeout 60 java -jar "$JAR" play --device default "$1" 2>"$WORK/play.err"
STATUS=$?
set -e
sleep 0.7
kill -INT "$RECORDER" 2>/dev/null || true
wait "$RECORDER" 2>/dev/null || true
RECORDER=""

[ "$STATUS" = 0 ] || { cat "$WORK/play.err" >&2; fail "bufferdeck play exited with $STATUS"; }
if grep -q "No audio device" "$WORK/play.err"; then
    fail "Java Sound found no device: the ALSA default device does not reach PulseAudio"
fi

python3 - "$WORK/rec.wav" "$FREQ" "$LEVEL_DBFS" <<'PY'
import math, struct, sys
path, want_freq, want_db = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
data = open(path, "rb").read()
at = data.find(b"data")
if at < 0:
    sys.exit("e2e-pulse: FAIL: the recording is not a WAV file")
pcm = data[at + 8:]
pcm = pcm[: len(pcm) - len(pcm) % 4]
rate = 44100
left = [s for s in struct.unpack("<%dh" % (len(pcm) // 2), pcm)[0::2]]
peak = max((abs(s) for s in left), default=0)
if peak < 100:
    sys.exit("e2e-pulse: FAIL: the recording is silent (peak %d of 32767)" % peak)
loud = [i for i, s in enumerate(left) if abs(s) > peak * 0.25]
start, end = loud[0] + rate // 5, loud[-1] - rate // 5
if end - start < rate:
    sys.exit("e2e-pulse: FAIL: only %.2f s of sound recorded" % ((loud[-1] - loud[0]) / rate))
x = left[start:end]

# frequency from interpolated zero crossings (upward)
ups = []
for i in range(1, len(x)):
    if x[i - 1] < 0 <= x[i]:
        ups.append(i - 1 + (-x[i - 1]) / (x[i] - x[i - 1]))
freq = (len(ups) - 1) * rate / (ups[-1] - ups[0])

# how much of the energy is at that frequency (Goertzel), so the tone dominates
n = len(x)
w = 2 * math.pi * freq / rate
c = 2 * math.cos(w)
s1 = s2 = 0.0
for v in x:
    s1, s2 = v + c * s1 - s2, s1
power_at = (s1 * s1 + s2 * s2 - c * s1 * s2) * 2 / n
power_all = sum(v * v for v in x)
purity = power_at / power_all

rms = math.sqrt(power_all / n)
level = 20 * math.log10(rms * math.sqrt(2) / 32767)
print("e2e-pulse: recorded %.2f s, dominant %.2f Hz, level %.2f dBFS (peak), %.1f%% of energy in the tone"
      % ((loud[-1] - loud[0]) / rate, freq, level, purity * 100))
problems = []
if abs(freq - want_freq) > 3:
    problems.append("frequency %.2f Hz, expected %.0f Hz" % (freq, want_freq))
if abs(level - want_db) > 3:
    problems.append("level %.2f dBFS, expected %.1f dBFS" % (level, want_db))
if purity < 0.9:
    problems.append("only %.1f%% of the energy is in the tone" % (purity * 100))
if problems:
    sys.exit("e2e-pulse: FAIL: " + "; ".join(problems))
print("e2e-pulse: OK")
PY
}

play_and_check "$WORK/tone.wav"

# The same tone from a real server process, sent chunked (no Content-Length): a body of unknown
# length, which the repository holds in pieces outside the heap as it arrives.
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$(dirname "$0")/lib/http-server.py" "$PORT" "$WORK" &
SERVER=$!
for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null && break; sleep 0.1; done
play_and_check "http://127.0.0.1:$PORT/chunked/tone.wav"
