#!/usr/bin/env bash
# Class-data sharing: writes the class list checked in as src/main/cds/bufferdeck.classlist, the one
# list both archives are dumped from (-Xshare:dump, which needs no display): `mvn package` dumps
# target/bufferdeck-KEY.jsa beside the jar for this jar build and JDK (dev.bufferdeck.ClassDataDump),
# which `java -jar` maps from its first start on; the installer copies the list into the app image and
# its postinst dumps /opt/bufferdeck/lib/app/bufferdeck.jsa with the installed runtime.
# The list is made by starting target/bufferdeck.jar once under Xvfb as java -jar's window JVM runs
# (-Dbufferdeck.relaunched=true) with -XX:DumpLoadedClassList, as a first start (the demo clip loads);
# the app quits by itself 2 s after its idle warm-up has ended (-Dbufferdeck.exitWhenWarm=true), so
# that the window's first seconds map their classes from the archive too, not only its start (until
# December 2026 it quit once filled, and the demo clip's facts, read meanwhile, loaded 31 classes from the
# jar). Run it again when the start loads other classes, then
# `mvn package`. A stale list still works: classes it lacks load from the jar as without an archive, and
# classes or lambdas it names that are gone are skipped by the dump.
# Needs: mvn -B package -DskipTests first, xvfb-run; dbus-run-session when installed (the media keys'
# classes, as on a desktop).
#   scripts/cds-classlist.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/target/bufferdeck.jar
LIST=src/main/cds/bufferdeck.classlist
[ -f "$JAR" ] || { echo "cds-classlist: no $JAR: run mvn -B package -DskipTests" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "cds-classlist: needs xvfb-run (apt-get install xvfb)" >&2; exit 2; }
say() { printf '[cds-classlist] %s\n' "$*"; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# its own session folder and runtime folder (the single-instance socket): it neither reads the user's
# session nor hands its start to a window already open
mkdir -m 700 "$WORK/config" "$WORK/runtime"
BUS=()
command -v dbus-run-session >/dev/null && BUS=(dbus-run-session --)
env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$WORK/runtime" timeout 180 \
  xvfb-run -a -s "-screen 0 1280x800x24" "${BUS[@]}" \
  java -XX:DumpLoadedClassList="$WORK/list" -Dbufferdeck.relaunched=true -Dbufferdeck.exitWhenWarm=true \
  -Dbufferdeck.config.dir="$WORK/config" -jar "$JAR" >"$WORK/log" 2>&1 \
  || { cat "$WORK/log" >&2; echo "cds-classlist: the training run failed" >&2; exit 1; }
grep -q 'bufferdeck: window warmed' "$WORK/log" \
  || { cat "$WORK/log" >&2; echo "cds-classlist: the training run ended before its warm-up did" >&2; exit 1; }
grep -qE '^dev/bufferdeck/ui/main/MainWindow$' "$WORK/list" \
  || { cat "$WORK/log" >&2; echo "cds-classlist: the list lacks the main window's classes" >&2; exit 1; }
mkdir -p "$(dirname "$LIST")"
{
  echo "# Classes loaded by java -jar target/bufferdeck.jar, a first start under Xvfb, until 2 s after its warm-up:"
  echo "# made by scripts/cds-classlist.sh on $(java -version 2>&1 | head -1 | tr -d '"'); remake it with that script."
  # not the dynamic proxies: they are made at run time, never found in the jar (the dump warns)
  grep -v -e '^#' -e '\$Proxy[0-9]*$' "$WORK/list"
} >"$LIST"
say "$(grep -vc '^[#@]' "$LIST") classes and $(grep -c '^@' "$LIST") lambda and method-handle lines in $LIST"
