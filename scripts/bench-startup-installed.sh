#!/bin/sh
# Start -> first window and -> filled window of the installer's app image (its jlinked runtime and
# jar, as the .deb installs them) on a real GTK window under Xvfb, without and with the class-data
# archive that the package's postinst dumps, and as its launcher starts it (the cfg's options), each
# against a bare JavaFX hello stage on this JDK (with the JDK's own default archive) in the same run.
# Prints figures; asserts nothing.
# Needs: mvn -B -Pinstaller package -DskipTests first; xvfb-run and libgtk-3-0.
# Usage: scripts/bench-startup-installed.sh [RUNS]     (runs per kind, default 5)
set -e
cd "$(dirname "$0")/.."
IMAGE=$PWD/target/installer/bufferdeck
APP=$IMAGE/lib/app
[ -f "$APP/bufferdeck.classlist" ] || { echo "no $APP/bufferdeck.classlist: run mvn -B -Pinstaller package -DskipTests" >&2; exit 2; }
mvn -B -q test-compile
# The archive as postinst makes it, but for the jar where it is here (JDK 17 checks the jar's path).
JSA=$PWD/target/installer/bench-cds/bufferdeck.jsa
mkdir -p "$(dirname "$JSA")"
rm -f "$JSA"
"$IMAGE/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$APP/bufferdeck.classlist" \
  -XX:SharedArchiveFile="$JSA" -cp "$APP/bufferdeck.jar" >"$JSA.log" 2>&1 || { cat "$JSA.log" >&2; exit 1; }
CP="$APP/bufferdeck.jar:$PWD/target/test-classes"
# the launcher's own options, but for the archive's path (above) and the version property
LAUNCHER_OPTIONS=$(sed -n 's/^java-options=//p' "$APP/bufferdeck.cfg" | grep -v -e '^-XX:SharedArchiveFile=' -e '^-Djpackage' | tr '\n' ' ')
RUNTIME="-Dbench.display=gtk -Dbench.appJava=$IMAGE/lib/runtime/bin/java"
xvfb-run -a -s "-screen 0 1280x800x24" sh -c "
  echo '== installed app, no class-data archive'
  java $RUNTIME -cp '$CP' dev.bufferdeck.bench.StartupBench ${1:-5}
  echo '== installed app with its class-data archive only (-XX:SharedArchiveFile)'
  java $RUNTIME '-Dbench.appJvm=-XX:SharedArchiveFile=$JSA -Xshare:auto' -cp '$CP' dev.bufferdeck.bench.StartupBench ${1:-5}
  echo '== installed app as the launcher starts it (every java-options line of its cfg, the archive here)'
  java $RUNTIME '-Dbench.appJvm=-XX:SharedArchiveFile=$JSA $LAUNCHER_OPTIONS' -cp '$CP' dev.bufferdeck.bench.StartupBench ${1:-5}
"
