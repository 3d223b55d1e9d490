#!/usr/bin/env bash
# CG rendering speed per scene family at 224 px on 2 threads, in memory (SynthBenchmark), with the load average
# before and after (the machine is shared: other load lowers the wall figure). Prints numbers, asserts nothing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && mvn -B -q -o test-compile -pl gaikan-core >&2)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx2g -cp "$root/gaikan-core/target/classes:$root/gaikan-core/target/test-classes" io.gaikan.synth.SynthBenchmark \
    "${SIZE:-224}" "${THREADS:-2}" "${IMAGES:-2000}" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
