#!/usr/bin/env python3
"""The whole-pipeline benchmark (issue 8), driven over the public HTTP API only (stdlib, no extra
packages). Run by pipeline-bench.sh, which starts the platform and records monitoring.alerts.

  scale:      one 1,000,000-row x 20-column batch, POST start to drift, performance and fairness stored
              in the history, with each service's peak heap (sampled from /q/metrics)
  throughput: 100,000-row batches posted back to back for 60 s; rows/s from the first POST to the last
              result stored, per service and overall
  latency:    1,000-row drifted batches, POST start to its alert on monitoring.alerts (p50/p95/p99)
"""
import json
import statistics
import sys
import threading
import time
import urllib.request

ingest, alerts, data, alerts_file, ports = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5].split(",")
SERVICES = ["ingest", "drift", "performance", "fairness", "alert"]


def call(method, url, body=None, ctype="application/json"):
    req = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": ctype} if body else {})
    with urllib.request.urlopen(req, timeout=600) as r:
        text = r.read()
        return json.loads(text) if text else None


def post_csv(model, path):
    with open(path, "rb") as f:
        return call("POST", f"{ingest}/api/v1/models/{model}/batches", f.read(), "text/csv")


def report(model, batch_id):
    try:
        return call("GET", f"{alerts}/api/v1/models/{model}/batches/{batch_id}/report")
    except Exception:
        return {}


def setup(model):
    call("PUT", f"{ingest}/api/v1/models/{model}", open(f"{data}/spec.json", "rb").read())
    with open(f"{data}/ref.csv", "rb") as f:
        call("POST", f"{ingest}/api/v1/models/{model}/reference", f.read(), "text/csv")
    time.sleep(8)


class HeapSampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.peak = {s: 0 for s in SERVICES}
        self.running = True

    def run(self):
        while self.running:
            for name, port in zip(SERVICES, ports):
                try:
                    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/q/metrics", timeout=5).read().decode()
                    used = sum(float(l.rsplit(" ", 1)[1]) for l in text.splitlines()
                               if l.startswith("jvm_memory_used_bytes") and 'area="heap"' in l)
                    self.peak[name] = max(self.peak[name], used)
                except Exception:
                    pass
            time.sleep(0.25)


def wait_results(model, batch_ids, timeout):
    """Seconds (wall clock) at which each kind was first complete for every batch."""
    done = {}
    deadline = time.time() + timeout
    pending = {k: set(batch_ids) for k in ("drift", "performance", "fairness")}
    while time.time() < deadline and any(pending.values()):
        for kind in pending:
            for b in list(pending[kind]):
                if isinstance(report(model, b).get(kind), dict):
                    pending[kind].discard(b)
            if not pending[kind] and kind not in done:
                done[kind] = time.time()
        time.sleep(0.2)
    return done, {k: len(v) for k, v in pending.items()}


def scale():
    setup("bench-scale")
    sampler = HeapSampler()
    sampler.start()
    t0 = time.time()
    batch = post_csv("bench-scale", f"{data}/batch-1m.csv")["batchId"]
    t_post = time.time()
    done, missing = wait_results("bench-scale", [batch], 300)
    sampler.running = False
    lines = [f"scale: 1,000,000 rows x 20 columns, POST to 202 {t_post - t0:.2f} s"]
    for kind in ("drift", "performance", "fairness"):
        lines.append(f"  {kind:<12} stored in the history {done[kind] - t0:6.2f} s after the POST began" if kind in done
                     else f"  {kind:<12} NOT stored within 300 s")
    if len(done) == 3:
        lines.append(f"  fully analysed (all three stored): {max(done.values()) - t0:.2f} s (target <= 15 s)")
    lines.append("  peak heap in use: " + ", ".join(f"{s} {sampler.peak[s] / 2**20:.0f} MB" for s in SERVICES))
    return lines


def throughput(seconds=60):
    setup("bench-tput")
    ids, t0 = [], time.time()
    while time.time() - t0 < seconds:
        ids.append(post_csv("bench-tput", f"{data}/batch-100k.csv")["batchId"])
    t_posted = time.time()
    rows = 100_000 * len(ids)
    done, missing = wait_results("bench-tput", ids, 600)
    lines = [f"throughput: {len(ids)} batches of 100,000 rows posted back to back in {t_posted - t0:.1f} s "
             f"(ingest {rows / (t_posted - t0):,.0f} rows/s)"]
    for kind in ("drift", "performance", "fairness"):
        if kind in done:
            lines.append(f"  {kind:<12} {rows / (done[kind] - t0):>10,.0f} rows/s (first POST to last result stored)")
        else:
            lines.append(f"  {kind:<12} {missing[kind]} batches not analysed within 600 s")
    if len(done) == 3:
        lines.append(f"  overall      {rows / (max(done.values()) - t0):>10,.0f} rows/s")
    return lines


def latency(n=100):
    setup("bench-lat")
    sent = {}
    for _ in range(n):
        t = time.time()
        sent[post_csv("bench-lat", f"{data}/batch-1k-drifted.csv")["batchId"]] = t
        time.sleep(0.3)
    deadline, seen = time.time() + 120, {}
    while time.time() < deadline and len(seen) < len(sent):
        for line in open(alerts_file):
            ts, _, value = line.partition("\t")
            try:
                event = json.loads(value)
            except ValueError:
                continue
            b = event.get("batchId")
            if b in sent and b not in seen:
                seen[b] = int(ts.split(":")[-1]) / 1000.0 - sent[b]
        time.sleep(1)
    lat = sorted(v * 1000 for v in seen.values())
    if not lat:
        return ["latency: no alert arrived"]
    q = lambda p: lat[min(len(lat) - 1, int(round(p / 100 * (len(lat) - 1))))]
    return [f"latency: {len(lat)} of {n} 1,000-row batches raised an alert on monitoring.alerts; POST start to alert: "
            f"p50 {q(50):.0f} ms, p95 {q(95):.0f} ms, p99 {q(99):.0f} ms (target p95 <= 1,000 ms)"]


if __name__ == "__main__":
    out = []
    for phase in sys.argv[6].split(","):
        lines = {"scale": scale, "throughput": throughput, "latency": latency}[phase]()
        print("\n".join(lines), flush=True)
        out += lines
    open(f"{data}/pipeline.txt", "w").write("\n".join(out) + "\n")
