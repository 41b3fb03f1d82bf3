#!/bin/sh
# Moving the hex view's playback mark (issue 14): HexMarkBench on the classes of BEFORE (default
# 0fcb796, main before the mark had its own layer: setMark redrew every row) and on this checkout's
# (after), in turns, under Monocle headless with the
# software renderer. Prints CPU ms per move above an idle pulse, FX and render threads.
# Usage: scripts/bench-hex-mark.sh [TURNS]   (default 2)
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
DEPS="$(cat target/bench-classpath.txt)"
MAIN=target/bench-before
rm -rf "$MAIN" && mkdir -p "$MAIN/classes"
git archive "${BEFORE:-0fcb796}" src/main | tar -x -C "$MAIN"
find "$MAIN/src/main/java" -name '*.java' > "$MAIN/files.txt"
javac -nowarn -d "$MAIN/classes" -cp "$DEPS" @"$MAIN/files.txt"
cp -r "$MAIN/src/main/resources/." "$MAIN/classes/"
HEADLESS="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dbufferdeck.output=memory"
for i in $(seq "${1:-2}"); do
    for side in before:"$MAIN/classes" this:target/classes; do
        echo "== ${side%%:*} ($(uptime | sed 's/.*load/load/'))"
        java $HEADLESS -cp "${side#*:}:target/test-classes:$DEPS" dev.bufferdeck.bench.HexMarkBench 300 2 2>&1 | grep -v 'WARN\|PlatformImpl'
    done
done
