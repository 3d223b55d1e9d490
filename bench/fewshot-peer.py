"""The peer column of experiments/fewshot-real.yaml: a PyTorch linear probe on the same images.

For every (seed, shots) cell of a finished (or running) experiment directory it reads the split of one of the cell's
runs (runs/<id>/split.csv: the same training, validation and test images Gaikan used), runs torchvision's
mobilenet_v2 with the same ImageNet weights (../shared/weights/mobilenet_v2.torchvision.imagenet.safetensors) over
them with Gaikan's evaluation preprocessing (whole image resized to 224x224, ImageNet mean/std), and fits the usual
linear probe: L2-regularised multinomial logistic regression on the standardised 1280-d pooled features, solved with
torch.optim.LBFGS to convergence, the penalty chosen among 1e-4..1e1 on the validation images (which Gaikan's heads do
not get to choose their penalty: they use them only to calibrate a temperature).

    /usr/bin/python3 bench/fewshot-peer.py out/fewshot-xsdd ../shared/datasets/x-sdd > out/fewshot-xsdd/peer.csv

Prints CSV: seed,shots,accuracy,balanced_accuracy,l2,test_images. Needs Debian's python3-torch, python3-torchvision,
python3-pil. Threads: 2 (torch.set_num_threads), as Gaikan on this machine.
"""
import csv
import json
import os
import sqlite3
import struct
import sys

import numpy as np
import torch
import torchvision
from PIL import Image

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)
PENALTIES = [1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0]


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        start, end = t["data_offsets"]
        dtype = {"F32": np.float32, "I64": np.int64}[t["dtype"]]
        out[name] = torch.from_numpy(np.frombuffer(data[start:end], dtype=dtype).reshape(t["shape"]).copy())
    return out


def backbone(weights):
    model = torchvision.models.mobilenet_v2()
    model.load_state_dict(read_safetensors(weights), strict=True)
    return model.eval()


def image(path, size=224):
    img = Image.open(path).convert("RGB").resize((size, size), Image.BILINEAR)
    x = (np.asarray(img, dtype=np.float32) / 255.0 - MEAN) / STD
    return torch.from_numpy(x.transpose(2, 0, 1).copy())


@torch.no_grad()
def features(model, paths, cache):
    todo = [p for p in paths if p not in cache]
    for i in range(0, len(todo), 32):
        batch = torch.stack([image(p) for p in todo[i:i + 32]])
        pooled = model.features(batch).mean(dim=(2, 3))
        for p, f in zip(todo[i:i + 32], pooled):
            cache[p] = f
    return torch.stack([cache[p] for p in paths])


def fit(x, y, classes, l2):
    w = torch.zeros(x.shape[1], classes, requires_grad=True)
    b = torch.zeros(classes, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], lr=1, max_iter=500, tolerance_grad=1e-6, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(x @ w + b, y) + 0.5 * l2 * (w * w).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return w.detach(), b.detach()


def scores(pred, truth, classes):
    acc = float((pred == truth).float().mean())
    per_class = [float((pred[truth == c] == c).float().mean()) for c in range(classes) if (truth == c).any()]
    return acc, sum(per_class) / len(per_class)


def main():
    exp_dir, data_dir = sys.argv[1], sys.argv[2]
    weights = os.environ.get("GAIKAN_WEIGHTS", os.path.join(os.path.dirname(__file__), "../../shared/weights"))
    torch.set_num_threads(2)
    model = backbone(os.path.join(weights, "mobilenet_v2.torchvision.imagenet.safetensors"))
    db = sqlite3.connect(os.path.join(exp_dir, "runs.db"))
    cells = {}
    for run_id, labels in db.execute("SELECT g.run_id, g.labels FROM grid g JOIN runs r ON r.id = g.run_id "
                                     "WHERE r.status = 'FINISHED' ORDER BY g.position"):
        labels = json.loads(labels)
        cells.setdefault((int(labels["seed"]), int(labels["shots"])), run_id)
    classes = sorted(d for d in os.listdir(data_dir) if os.path.isdir(os.path.join(data_dir, d)))
    cache = {}
    out = csv.writer(sys.stdout)
    out.writerow(["seed", "shots", "accuracy", "balanced_accuracy", "l2", "test_images"])
    for (seed, shots), run_id in sorted(cells.items()):
        subsets = {"train": [], "val": [], "test": []}
        with open(os.path.join(exp_dir, "runs", run_id, "split.csv"), newline="") as f:
            for row in csv.DictReader(f):
                if row["subset"] in subsets:  # also "duplicate", "unused": left out as Gaikan leaves them
                    subsets[row["subset"]].append(row["path"])
        xy = {}
        for name, paths in subsets.items():
            x = features(model, [os.path.join(data_dir, p) for p in paths], cache)
            y = torch.tensor([classes.index(p.split("/")[0]) for p in paths])
            xy[name] = (x, y)
        mean, std = xy["train"][0].mean(0), xy["train"][0].std(0, unbiased=False) + 1e-6
        norm = {k: ((x - mean) / std, y) for k, (x, y) in xy.items()}
        best = None
        for l2 in PENALTIES:
            w, b = fit(*norm["train"], len(classes), l2)
            if len(norm["val"][1]) == 0:
                best = (l2, w, b)
                break
            val_acc = scores((norm["val"][0] @ w + b).argmax(1), norm["val"][1], len(classes))[1]
            if best is None or val_acc > best[0]:
                best = (val_acc, l2, w, b)
        l2, w, b = best[-3:]
        acc, balanced = scores((norm["test"][0] @ w + b).argmax(1), norm["test"][1], len(classes))
        out.writerow([seed, shots, f"{acc:.4f}", f"{balanced:.4f}", l2, len(norm["test"][1])])
        sys.stdout.flush()


if __name__ == "__main__":
    main()
