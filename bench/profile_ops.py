"""Self time per operator from Chrome traces of the engine profiler: Gaikan (io.gaikan.train.StepBenchmark --profile)
against PyTorch (bench/pytorch_bench.py --profile), side by side. On a loaded machine single calls are inflated by
preemption, so besides the summed self time it shows calls x median self time per call ("robust"), which is what to
compare there.

    python3 bench/profile_ops.py gaikan.json pytorch.json [top]
"""
import json
import statistics
import sys
from collections import defaultdict


def self_times(path):
    data = json.load(open(path))
    events = data["traceEvents"] if isinstance(data, dict) else data
    by_thread = defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and "dur" in e:
            by_thread[e.get("tid")].append(e)
    times = defaultdict(list)
    for evs in by_thread.values():
        evs.sort(key=lambda e: (e["ts"], -e["dur"]))
        stack = []  # [end, name, child time]
        def pop():
            end, name, child, dur = stack.pop()
            times[name].append(dur - child)
            if stack:
                stack[-1][2] += dur
        for e in evs:
            while stack and stack[-1][0] <= e["ts"]:
                pop()
            stack.append([e["ts"] + e["dur"], e["name"], 0.0, e["dur"]])
        while stack:
            pop()
    return times


def main():
    a, b = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    ta, tb = self_times(a), self_times(b)

    def robust(t, n):
        return len(t[n]) * statistics.median(t[n]) if t.get(n) else 0.0

    names = sorted(set(ta) | set(tb), key=lambda n: -max(robust(ta, n), robust(tb, n)))[:top]
    for label, t in (("A", ta), ("B", tb)):
        print(f"{label}: total self time {sum(map(sum, t.values())) / 1e3:.0f} ms, robust "
              f"{sum(robust(t, n) for n in t) / 1e3:.0f} ms")
    print(f"{'operator':56s} {'A calls':>7s} {'A ms':>8s} {'A robust':>8s} {'B calls':>7s} {'B ms':>8s} {'B robust':>8s}")
    for n in names:
        print(f"{n[:56]:56s} {len(ta.get(n, [])):7d} {sum(ta.get(n, [])) / 1e3:8.1f} {robust(ta, n) / 1e3:8.1f} "
              f"{len(tb.get(n, [])):7d} {sum(tb.get(n, [])) / 1e3:8.1f} {robust(tb, n) / 1e3:8.1f}")


if __name__ == "__main__":
    main()
