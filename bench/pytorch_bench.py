"""PyTorch eager half of bench/run-vs-pytorch.sh: the work io.gaikan.train.StepBenchmark does, in torchvision.

Training step = forward, cross-entropy, backward, SGD (lr 1e-3, momentum 0.9, weight decay 1e-4); inference =
forward under no_grad in eval mode. Random data, median iteration. Prints
"RESULT <label> <model> <train|infer> <img/s> <s/iter> <cpu s/iter>" lines; --profile FILE writes the profiler's Chrome trace
of one iteration of the first of --modes instead.
"""
import argparse
import time

import torch
import torch.nn.functional as F
import torchvision

# Gaikan (timm) names -> torchvision constructors with the same architecture and no stochastic depth
MODELS = {
    "resnet18": lambda: torchvision.models.resnet18(),
    "resnet50": lambda: torchvision.models.resnet50(),
    "mobilenetv2_100": lambda: torchvision.models.mobilenet_v2(),
    "efficientnet_b0": lambda: torchvision.models.efficientnet_b0(stochastic_depth_prob=0.0),
}


def median_seconds(step, warmup, iters):
    """(median wall seconds, median process CPU seconds) per iteration."""
    for _ in range(warmup):
        step()
    times, cpu = [], []
    for _ in range(iters):
        start, cpu_start = time.perf_counter(), time.process_time()
        step()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    times.sort()
    cpu.sort()
    return times[len(times) // 2], cpu[len(cpu) // 2]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--models", default="resnet18")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--iters", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--modes", default="train,infer")
    p.add_argument("--profile")
    p.add_argument("--label", default="pytorch", help="name in the RESULT lines (the run's variant)")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    print(f"# pytorch {torch.__version__}, torchvision {torchvision.__version__}, intra-op threads "
          f"{torch.get_num_threads()}, inter-op threads {torch.get_num_interop_threads()}, batch {a.batch}, {a.size} px",
          flush=True)
    for name in a.models.split(","):
        model = MODELS[name]()
        x = torch.randn(a.batch, 3, a.size, a.size)
        y = torch.randint(0, 1000, (a.batch,))
        opt = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9, weight_decay=1e-4)

        def train():
            model.train()
            opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            loss.item()

        def infer():
            model.eval()
            with torch.no_grad():
                model(x).numpy()

        if a.profile:
            profiled = infer if a.modes.split(",")[0] == "infer" else train
            profiled()
            with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU], record_shapes=True) as prof:
                profiled()
            prof.export_chrome_trace(a.profile)
            print("# wrote", a.profile)
            continue
        for mode in a.modes.split(","):
            seconds, cpu = median_seconds(train if mode == "train" else infer, a.warmup, a.iters)
            print(f"RESULT {a.label} {name} {mode} {a.batch / seconds:.3f} {seconds:.4f} {cpu:.4f}", flush=True)


if __name__ == "__main__":
    main()
