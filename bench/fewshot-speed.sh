#!/usr/bin/env bash
# Wall time of a 1-image-per-class `--method auto` run (issue 14: under 30 s on 2 cores at 224 px) on x-sdd, split
# --val 0.1 --test 0.3 --split-seed 0 (7 training, 134 validation, 405 test images), with and without --tta and
# --transductive, each against the README recipe's fine-tuning run on the same images, timed in the same script.
# The times include the JVM's start and the ImageNet weights' loading: what a user waits for. Needs ../shared.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
out="${OUT:-/tmp/gaikan-fewshot-speed}"
mkdir -p "$out"
export GAIKAN_WEIGHTS="$shared/weights"
"$root/bin/gaikan" models >/dev/null   # builds first if needed, outside the timings
common=(--data "$shared/datasets/x-sdd" --val 0.1 --test 0.3 --split-seed 0 --shots 1 --model mobilenetv2_100
        --init imagenet --size 224 --quiet --overwrite)
run() {
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  "$root/bin/gaikan" train "${common[@]}" --out "$out/$name" "$@" | grep -E "^test main" | sed "s/^/$name: /"
  end=$(date +%s.%N)
  printf '%s: wall %.1f s\n' "$name" "$(echo "$end - $start" | bc)"
}
run auto --method auto --tta=false
run auto-tta --method auto
run auto-tta-transductive --method auto --transductive
run recipe --mode finetune --freeze-bn --lr 1e-4 --epochs 16
