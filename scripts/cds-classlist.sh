#!/usr/bin/env bash
# Class-data sharing for the installed app, step 1 of 2 (run by `mvn -Pinstaller package` on the
# jpackage app image): starts the image's own launcher once, as a user's first start would, with
# -XX:DumpLoadedClassList, and writes the classes it loaded until its window was filled to
# IMAGE/lib/app/bufferdeck.classlist. The app quits by itself once the window is filled
# (-Dbufferdeck.exitWhenFilled=true).
# Step 2 is the package's postinst: it dumps /opt/bufferdeck/lib/app/bufferdeck.jsa from that list
# with the installed runtime (-Xshare:dump). JDK 17 only uses an archive whose class path names the
# same jar file it was dumped with, so the archive cannot be made here, in target/, for /opt.
# The launcher starts with -XX:SharedArchiveFile=$APPDIR/bufferdeck.jsa -Xshare:auto, so a missing
# archive only means a slower start.
# Needs a display: xvfb-run when it is installed, else $DISPLAY; with neither, no list is written
# (the package still works, without the archive) and this says so.
#   scripts/cds-classlist.sh target/installer/bufferdeck
set -euo pipefail

IMAGE=${1:?usage: cds-classlist.sh APP_IMAGE_DIR}
LAUNCHER=$IMAGE/bin/bufferdeck
APP=$IMAGE/lib/app
LIST=$APP/bufferdeck.classlist
CFG=$APP/bufferdeck.cfg
[ -x "$LAUNCHER" ] && [ -f "$CFG" ] || { echo "cds-classlist: no jpackage app image at $IMAGE" >&2; exit 2; }

say() { printf '[cds-classlist] %s\n' "$*"; }
rm -f "$LIST"
# The training run's own session folder, so that it neither reads nor writes the user's.
SESSION=$(cd "$(dirname "$IMAGE")" && pwd)/cds-training-config
rm -rf "$SESSION"
mkdir -p "$SESSION"
trap 'rm -rf "$SESSION"' EXIT

# The launcher reads its JVM options from the image's cfg; the training options are added there for
# this run only (JAVA_TOOL_OPTIONS would be applied before the launcher's own options and is printed).
cp "$CFG" "$CFG.orig"
restore() { mv -f "$CFG.orig" "$CFG"; rm -rf "$SESSION"; }
trap restore EXIT
cat >>"$CFG" <<EOF
java-options=-XX:DumpLoadedClassList=$LIST
java-options=-Dbufferdeck.exitWhenFilled=true
java-options=-Dbufferdeck.config.dir=$SESSION
java-options=-Dbufferdeck.output=memory
EOF

# Without the desktop's single-instance socket and session bus: a window already open must not get
# this run's start, and the run must not appear in the user's media controls.
run() { env -u XDG_RUNTIME_DIR -u DBUS_SESSION_BUS_ADDRESS timeout 180 "$@"; }
if command -v xvfb-run >/dev/null 2>&1; then
  say "training run under Xvfb"
  run xvfb-run -a -s "-screen 0 1280x800x24" "$LAUNCHER" >"$SESSION.log" 2>&1 || status=$?
elif [ -n "${DISPLAY:-}" ]; then
  say "training run on \$DISPLAY $DISPLAY (a window shows for a moment)"
  run "$LAUNCHER" >"$SESSION.log" 2>&1 || status=$?
else
  say "SKIPPED: neither xvfb-run nor a display; the package will start without a class-data archive"
  exit 0
fi
if [ "${status:-0}" != 0 ] || [ ! -s "$LIST" ]; then
  cat "$SESSION.log" >&2
  rm -f "$SESSION.log" "$LIST"
  echo "cds-classlist: the training run failed (status ${status:-0})" >&2
  exit 1
fi
rm -f "$SESSION.log"
grep -qE '^dev/bufferdeck/ui/main/MainWindow( |$)' "$LIST" || { echo "cds-classlist: $LIST lacks the main window's classes" >&2; exit 1; }
say "$(grep -vc '^@' "$LIST") classes listed in $LIST"
