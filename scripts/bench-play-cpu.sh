#!/usr/bin/env bash
# CPU seconds per minute of MP3 played: BufferDeck's window under Xvfb against
# `mpv --no-video --ao=null` on the same file, measured from /proc in this one script.
# Phases, each reported on its own so one-time costs do not hide in the steady state:
#   start      launch -> window shown (JVM, JavaFX, first window)
#   minute 1   the first 60 s after the window shows: the one-time analyses of the file
#              (regions, waveform, loudness, facts) and most of the JIT
#   minute 2   the next 60 s: the JIT still compiles what playing runs (measured: it settles
#              about 90-120 s after the window shows on 2 busy cores)
#   visible    the next SECONDS, window visible (steady state)
#   minimised  SECONDS with the window minimised (steady state)
# Each phase is split by thread: decode (the MP3 decoder, reported apart because another decoder may
# replace JLayer), output, spectrum, analyses, fx (the FX thread, the thread handing it Platform.runLater
# tasks and pulses, the playback clock's timer and the pulse timer), render (Prism's renderer and Mesa's
# llvmpipe threads: under Xvfb OpenGL is software), JIT,
# GC, other.
# Figures only. Goal (#14): visible ≤ 2× mpv, minimised ≤ 1 % of a core (0.6 CPU s per minute).
# Needs: xvfb (xvfb-run), xdotool, x11-utils, openbox, mpv, ffmpeg, libgtk-3-0.
# Usage: scripts/bench-play-cpu.sh [SECONDS]   (visible and minimised phases, default 30)
# The MP3 is a 440 Hz tone (a steady spectrum: the window repaints for the seek bar and the time);
# BENCH_SIGNAL=moving plays pink noise whose level swings instead, so the spectrum moves at every frame as with music.
# BENCH_SPECTRUM=shown or hidden starts the app with View ▸ Spectrum and level meter chosen so (a saved session that says
# so); without it the app decides as on a first start (under Xvfb's software pipeline: hidden).
# The app's JVM gets the options both launchers give it (the installed launcher's java-options
# and java -jar's relaunch, printed by dev.bufferdeck.LauncherOptions): ClassDataRelaunch.JIT_OPTIONS and
# GC_OPTIONS, and -XX:-UsePerfData (no performance-data sampling 20 times a second); BENCH_JIT=default leaves them out (the JIT then compiles JavaFX's per-pulse code for 10 minutes or more).
# BENCH_JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=filename=/tmp/x.jfr).
# BENCH_JFR_DIR=dir records each steady phase with JFR (settings=profile, or BENCH_JFR_SETTINGS=file.jfc: say
# one whose method-sampling-java-interval is 1 ms, to catch the FX thread's short pulses) into dir/visible.jfr and
# dir/minimised.jfr (the recording's own cost is then in the figures); scripts/lib/jfr-by-thread.py
# summarises one per thread.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-30}
INNER=${INNER:-}
for tool in xvfb-run xdotool xprop mpv ffmpeg java; do
    command -v "$tool" >/dev/null || { echo "bench-play-cpu: $tool is not installed" >&2; exit 2; }
done
if [ -z "$INNER" ]; then
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:$(cat target/bench-classpath.txt)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
MP3="$WORK/tone.mp3"
LENGTH=$((SECONDS_EACH * 2 + 180))
if [ "${BENCH_SIGNAL:-tone}" = moving ]; then
    # pink noise whose level swings: the spectrum's bars move at every frame, as with music
    ffmpeg -v error -f lavfi -i "anoisesrc=color=pink:duration=$LENGTH:amplitude=0.5" \
        -af "volume='0.3+0.6*abs(sin(2*PI*0.4*t))':eval=frame" -ac 2 -ar 44100 -b:a 192k "$MP3"
else
    ffmpeg -v error -f lavfi -i "sine=frequency=440:duration=$LENGTH" -ac 2 -ar 44100 -b:a 192k "$MP3"
fi
fi

# CPU seconds (user + system) of a whole process, dead threads included.
cpu() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print ($12 + $13) / 100 }'; }
# One line per live thread: tid, CPU seconds, group.
threads() {
    local t
    for t in /proc/"$1"/task/*; do
        [ -r "$t/stat" ] || continue
        local stat; stat=$(cat "$t/stat" 2>/dev/null) || continue
        local name=${stat#*(}; name=${name%)*}
        local rest=${stat##*) }
        echo "${t##*/}	$(echo "$rest" | awk '{ print ($12 + $13) / 100 }')	$(group "$name")"
    done
}
group() {
    case "$1" in
        bufferdeck-deco*) echo decode ;;
        bufferdeck-audi*|bufferdeck-play*|bufferdeck-sink*) echo output ;;
        bufferdeck-spec*) echo spectrum ;;
        bufferdeck-wave*|bufferdeck-loud*|bufferdeck-regi*|bufferdeck-cove*|bufferdeck-load|bufferdeck-fram*) echo analyses ;;
        "JavaFX Applicat"*|InvokeLaterDisp*|bufferdeck-cloc*|bufferdeck-puls*) echo fx ;;
        QuantumRenderer*|"Prism Font Disp"*|llvmpipe*) echo render ;;
        C1\ Compiler*|C2\ Compiler*) echo jit ;;
        G1*|GC\ *|VM\ Thread*) echo gc+vm ;;
        *) echo other ;;
    esac
}
snapshot() { echo "total	$(cpu "$1")	total"; threads "$1"; }
# Prints "PHASE total g1=x g2=y ..." as CPU seconds per minute between two snapshots.
report() {
    local phase=$1 a=$2 b=$3 secs=$4
    awk -F'\t' -v phase="$phase" -v s="$secs" '
        FNR == NR { before[$1] = $2; next }
        $1 == "total" { total = $2 - before["total"]; next }
        { by[$3] += $2 - ($1 in before ? before[$1] : 0); seen += $2 - ($1 in before ? before[$1] : 0) }
        END {
            by["ended-threads"] = total - seen
            printf "%s %.2f", phase, total * 60 / s
            n = split("decode output spectrum analyses fx render jit gc+vm other ended-threads", order, " ")
            for (i = 1; i <= n; i++) printf " %s=%.2f", order[i], by[order[i]] * 60 / s
            printf "\n"
        }' "$a" "$b"
}

jfr_start() { [ -z "${BENCH_JFR_DIR:-}" ] || jcmd "$1" JFR.start name="$2" settings="${BENCH_JFR_SETTINGS:-profile}" >/dev/null; }
jfr_stop() { [ -z "${BENCH_JFR_DIR:-}" ] || jcmd "$1" JFR.stop name="$2" filename="$BENCH_JFR_DIR/$2.jfr" >/dev/null; }

inner() {
    export XDG_CONFIG_HOME XDG_RUNTIME_DIR
    XDG_CONFIG_HOME=$(mktemp -d); XDG_RUNTIME_DIR=$(mktemp -d)
    command -v openbox >/dev/null && { openbox >/dev/null 2>&1 & sleep 1; }
    if [ -n "${BENCH_SPECTRUM:-}" ]; then
        local shown=true
        [ "$BENCH_SPECTRUM" = hidden ] && shown=false
        mkdir -p "$XDG_CONFIG_HOME/bufferdeck"
        printf '#EXTM3U\n#BUFFERDECK-SESSION:1\n#BUFFERDECK:spectrumShown=%s\n#BUFFERDECK:entries=0\n#BUFFERDECK-END\n' "$shown" \
            >"$XDG_CONFIG_HOME/bufferdeck/session.m3u8"
    fi
    local started; started=$(date +%s.%N)
    local jit=""
    [ "${BENCH_JIT:-launcher}" = default ] || jit=$(java -cp target/classes:target/test-classes dev.bufferdeck.LauncherOptions)
    echo "app JVM options: ${jit:-(JIT defaults)} ${BENCH_JAVA_OPTS:-}" >&2
    # shellcheck disable=SC2086
    java $jit ${BENCH_JAVA_OPTS:-} -Dbufferdeck.output=memory -cp "$CP" dev.bufferdeck.Main "$MP3" >"${BENCH_LOG:-$WORK/app.log}" 2>&1 &
    local app=$! win=""
    for _ in $(seq 1 240); do
        win=$(xdotool search --name 'BufferDeck' 2>/dev/null | head -1 || true)
        [ -n "$win" ] && break
        sleep 0.25
    done
    [ -n "$win" ] || { echo "bench-play-cpu: no window" >&2; cat "$WORK/app.log" >&2; kill $app; exit 1; }
    local shown; shown=$(date +%s.%N)
    snapshot $app >"$WORK/s0"
    echo "start $(cpu $app) $(awk -v a="$started" -v b="$shown" 'BEGIN { printf "%.1f", b - a }')"
    sleep 60; snapshot $app >"$WORK/s1"
    sleep 60; jfr_start $app visible; snapshot $app >"$WORK/s1b"
    sleep "$SECONDS_EACH"; snapshot $app >"$WORK/s2"; jfr_stop $app visible
    report minute1 "$WORK/s0" "$WORK/s1" 60
    report minute2 "$WORK/s1" "$WORK/s1b" 60
    report visible "$WORK/s1b" "$WORK/s2" "$SECONDS_EACH"
    xdotool windowminimize "$win" 2>/dev/null || true
    sleep 2
    if xprop -id "$win" WM_STATE 2>/dev/null | grep -q Iconic; then
        jfr_start $app minimised
        snapshot $app >"$WORK/s3"; sleep "$SECONDS_EACH"; snapshot $app >"$WORK/s4"
        jfr_stop $app minimised
        report minimised "$WORK/s3" "$WORK/s4" "$SECONDS_EACH"
    else
        echo "minimised not-measured"
    fi
    kill $app; wait $app 2>/dev/null || true
}
if [ -n "$INNER" ]; then inner; exit 0; fi

mpv --no-video --ao=null --really-quiet "$MP3" &
MPV=$!
sleep 2
A=$(cpu $MPV); sleep "$SECONDS_EACH"; B=$(cpu $MPV)
MPV_CPU=$(awk -v a="$A" -v b="$B" -v s="$SECONDS_EACH" 'BEGIN { printf "%.2f", (b - a) * 60 / s }')
kill $MPV 2>/dev/null || true

OUT=$(INNER=1 CP="$CP" MP3="$MP3" WORK="$WORK" xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$SECONDS_EACH")
echo "CPU seconds per minute of MP3 played (steady phases ${SECONDS_EACH} s each; mpv the same file, same run;"
echo "  signal: ${BENCH_SIGNAL:-tone}, spectrum ${BENCH_SPECTRUM:-as the app chooses on a first start}):"
echo "  mpv --no-video --ao=null: $MPV_CPU"
echo "$OUT" | awk -v m="$MPV_CPU" '
    $1 == "start" { printf "  BufferDeck start -> window: %.2f CPU s in %s s (one-time)\n", $2, $3 }
    $1 == "minute1" || $1 == "minute2" || $1 == "visible" || ($1 == "minimised" && $2 != "not-measured") {
        label = $1 == "minute1" ? "minute 1 after the window shows (one-time analyses + JIT)" : $1 == "minute2" ? "minute 2 (JIT settling)" : $1 == "visible" ? "window visible, steady" : "minimised, steady"
        printf "  BufferDeck %s: %.2f (%.1f× mpv", label, $2, $2 / m
        if ($1 == "visible") printf "; goal ≤ 2"
        if ($1 == "minimised") printf "; %.2f %% of a core, goal ≤ 1 %%", $2 / 60 * 100
        if ($1 == "visible" || $1 == "minimised") {
            for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "decode" || kv[1] == "output") sound += kv[2] }
            printf "; without decode and output: %.2f, %.2f %% of a core", $2 - sound, ($2 - sound) / 60 * 100
            sound = 0
        }
        printf ")\n    by thread, CPU s/min:"
        for (i = 3; i <= NF; i++) printf " %s", $i
        printf "\n"
    }
    $1 == "minimised" && $2 == "not-measured" { print "  BufferDeck minimised: not measured (no window manager under Xvfb: apt-get install -y openbox)" }'
