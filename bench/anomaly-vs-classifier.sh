#!/usr/bin/env bash
# casting-product, official test split (651 images): PatchCore fitted on 200 OK images (no defect image) against the
# README's few-shot classifier recipe (ImageNet MobileNetV2 fine-tuned with frozen BatchNorm, lr 1e-4, 16 epochs)
# trained on N OK + N defect images, N = 1, 5, 20; all at 224 px, validation = 100 other images per class of the
# official training part. SEEDS (default "0") draws the training images (and seeds training). Prints a Markdown table.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
out="${OUT:-/tmp/gaikan-anomaly-vs-classifier}"
seeds="${SEEDS:-0}"
data="$shared/datasets/casting-product"
export GAIKAN_WEIGHTS="$shared/weights"
mkdir -p "$out"
common=(--data "$data" --normal-classes ok_front --model mobilenetv2_100 --init imagenet --size 224 --quiet)
for seed in $seeds; do
  python3 "$root/bench/casting-official-split.py" "$data" "$out/split-ad-$seed.csv" --seed "$seed" >&2
  [[ -f "$out/patchcore-$seed/metrics.json" ]] || "$root/bin/gaikan" train "${common[@]}" --split "$out/split-ad-$seed.csv" \
      --method patchcore --coreset-ratio 0.05 --seed "$seed" --out "$out/patchcore-$seed" >&2
  for n in 1 5 20; do
    python3 "$root/bench/casting-official-split.py" "$data" "$out/split-$n-$seed.csv" --train-ok "$n" --train-def "$n" \
        --seed "$seed" >&2
    [[ -f "$out/classifier-$n-$seed/metrics.json" ]] || "$root/bin/gaikan" train "${common[@]}" \
        --split "$out/split-$n-$seed.csv" --mode finetune --freeze-bn --lr 1e-4 --epochs 16 --batch-size 16 --seed "$seed" \
        --out "$out/classifier-$n-$seed" >&2
  done
done
python3 - "$out" "$seeds" <<'PY'
import json, statistics, sys
out, seeds = sys.argv[1], sys.argv[2].split()
def row(name, runs):
    ms = [json.load(open(f"{out}/{r}/metrics.json")) for r in runs]
    def cell(key, scale=100, digits=2):
        v = [m[key] * scale for m in ms if m.get(key) is not None]
        if not v: return "-"
        return f"{statistics.mean(v):.{digits}f}" + (f" ± {statistics.stdev(v):.{digits}f}" if len(v) > 1 else "")
    print(f"| {name} | {cell('accuracy')} | {cell('miss_rate')} | {cell('over_detection_rate')} | {cell('image_auroc', 1, 4) if 'image_auroc' in ms[0] else '-'} |")
print("| method (defect images used) | accuracy % | miss rate % | over-detection % | image AUROC |")
print("|---|---:|---:|---:|---:|")
row("PatchCore, 200 OK images (0)", [f"patchcore-{s}" for s in seeds])
for n in (1, 5, 20):
    row(f"classifier, {n} OK + {n} defect ({n})", [f"classifier-{n}-{s}" for s in seeds])
PY
