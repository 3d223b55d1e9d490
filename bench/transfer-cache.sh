#!/usr/bin/env bash
# Transfer-learning epochs with and without the feature cache: `gaikan train --mode transfer` on generated 224 px
# images, once running the frozen backbone every epoch and once with --cache-views 0, then the epoch times from each
# run's history.csv side by side (the cache is built before the first epoch; its time is printed separately).
#   bash bench/transfer-cache.sh         # a few minutes on an idle 2-core machine
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bin/engine-env.sh   # the engine settings bin/gaikan uses
MODEL=${MODEL:-resnet18}
IMAGES=${IMAGES:-200}
EPOCHS=${EPOCHS:-4}
out="$root/bench/results/transfer-cache-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
(mvn -B -q -o -pl gaikan-core,gaikan-cli -DskipTests package || mvn -B -q -pl gaikan-core,gaikan-cli -DskipTests package) >"$out/build.log" 2>&1
cli=(java -Xmx4g -Dai.djl.offline=true -cp "gaikan-cli/target/gaikan-cli-0.1.0-SNAPSHOT.jar:gaikan-cli/target/lib/*" io.gaikan.cli.Main)
"${cli[@]}" synth --count "$IMAGES" --size 224 --out "$out/data" --seed 5 >/dev/null
common=(--data "$out/data" --model "$MODEL" --size 224 --mode transfer --epochs "$EPOCHS" --val 0.2 --test 0 --augment none)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"${cli[@]}" train "${common[@]}" --out "$out/plain" >"$out/plain.log" 2>&1
echo "load between: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
"${cli[@]}" train "${common[@]}" --cache-views 0 --out "$out/cached" >"$out/cached.log" 2>&1
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -h "caching features: done" "$out/cached.log" || true
echo "epoch  uncached_s  cached_s  speed-up   (val acc uncached / cached)"
paste -d, <(tail -n +2 "$out/plain/history.csv") <(tail -n +2 "$out/cached/history.csv") |
  awk -F, '{printf "%5d  %10.3f  %8.4f  %7.0fx   (%.3f / %.3f)\n", $1, $8, $16, $8 / $16, $6, $14}'
