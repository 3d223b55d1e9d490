#!/usr/bin/env bash
# Load benchmark of `gaikan serve` on loopback (a script, not a test; asserts nothing). For each model it renders 64
# CG images at 224 px, trains a throw-away run for one epoch (serving speed does not depend on the weights), starts
# the server on a free port, and runs bench/serve-load.py: CLIENTS concurrent clients, REQUESTS single-image requests
# (bounded by MAX_SECONDS), throughput, p50/p99 latency, errors, server RSS before and after.
# Usage: bench/serve-load.sh [model ...]   (default: resnet18 mobilenetv2_100); env CLIENTS, REQUESTS, MAX_SECONDS,
# HEAP (the server's -Xmx, default 2g).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT:-/tmp/gaikan-serve-load}"
clients="${CLIENTS:-8}"
requests="${REQUESTS:-10000}"
max_seconds="${MAX_SECONDS:-900}"
models=( "$@" )
[[ ${#models[@]} -gt 0 ]] || models=( resnet18 mobilenetv2_100 )
mkdir -p "$out"
gaikan="$root/bin/gaikan"
[[ -d "$out/cg" ]] || "$gaikan" synth --count 64 --size 224 --seed 9 --out "$out/cg" >/dev/null
images=( "$out"/cg/ok/*.png "$out"/cg/ng/*.png )
echo "$(date -u +%FT%TZ) $(nproc) cores; $clients clients, $requests requests (at most $max_seconds s), 224 px PNGs of $(du -ch "${images[@]}" | tail -1 | cut -f1)"
for model in "${models[@]}"; do
  run="$out/run-$model"
  [[ -f "$run/model.safetensors" ]] || "$gaikan" train --data "$out/cg" --normal-classes ok --model "$model" --size 224 \
      --epochs 1 --quiet --out "$run" --overwrite >/dev/null 2>&1
  log="$out/serve-$model.log"
  GAIKAN_JAVA_OPTS="-Xmx${HEAP:-2g}" "$gaikan" serve --run "$run" --port 0 --batch-size 16 --batch-wait-ms 5 >"$log" 2>&1 &
  launcher=$!
  port=""
  for _ in $(seq 1 120); do
    port=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 | cut -d: -f3 || true)
    [[ -n "$port" ]] && break
    sleep 1
  done
  [[ -n "$port" ]] || { echo "server did not start: $(cat "$log")"; kill "$launcher"; exit 1; }
  pid=$(pgrep -f "serve --run $run" | head -1)
  echo "== $model at 224 px (server pid $pid, port $port)"
  python3 "$root/bench/serve-load.py" --port "$port" --pid "$pid" --clients "$clients" --requests "$requests" \
      --max-seconds "$max_seconds" "${images[@]}"
  kill "$pid"
  wait "$launcher" 2>/dev/null || true
done
