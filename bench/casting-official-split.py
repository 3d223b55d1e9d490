#!/usr/bin/env python3
"""Writes a Gaikan split.csv for casting-product's official test split (SPLIT.csv, DROPPED rows left out).

usage: casting-official-split.py DATASET_DIR OUT_CSV [--train-ok N] [--val-per-class M] [--seed S]
train: N OK images of the official training part (for an anomaly detector: no defect image); val: M images per class
of the rest of the official training part; test: every official test image.
"""
import argparse, csv, random, pathlib

p = argparse.ArgumentParser()
p.add_argument("dataset"); p.add_argument("out")
p.add_argument("--train-ok", type=int, default=200); p.add_argument("--train-def", type=int, default=0)
p.add_argument("--val-per-class", type=int, default=100); p.add_argument("--seed", type=int, default=0)
a = p.parse_args()
rows = list(csv.DictReader(open(pathlib.Path(a.dataset) / "SPLIT.csv")))
rows = [r for r in rows if not r["note"].startswith("DROPPED")]
rng = random.Random(a.seed)
by = {}
for r in rows:
    if r["official_split"] == "train":
        by.setdefault(r["class"], []).append(r["file"])
out = [("path", "subset")]
for cls, files in sorted(by.items()):
    files = sorted(files); rng.shuffle(files)
    n_train = a.train_ok if cls.startswith("ok") else a.train_def
    out += [(f, "train") for f in files[:n_train]]
    out += [(f, "val") for f in files[n_train:n_train + a.val_per_class]]
out += [(r["file"], "test") for r in rows if r["official_split"] == "test"]
with open(a.out, "w") as f:
    for path, subset in out:
        f.write(f"{path},{subset}\n")
print(f"{a.out}: " + ", ".join(f"{s} {sum(1 for _, t in out[1:] if t == s)}" for s in ("train", "val", "test")))
