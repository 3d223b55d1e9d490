#!/usr/bin/env bash
# Native memory over a long small run: `gaikan train` for EPOCHS epochs on generated 32 px images, the resident set
# size (VmRSS) of the JVM sampled every 2 s and reported at the end of each epoch. The Java heap is fixed and touched
# up front (-Xms = -Xmx, AlwaysPreTouch), so RSS growth is native memory. Flat = no NDArray leak.
#   bash bench/memory-soak.sh            # ~25 epochs, a few minutes on an idle 2-core machine
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bin/engine-env.sh   # the engine settings bin/gaikan uses
EPOCHS=${EPOCHS:-25}
OPTIMIZER=${OPTIMIZER:-sgd}
out="$root/bench/results/soak-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
(mvn -B -q -o -pl gaikan-core,gaikan-cli -DskipTests package || mvn -B -q -pl gaikan-core,gaikan-cli -DskipTests package) >"$out/build.log" 2>&1
cli=(java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -Dai.djl.offline=true -cp "gaikan-cli/target/gaikan-cli-0.1.0-SNAPSHOT.jar:gaikan-cli/target/lib/*" io.gaikan.cli.Main)
"${cli[@]}" synth --count 80 --size 32 --out "$out/data" --seed 3 >/dev/null
"${cli[@]}" train --data "$out/data" --model resnet18 --size 32 --batch-size 16 --epochs "$EPOCHS" --val 0.2 --test 0 \
    --optimizer "$OPTIMIZER" --weight-decay 0.01 --augment randaug --out "$out/run" >"$out/train.log" 2>&1 &
pid=$!
echo "epoch rss_mb" >"$out/rss.txt"
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || true)
  done_epochs=$(grep -c '^epoch [0-9]*/' "$out/train.log" || true)
  [[ -n "$rss" ]] && echo "$done_epochs $rss" >>"$out/samples.txt"
  sleep 2
done
wait "$pid"
# the last sample taken while each epoch count was current = RSS at the end of that epoch
awk 'NR > 0 {last[$1] = $2} END {for (e in last) print e, last[e]}' "$out/samples.txt" | sort -n >>"$out/rss.txt"
cat "$out/rss.txt"
echo "(samples: $out/samples.txt, training log: $out/train.log)"
