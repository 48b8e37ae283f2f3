#!/bin/sh
# Desktop client benchmark: 50 services x 20 real servers, every figure changing every second.
# Headless (Monocle, software rendering) unless BENCH_DISPLAY=1: numbers are indicative only.
# Usage: benchmarks/scripts/desktop.sh [live seconds, default 150]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
seconds=${1:-150}
mvn -B -o -q -pl app -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$root/app/target/bench.classpath" >/dev/null
cp="$root/app/target/test-classes:$root/app/target/classes:$root/shared-model/target/classes:$(cat "$root/app/target/bench.classpath")"
# dirtyopts=false: every frame repaints the whole window, the worst case, not just what changed
headless="-Dprism.dirtyopts=false -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true -Dheadless.geometry=1920x1200-32"
if [ "${BENCH_DISPLAY:-0}" = "1" ]; then
    headless=""
fi
# shellcheck disable=SC2086
exec java -Xmx1g -cp "$cp" $headless -Dbench.seconds="$seconds" io.ballast.app.bench.DesktopBenchmark
