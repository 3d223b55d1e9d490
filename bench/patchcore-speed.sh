#!/usr/bin/env bash
# PatchCore speed on casting-product (official test split): fits on 200 OK images at 224 px with the ImageNet
# MobileNetV2 at coreset ratios 1 % and 5 % (wall time of each fit, from `time`), then scores single images
# (PatchCoreBenchmark: median and p90 per image). Needs ../shared; prints numbers, asserts nothing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
out="${OUT:-/tmp/gaikan-patchcore-speed}"
mkdir -p "$out"
export GAIKAN_WEIGHTS="$shared/weights"
python3 "$root/bench/casting-official-split.py" "$shared/datasets/casting-product" "$out/split.csv"
(cd "$root" && mvn -B -q -o test-compile -pl gaikan-core >&2)
"$root/bin/gaikan" models >/dev/null
cp="$root/gaikan-core/target/test-classes:$root/gaikan-core/target/classes:$root/gaikan-cli/target/lib/*"
source "$root/bin/engine-env.sh"
images=( "$shared"/datasets/casting-product/def_front/test_* )
images=( "${images[@]:0:5}" )
for ratio in 0.01 0.05; do
  rm -rf "$out/run-$ratio"
  start=$(date +%s.%N)
  "$root/bin/gaikan" train --data "$shared/datasets/casting-product" --split "$out/split.csv" --normal-classes ok_front \
      --method patchcore --model mobilenetv2_100 --init imagenet --size 224 --coreset-ratio "$ratio" --quiet \
      --out "$out/run-$ratio" | grep -E "AUROC|bank|test main"
  end=$(date +%s.%N)
  echo "coreset $ratio: fit + validation + test (651 images) wall $(echo "$end - $start" | bc) s"
  java -Xmx4g -Dai.djl.offline=true -cp "$cp" io.gaikan.anomaly.PatchCoreBenchmark "$out/run-$ratio" 10 "${images[@]}" 2>/dev/null
done
