#!/usr/bin/env bash
# Checks the BufferDeck .deb end to end. Run as root from the repository root after
#   mvn -B -Pinstaller package -DskipTests
# It installs the package (pulling its Depends with apt), checks the desktop integration, runs the
# installed launcher's CLI on a generated WAV, starts the installed GUI under Xvfb for a
# screenshot (target/screenshots/installed.png), then purges the package and checks that nothing
# is left behind. Exits non-zero on the first failed check.
set -euo pipefail

cd "$(dirname "$0")/.."
PREFIX=/opt/bufferdeck
LAUNCHER=$PREFIX/bin/bufferdeck
DESKTOP=/usr/share/applications/bufferdeck-bufferdeck.desktop
WORK=target/check-deb
SHOT=target/screenshots/installed.png
GOAL_BYTES=$((40 * 1000 * 1000))

say() { printf '[check-deb] %s\n' "$*"; }
fail() { printf '[check-deb] FAILED: %s\n' "$*" >&2; exit 1; }
skip() { printf '[check-deb] SKIPPED: %s\n' "$*"; }

[ "$(id -u)" = 0 ] || fail "run as root (it installs and removes the package)"
shopt -s nullglob
debs=(target/installer/bufferdeck_*.deb)
[ ${#debs[@]} = 1 ] || fail "expected one target/installer/bufferdeck_*.deb, found ${#debs[@]}: run mvn -B -Pinstaller package -DskipTests first"
DEB=${debs[0]}
rm -rf "$WORK"
mkdir -p "$WORK/config" target/screenshots
# the installed app's session goes here, not into the user's ~/.config/bufferdeck (it had gathered an
# entry per run on a machine that ran this check more than once)
export XDG_CONFIG_HOME="$PWD/$WORK/config"

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >"$WORK/apt.log" 2>&1 || {
    say "apt-get install failed; updating the package lists and trying again"
    apt-get update >>"$WORK/apt.log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$WORK/apt.log" 2>&1 \
      || { tail -30 "$WORK/apt.log" >&2; fail "apt-get install $*"; }
  }
}

# ---- sizes -----------------------------------------------------------------------------------
deb_bytes=$(stat -c %s "$DEB")
declared_kib=$(dpkg-deb -f "$DEB" Installed-Size)
say "package: $DEB"
say "deb size: $deb_bytes bytes ($(awk -v b="$deb_bytes" 'BEGIN{printf "%.1f", b/1e6}') MB); goal <= 40 MB"
if [ "$deb_bytes" -gt "$GOAL_BYTES" ]; then say "WARNING: the .deb is over the 40 MB goal"; fi
say "Depends: $(dpkg-deb -f "$DEB" Depends)"
dpkg-deb -f "$DEB" Depends | grep -q 'libgtk-3-0' || fail "Depends lacks libgtk-3-0"
dpkg-deb -f "$DEB" Depends | grep -q 'libasound2' || fail "Depends lacks libasound2"
say "Recommends: $(dpkg-deb -f "$DEB" Recommends)"
dpkg-deb -f "$DEB" Recommends | grep -q 'libavcodec59' || fail "Recommends lacks libavcodec59 (video through JavaFX Media)"
# video is optional: ffmpeg's libraries, and OpenGL's with Mesa, must not become required (jpackage makes what
# any library in the image links a dependency, so JavaFX's media and OpenGL libraries stay in the jar)
required=$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | grep -E 'libav(codec|format|util)|libgl1|libglx' || true)
[ -z "$required" ] || fail "Depends requires ffmpeg's or OpenGL's libraries:$(echo $required)"

# ---- install ---------------------------------------------------------------------------------
# A failed check must not leave the package installed for the next run or the next job.
cleanup() {
  status=$?
  if [ $status -ne 0 ] && dpkg -s bufferdeck >/dev/null 2>&1; then
    say "purging the package after the failure"
    apt-get purge -y bufferdeck >"$WORK/purge-after-failure.log" 2>&1 || true
  fi
}
trap cleanup EXIT
if dpkg -s bufferdeck >/dev/null 2>&1; then
  say "removing a bufferdeck package left from an earlier run"
  apt-get purge -y bufferdeck >"$WORK/purge-old.log" 2>&1
fi
say "installing with apt-get (pulls Depends)"
apt_install "./$DEB"
dpkg -s bufferdeck | grep -q '^Status: install ok installed' || fail "dpkg does not list bufferdeck as installed"
installed_kib=$(du -sk "$PREFIX" | cut -f1)
say "installed size: $installed_kib KiB in $PREFIX ($(awk -v k="$installed_kib" 'BEGIN{printf "%.1f", k*1024/1e6}') MB); control file says $declared_kib KiB"

# ---- desktop integration ---------------------------------------------------------------------
[ -x "$LAUNCHER" ] || fail "$LAUNCHER is missing or not executable"
[ "$(readlink /usr/bin/bufferdeck)" = "$LAUNCHER" ] || fail "/usr/bin/bufferdeck does not link to $LAUNCHER"
[ -f "$DESKTOP" ] || fail "$DESKTOP is not installed"
for line in 'Name=BufferDeck' 'GenericName=Media Player' 'Exec=bufferdeck %U' 'Categories=AudioVideo;Audio;Player;' \
            'MimeType=audio/mpeg;audio/mp4;audio/x-m4a;audio/aac;audio/ogg;audio/flac;audio/x-wav;audio/aiff;audio/x-mpegurl;audio/x-scpls;application/xspf+xml;'; do
  grep -qxF "$line" "$DESKTOP" || fail "$DESKTOP lacks the line: $line"
done
icon=$(sed -n 's/^Icon=//p' "$DESKTOP")
[ -s "$icon" ] || fail "the desktop entry's icon $icon is not installed"
say "desktop entry $DESKTOP and icon $icon are installed"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$DESKTOP" || fail "desktop-file-validate rejects $DESKTOP"
  say "desktop-file-validate accepts the entry"
fi

# ---- class-data sharing ----------------------------------------------------------------------
# The build ships the checked-in list of the classes a start loads (scripts/cds-classlist.sh made it);
# postinst dumps them into an
# archive that the launcher maps. The JVM logs where each class came from.
APPDIR=$PREFIX/lib/app
JSA=$APPDIR/bufferdeck.jsa
[ -s "$APPDIR/bufferdeck.classlist" ] || fail "the package has no $APPDIR/bufferdeck.classlist (the build copies src/main/cds/bufferdeck.classlist there)"
[ -s "$JSA" ] || fail "postinst made no class-data archive $JSA"
grep -qxF 'java-options=-XX:SharedArchiveFile=$APPDIR/bufferdeck.jsa' "$APPDIR/bufferdeck.cfg" \
  || fail "the launcher's $APPDIR/bufferdeck.cfg does not map the archive"
grep -qxF 'java-options=-XX:-UsePerfData' "$APPDIR/bufferdeck.cfg" \
  || fail "the launcher's $APPDIR/bufferdeck.cfg lets the JVM write /tmp/hsperfdata_<user>/<pid>"
JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$WORK/cds-help.log" "$LAUNCHER" help >/dev/null 2>&1 \
  || fail "bufferdeck help exited non-zero with class loading logged"
grep -q 'dev.bufferdeck.Main source: shared objects file' "$WORK/cds-help.log" \
  || fail "the launcher did not load its classes from $JSA: $(grep -m1 'dev.bufferdeck.Main ' "$WORK/cds-help.log")"
say "class-data archive $JSA ($(du -k "$JSA" | cut -f1) KiB) is used: $(grep -c 'source: shared objects file' "$WORK/cds-help.log") of $(grep -c ' source: ' "$WORK/cds-help.log") classes of 'bufferdeck help' came from it"

# ---- the installed CLI -----------------------------------------------------------------------
# One second of a 440 Hz sine, 44.1 kHz 16-bit stereo (perl is in every Debian: perl-base).
WAV=$WORK/tone.wav
perl -e '
  my ($rate, $frames) = (44100, 44100);
  my $data = "";
  for my $i (0 .. $frames - 1) { my $s = int(12000 * sin(2 * 3.14159265 * 440 * $i / $rate)); $data .= pack("s<s<", $s, $s); }
  print "RIFF", pack("V", 36 + length $data), "WAVE", "fmt ", pack("VvvVVvv", 16, 1, 2, $rate, $rate * 4, 4, 16),
        "data", pack("V", length $data), $data;
' >"$WAV"

"$LAUNCHER" help >"$WORK/help.txt" 2>"$WORK/help.err" || { cat "$WORK/help.err" >&2; fail "bufferdeck help exited non-zero"; }
grep -q 'usage' "$WORK/help.txt" || fail "bufferdeck help printed no usage"
say "bufferdeck help works"
has_command() { grep -qE "^ +bufferdeck $1( |\$)" "$WORK/help.txt"; }

if has_command info; then
  "$LAUNCHER" info --json "$WAV" >"$WORK/info.json" 2>"$WORK/info.err" \
    || { cat "$WORK/info.err" >&2; fail "bufferdeck info --json exited non-zero"; }
  if command -v python3 >/dev/null 2>&1; then
    python3 -m json.tool "$WORK/info.json" >/dev/null || fail "bufferdeck info --json did not print JSON: $(head -c 300 "$WORK/info.json")"
  fi
  grep -q '44100' "$WORK/info.json" || fail "bufferdeck info --json does not report 44100 Hz: $(head -c 300 "$WORK/info.json")"
  grep -qi 'wav' "$WORK/info.json" || fail "bufferdeck info --json does not name the WAV format: $(head -c 300 "$WORK/info.json")"
  say "bufferdeck info --json: $(tr -d '\n' <"$WORK/info.json" | head -c 200)"
else
  skip "'bufferdeck info' is not in this build yet (not listed by bufferdeck help)"
fi

if has_command play; then
  OUT=$WORK/played.wav
  "$LAUNCHER" play --out "$OUT" "$WAV" >"$WORK/play.out" 2>"$WORK/play.err" \
    || { cat "$WORK/play.err" >&2; fail "bufferdeck play --out exited non-zero"; }
  [ "$(head -c 4 "$OUT" 2>/dev/null)" = RIFF ] || fail "bufferdeck play --out did not write a WAV file to $OUT"
  in_bytes=$(stat -c %s "$WAV")
  out_bytes=$(stat -c %s "$OUT")
  [ "$out_bytes" -ge $((in_bytes * 9 / 10)) ] || fail "bufferdeck play --out wrote $out_bytes bytes for a $in_bytes-byte input"
  say "bufferdeck play --out wrote $out_bytes bytes for a $in_bytes-byte input"
else
  skip "'bufferdeck play' is not in this build yet (not listed by bufferdeck help)"
fi

# ---- the installed GUI under Xvfb ------------------------------------------------------------
if ! command -v xvfb-run >/dev/null 2>&1 || ! command -v import >/dev/null 2>&1; then
  say "installing xvfb and imagemagick for the GUI check"
  apt_install xvfb xauth imagemagick
fi
say "starting the installed GUI under Xvfb"
# The app must survive its first 8 s; then the root window is captured every 2 s until a window
# shows (a loaded machine may need a while for the first frame), for at most 90 s.
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$3/cds-gui.log -Djavafx.verbose=true" "$1" "$2" >"$3/gui.log" 2>&1 &
  pid=$!
  alive() { kill -0 "$pid" 2>/dev/null; }
  for i in $(seq 1 16); do
    sleep 0.5
    if ! alive; then wait "$pid"; echo "exit status $? within 8 s" >>"$3/gui.log"; exit 3; fi
  done
  for i in $(seq 1 45); do
    import -window root "$4"
    [ "$(convert "$4" -format "%k" info:)" -gt 8 ] && break
    sleep 2
    if ! alive; then wait "$pid"; echo "exit status $? before a window showed" >>"$3/gui.log"; exit 3; fi
  done
  echo "window shown after about $((8 + 2 * (i - 1))) s" >"$3/gui-shown.txt"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
' _ "$LAUNCHER" "$WAV" "$WORK" "$SHOT" || { tail -40 "$WORK/gui.log" >&2; fail "the installed GUI died (log above)"; }
colours=$(convert "$SHOT" -format '%k' info:)
[ "$colours" -gt 8 ] || fail "the screenshot $SHOT has only $colours colours: no window was drawn within 90 s"
say "GUI kept running; $(cat "$WORK/gui-shown.txt"); screenshot $SHOT ($colours colours)"
grep -q 'dev.bufferdeck.ui.main.MainWindow source: shared objects file' "$WORK/cds-gui.log" \
  || fail "the GUI did not load its main window's classes from $JSA"
say "GUI start: $(grep -c 'source: shared objects file' "$WORK/cds-gui.log") of $(grep -c ' source: ' "$WORK/cds-gui.log") classes came from the class-data archive"
# JavaFX's native libraries ship beside the jar (lib/app): loaded from there, never copied into ~/.openjfx/cache
for lib in libglass.so libglassgtk3.so libprism_sw.so libjavafx_font.so; do
  grep -q "Loaded $APPDIR/\./$lib from relative path" "$WORK/gui.log" \
    || fail "the GUI did not load $lib from $APPDIR: $(grep -m1 "$lib" "$WORK/gui.log")"
done
say "GUI start: JavaFX loaded $(grep -c 'from relative path' "$WORK/gui.log") native libraries from $APPDIR"

if grep -qiE 'exception|error' "$WORK/gui.log"; then say "note: the GUI log mentions errors:"; grep -iE 'exception|error' "$WORK/gui.log" | head -5; fi

# ---- remove ----------------------------------------------------------------------------------
say "removing the package (dpkg -r, then purge)"
dpkg -r bufferdeck >"$WORK/remove.log" 2>&1 || { cat "$WORK/remove.log" >&2; fail "dpkg -r bufferdeck"; }
apt-get purge -y bufferdeck >>"$WORK/remove.log" 2>&1 || { cat "$WORK/remove.log" >&2; fail "apt-get purge bufferdeck"; }
if [ -e "$PREFIX" ]; then find "$PREFIX" | head -20 >&2; fail "$PREFIX is still there after purge"; fi
[ ! -e /usr/bin/bufferdeck ] && [ ! -L /usr/bin/bufferdeck ] || fail "/usr/bin/bufferdeck is still there after purge"
[ ! -e "$DESKTOP" ] || fail "$DESKTOP is still there after purge"
! dpkg -s bufferdeck >/dev/null 2>&1 || fail "dpkg still knows bufferdeck after purge"
say "purged: nothing left in $PREFIX, no launcher link, no desktop entry"
say "all checks passed"
