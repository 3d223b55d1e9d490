"""Turns the RESULT/E2E lines of bench/run-vs-pytorch.sh into markdown tables (ratio = Gaikan / a PyTorch variant)."""
import statistics
import sys
from collections import defaultdict


def fields(line):
    parts = line.split()
    kv = dict(p.split("=", 1) for p in parts if "=" in p)
    return [p for p in parts if "=" not in p], kv


def ratio_table(rate, unit, reference="pytorch"):
    print(f"| model | mode | Gaikan {unit} (median) | {reference} {unit} (median) | ratio min | ratio median | ratio max |")
    print("|---|---|---|---|---|---|---|")
    models = list(dict.fromkeys(m for m, _ in rate))
    for model in models:
        for mode in ("train", "infer"):
            runs = rate.get((model, mode), {})
            rounds = sorted({r for _, r in runs})
            g = [runs[("gaikan", r)] for r in rounds if ("gaikan", r) in runs]
            p = [runs[(reference, r)] for r in rounds if (reference, r) in runs]
            ratios = [runs[("gaikan", r)] / runs[(reference, r)] for r in rounds
                      if ("gaikan", r) in runs and (reference, r) in runs]
            if not ratios:
                continue
            print(f"| {model} | {mode} | {statistics.median(g):.2f} | {statistics.median(p):.2f} | "
                  f"{min(ratios):.2f} | {statistics.median(ratios):.2f} | {max(ratios):.2f} |")


def main(raw, machine):
    rate = defaultdict(dict)          # (model, mode) -> {(framework, round): img/s}
    cpu = defaultdict(dict)           # (model, mode) -> {(framework, round): images per CPU-second}
    e2e = defaultdict(list)           # epoch -> [(img/s, wait%)]
    loads = []
    for line in open(raw):
        pos, kv = fields(line)
        loads.append(float(kv["load"]))
        if pos[0] == "RESULT":
            fw, model, mode, ips, secs = pos[1:6]
            rate[(model, mode)][(fw, int(kv["round"]))] = float(ips)
            if len(pos) > 6:
                cpu[(model, mode)][(fw, int(kv["round"]))] = float(ips) * float(secs) / float(pos[6])
        elif pos[0] == "E2E":
            e2e[pos[2]].append((float(pos[3]), float(kv["wait"])))
    print(f"Machine: {machine}; load average (1 min) during the runs: {min(loads):.1f} to {max(loads):.1f}")
    print()
    ratio_table(rate, "img/s")
    if any(fw == "pytorch-tuned" for runs in rate.values() for fw, _ in runs):
        print()
        print("Against PyTorch with the memory settings Gaikan uses (bin/engine-env.sh; huge pages through "
              "GLIBC_TUNABLES=glibc.malloc.hugetlb=1):")
        print()
        ratio_table(rate, "img/s", "pytorch-tuned")
    if cpu:
        print()
        print("The same runs per CPU-second of the whole process (steadier than wall time on a shared machine):")
        print()
        ratio_table(cpu, "img per CPU-s")
    step = rate.get(("resnet18", "train"), {})
    gstep = [v for (fw, _), v in step.items() if fw == "gaikan"]
    if e2e:
        print()
        print("| `gaikan train` resnet18 (decode + augment + step) | img/s (median) | data wait (median) | vs raw step rate |")
        print("|---|---|---|---|")
        for epoch in sorted(e2e):
            ips = statistics.median(v for v, _ in e2e[epoch])
            wait = statistics.median(w for _, w in e2e[epoch])
            versus = f"{ips / statistics.median(gstep):.2f}" if gstep else "n/a"
            print(f"| {epoch} | {ips:.2f} | {wait:.0f}% | {versus} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "this machine")
