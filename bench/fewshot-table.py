"""Markdown tables of an experiments/fewshot-real.yaml directory: accuracy and mean per-class (balanced) accuracy,
mean +- std over seeds, rows = images per class, columns = methods, plus the PyTorch linear probe of
bench/fewshot-peer.py when DIR/peer.csv exists. Cells with fewer finished seeds than the others say how many.

    python3 bench/fewshot-table.py out/fewshot-xsdd [more directories of the same data and split ...]
        [--rename "OLD LABEL=NEW LABEL"]... [--drop LABEL]...

Several directories (e.g. the head columns and the slow fine-tuning columns run apart) are merged by column label;
peer.csv is read from the first that has one.
"""
import csv
import json
import os
import sqlite3
import statistics
import sys
from collections import defaultdict


def cell(values, seeds):
    if not values:
        return ""
    mean = 100 * statistics.mean(values)
    std = 100 * statistics.stdev(values) if len(values) > 1 else 0.0
    note = "" if len(values) == seeds else f" (n={len(values)})"
    return f"{mean:.1f} +- {std:.1f}{note}"


def main():
    args, dirs, rename, drop = sys.argv[1:], [], {}, set()
    while args:
        a = args.pop(0)
        if a == "--rename":
            old, new = args.pop(0).split("=", 1)
            rename[old] = new
        elif a == "--drop":
            drop.add(args.pop(0))
        else:
            dirs.append(a)
    values = defaultdict(lambda: defaultdict(list))  # (metric, shots) -> method -> values
    methods, shots_seen, seeds = [], set(), set()
    rows = []
    missing = [d for d in dirs if not os.path.exists(os.path.join(d, "runs.db"))]
    if missing:
        sys.exit("not an experiment directory (no runs.db): " + ", ".join(missing))
    for exp in dirs:
        db = sqlite3.connect(os.path.join(exp, "runs.db"))
        rows += db.execute("SELECT g.labels, r.metrics FROM grid g JOIN runs r ON r.id = g.run_id "
                           "WHERE r.status = 'FINISHED' ORDER BY g.position").fetchall()
    for labels, metrics in rows:
        labels, main = json.loads(labels), json.loads(metrics)["main"]
        shots, method = int(labels["shots"]), labels["method"]
        if method in drop:
            continue
        method = rename.get(method, method)
        methods += [] if method in methods else [method]
        shots_seen.add(shots)
        seeds.add(labels["seed"])
        for metric in ("accuracy", "balanced_accuracy"):
            values[(metric, shots)][method].append(main[metric])
    peers = [os.path.join(d, "peer.csv") for d in dirs if os.path.exists(os.path.join(d, "peer.csv"))]
    if peers:
        peer = peers[0]
        methods.append("PyTorch linear probe")
        with open(peer, newline="") as f:
            for row in csv.DictReader(f):
                for metric in ("accuracy", "balanced_accuracy"):
                    values[(metric, int(row["shots"]))]["PyTorch linear probe"].append(float(row[metric]))
    for metric, title in (("accuracy", "Accuracy"), ("balanced_accuracy", "Mean per-class accuracy")):
        print(f"\n{title} (%), mean +- std over {len(seeds)} seeds\n")
        print("| images per class | " + " | ".join(methods) + " |")
        print("|---" * (len(methods) + 1) + "|")
        for shots in sorted(shots_seen):
            print(f"| {shots} | " + " | ".join(cell(values[(metric, shots)][m], len(seeds)) for m in methods) + " |")


if __name__ == "__main__":
    main()
