#!/usr/bin/env bash
# Gaikan against PyTorch eager on this machine, in one run: training images/s (forward + backward + SGD step) and
# inference images/s of resnet18, resnet50, mobilenetv2_100 and efficientnet_b0 at 224 px, batch 32, 2 threads,
# in alternating runs (Gaikan, PyTorch, Gaikan, PyTorch, ... per model), then the end-to-end throughput of
# `gaikan train` (decoding + augmentation + step) on generated images against the raw step rate.
#
#   bash bench/run-vs-pytorch.sh            # ROUNDS=3 by default; ~25 min on an idle 2-core machine
#   ROUNDS=1 MODELS=resnet18 bash bench/run-vs-pytorch.sh      # a quick look
#
# Installs Debian's python3-torch and python3-torchvision with apt-get when missing (root or sudo needed once).
# Results go to bench/results/<timestamp>/ (raw RESULT lines with the load average at each run, and table.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bin/engine-env.sh   # the engine settings bin/gaikan uses

ROUNDS=${ROUNDS:-3}
MODELS=${MODELS:-resnet18,resnet50,mobilenetv2_100,efficientnet_b0}
BATCH=${BATCH:-32}
SIZE=${SIZE:-224}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-1}
ITERS=${ITERS:-3}
E2E_IMAGES=${E2E_IMAGES:-192}
PY=/usr/bin/python3   # Debian's interpreter, where python3-torch lives (a pyenv/venv python3 would not see it)
out="$root/bench/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
raw="$out/raw.txt"
log="$out/log.txt"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg), OMP_WAIT_POLICY=$OMP_WAIT_POLICY, THP_MEM_ALLOC_ENABLE=$THP_MEM_ALLOC_ENABLE, THP $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)" | tee "$log"

# --- PyTorch from Debian ------------------------------------------------------------------------------------------
if ! "$PY" -c 'import torch, torchvision' 2>/dev/null; then
  echo "== installing python3-torch and python3-torchvision (apt-get)" | tee -a "$log"
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3-torch python3-torchvision >>"$log" 2>&1
fi

# --- Gaikan: compiled classes and the test classpath (the benchmark main is in test scope) -------------------------
echo "== building Gaikan (mvn, tests skipped)" | tee -a "$log"
mvn_build() { mvn -B -q "$@" -pl gaikan-core,gaikan-cli -DskipTests package >>"$log" 2>&1 &&
              mvn -B -q "$@" -pl gaikan-core test-compile dependency:build-classpath \
                  -Dmdep.outputFile="$out/classpath.txt" >>"$log" 2>&1; }
mvn_build -o || mvn_build
cp="gaikan-core/target/classes:gaikan-core/target/test-classes:$(cat "$out/classpath.txt")"
jvm=(java -Xmx8g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$THREADS" -Dai.djl.pytorch.num_interop_threads=1)
cli=("${jvm[@]}" -cp "gaikan-cli/target/gaikan-cli-0.1.0-SNAPSHOT.jar:gaikan-cli/target/lib/*" io.gaikan.cli.Main)

load() { cut -d' ' -f1 /proc/loadavg; }
# "pytorch": PyTorch as its users run it (with the OMP_WAIT_POLICY above, which both engines read).
# "pytorch-tuned": with Gaikan's memory settings from bin/engine-env.sh; PyTorch 1.13 predates THP_MEM_ALLOC_ENABLE,
# so glibc gives it the huge pages (PYTORCH_TUNED=0 skips this variant).
pytorch_variants=(pytorch)
[[ ${PYTORCH_TUNED:-1} == 1 ]] && pytorch_variants+=(pytorch-tuned)
pytorch_env() {
  if [[ $1 == pytorch-tuned ]]; then echo GLIBC_TUNABLES=glibc.malloc.hugetlb=1
  else echo -u MALLOC_ARENA_MAX -u MALLOC_MMAP_MAX_ -u MALLOC_TRIM_THRESHOLD_ -u THP_MEM_ALLOC_ENABLE; fi
}
common=(--batch "$BATCH" --size "$SIZE" --warmup "$WARMUP" --iters "$ITERS")

# --- step rates, alternating --------------------------------------------------------------------------------------
for model in ${MODELS//,/ }; do
  for round in $(seq 1 "$ROUNDS"); do
    echo "== $model round $round/$ROUNDS: gaikan (load $(load))" | tee -a "$log"
    l=$(load)
    "${jvm[@]}" -cp "$cp" io.gaikan.train.StepBenchmark --models "$model" "${common[@]}" 2>>"$log" |
      tee -a "$log" | grep '^RESULT' | sed "s/\$/ round=$round load=$l/" >>"$raw"
    for variant in "${pytorch_variants[@]}"; do
      echo "== $model round $round/$ROUNDS: $variant (load $(load))" | tee -a "$log"
      l=$(load)
      env $(pytorch_env "$variant") "$PY" bench/pytorch_bench.py --label "$variant" --models "$model" \
          --threads "$THREADS" "${common[@]}" 2>>"$log" |
        tee -a "$log" | grep '^RESULT' | sed "s/\$/ round=$round load=$l/" >>"$raw"
    done
  done
done

# --- end to end: gaikan train on generated 224 px images ----------------------------------------------------------
echo "== end to end: rendering $E2E_IMAGES images and training resnet18 for 2 epochs" | tee -a "$log"
data="$out/e2e-data"
"${cli[@]}" synth --count "$E2E_IMAGES" --size "$SIZE" --out "$data" --seed 1 >>"$log" 2>&1
for round in $(seq 1 "$ROUNDS"); do
  l=$(load)
  "${cli[@]}" train --data "$data" --model resnet18 --size "$SIZE" --batch-size "$BATCH" --epochs 2 --val 0 --test 0 \
      --threads "$THREADS" --out "$out/e2e-run-$round" 2>>"$log" | tee -a "$log" |
    sed -n 's/^epoch \([0-9]*\)\/2 .*(\([0-9.]*\)s, \([0-9.]*\) img\/s, data wait \([0-9]*\)%).*/E2E gaikan-train epoch\1 \3 wait=\4 seconds=\2/p' |
    sed "s/\$/ round=$round load=$l/" >>"$raw"
done

echo "== done at load $(load)" | tee -a "$log"
"$PY" bench/table.py "$raw" "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date +%Y-%m-%d), OMP_WAIT_POLICY=$OMP_WAIT_POLICY, THP_MEM_ALLOC_ENABLE=$THP_MEM_ALLOC_ENABLE" |
  tee "$out/table.md"
echo "(raw numbers: $raw)"
