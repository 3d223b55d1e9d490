#!/usr/bin/env python3
"""Load test of a running `gaikan serve` on loopback: N concurrent clients send single images (raw body) to
/v1/classify until --requests are done or --max-seconds pass; prints throughput, p50/p99 latency, errors, and the
server's RSS (from /proc, given its pid) before, at every tenth of the run, and after. Standard library only;
asserts nothing."""
import argparse
import http.client
import os
import statistics
import sys
import threading
import time


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pid", type=int, required=True, help="server process id (for its RSS)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=10000)
    ap.add_argument("--max-seconds", type=float, default=900)
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("images", nargs="+")
    a = ap.parse_args()
    bodies = [open(p, "rb").read() for p in a.images]

    def one(conn, body):
        conn.request("POST", "/v1/classify", body=body, headers={"Content-Type": "application/octet-stream"})
        r = conn.getresponse()
        data = r.read()
        return r.status, data

    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=60)
    for i in range(a.warmup):
        status, data = one(conn, bodies[i % len(bodies)])
        if status != 200:
            sys.exit(f"warm-up request failed: {status} {data[:200]!r}")
    conn.close()
    before = rss_mb(a.pid)

    lock = threading.Lock()
    next_index = [0]
    latencies = []
    errors = []
    # RSS at every tenth of the run: growth that levels off is the heap settling, growth to the end is a leak
    every = max(1, a.requests // 10)
    rss_series = []
    deadline = time.monotonic() + a.max_seconds

    def client():
        c = http.client.HTTPConnection("127.0.0.1", a.port, timeout=60)
        while True:
            with lock:
                i = next_index[0]
                if i >= a.requests or time.monotonic() > deadline:
                    break
                next_index[0] += 1
                if i % every == 0 and i > 0:
                    rss_series.append(rss_mb(a.pid))
            t0 = time.perf_counter()
            try:
                status, data = one(c, bodies[i % len(bodies)])
                ok = status == 200 and b'"label"' in data
            except Exception as e:  # a refused or dropped connection counts as an error
                ok, data = False, repr(e).encode()
                c.close()
                c = http.client.HTTPConnection("127.0.0.1", a.port, timeout=60)
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                if not ok:
                    errors.append(data[:200])
        c.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(a.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    after = rss_mb(a.pid)
    lat = sorted(latencies)
    q = lambda p: 1000 * lat[min(len(lat) - 1, int(p * len(lat)))]
    print(f"requests {len(lat)} by {a.clients} clients in {wall:.1f} s: {len(lat) / wall:.1f} requests/s; "
          f"latency p50 {q(0.50):.1f} ms, p99 {q(0.99):.1f} ms, mean {1000 * statistics.mean(lat):.1f} ms; "
          f"errors {len(errors)}; server RSS {before:.0f} MB after warm-up -> {after:.0f} MB after the run")
    print("server RSS at each tenth of the run (MB):", " ".join(f"{r:.0f}" for r in rss_series + [after]))
    if errors:
        print("first error:", errors[0])


if __name__ == "__main__":
    main()
