#!/bin/sh
# Runs the GUI benchmarks (they print figures; they assert nothing), all on JavaFX's headless
# Monocle platform so that they need no display:
#   start -> first window vs a bare JavaFX hello stage; the hex view on a 1 GiB buffer;
#   FX pulse gaps while a 500 MiB URL loads and while a 1,000-entry playlist is imported.
# Usage: scripts/bench-gui.sh [RUNS]      (startup runs per kind, default 5)
set -e
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
HEADLESS="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dbufferdeck.output=memory"
java -cp "$CP" dev.bufferdeck.bench.StartupBench "${1:-5}"
java -Xmx4g $HEADLESS -cp "$CP" dev.bufferdeck.bench.HexViewBench 1024
java -Xmx4g $HEADLESS -cp "$CP" dev.bufferdeck.bench.PulseGapBench 500
