#!/bin/sh
# Desktop client benchmark: 50 services x 20 real servers, every figure changing every second.
# Counts frames the render thread actually painted (PerformanceTracker's frameRendered callback),
# not pulses; prints start to first frame, fps idle and live, FX-thread cost per update, heap after GC.
#
# Usage: benchmarks/scripts/desktop.sh [live seconds, default 150]
#   BENCH_MODE=xvfb     (default) a real X server (Xvfb), GTK glass, JavaFX's default pipeline choice
#   BENCH_MODE=monocle  headless Monocle, software pipeline, whole-window repaints (worst case)
#   BENCH_MODE=display  the current $DISPLAY
#   BENCH_JAVA_OPTS     extra JVM options (e.g. -Dprism.order=sw, -Dprism.dirtyopts=false)
#   BENCH_CDS=1         run from the packaged jars with a class-data-sharing archive, as the `ballast`
#                       launcher does (a short training run makes the archive when the jars changed)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
seconds=${1:-150}
mode=${BENCH_MODE:-xvfb}
mvn -B -o -q -pl app -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$root/app/target/bench.classpath" >/dev/null
cp="$root/app/target/test-classes:$root/app/target/classes:$root/shared-model/target/classes:$(cat "$root/app/target/bench.classpath")"
opts="-Xmx1g ${BENCH_JAVA_OPTS:-}"
if [ -n "${BENCH_CDS:-}" ]; then
    # class-data sharing needs jars: the app's (with lib/ on its manifest class path) and one of the test classes
    mvn -B -o -q -pl app -am package -DskipTests >/dev/null
    tests_jar="$root/app/target/bench-tests.jar"
    if [ ! -f "$tests_jar" ] || [ -n "$(find "$root/app/target/test-classes" -newer "$tests_jar" -type f -print -quit)" ]; then
        jar cf "$tests_jar" -C "$root/app/target/test-classes" .
    fi
    cp="$tests_jar:$root/app/target/ballast-app.jar"
    archive="$root/app/target/bench.jsa"
    if [ ! -f "$archive" ] || [ "$archive" -ot "$tests_jar" ] || [ "$archive" -ot "$root/app/target/ballast-app.jar" ]; then
        rm -f "$archive"
        echo "desktop.sh: training run for the class-data-sharing archive" >&2
        # shellcheck disable=SC2086
        xvfb-run -a -s "-screen 0 1920x1200x24" java $opts -XX:ArchiveClassesAtExit="$archive" '-Xlog:cds*=off' -cp "$cp" \
            -Dbench.seconds=0 -Dbench.idleSeconds=1 io.ballast.app.bench.DesktopBenchmark >/dev/null
    fi
    opts="$opts -XX:SharedArchiveFile=$archive"
fi
case "$mode" in
    monocle)
        # dirtyopts=false: every frame repaints the whole window, the worst case, not just what changed
        # shellcheck disable=SC2086
        exec java $opts -cp "$cp" -Dprism.dirtyopts=false -Dglass.platform=Monocle -Dmonocle.platform=Headless \
            -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true -Dheadless.geometry=1920x1200-32 \
            -Dbench.seconds="$seconds" io.ballast.app.bench.DesktopBenchmark ;;
    xvfb)
        command -v xvfb-run >/dev/null 2>&1 || { echo "desktop.sh: xvfb-run is missing (apt-get install xvfb)" >&2; exit 1; }
        # shellcheck disable=SC2086
        exec xvfb-run -a -s "-screen 0 1920x1200x24" \
            java $opts -cp "$cp" -Dbench.seconds="$seconds" io.ballast.app.bench.DesktopBenchmark ;;
    display)
        # shellcheck disable=SC2086
        exec java $opts -cp "$cp" -Dbench.seconds="$seconds" io.ballast.app.bench.DesktopBenchmark ;;
    *)
        echo "desktop.sh: BENCH_MODE must be xvfb, monocle or display, not '$mode'" >&2; exit 2 ;;
esac
