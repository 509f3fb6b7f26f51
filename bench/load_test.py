#!/usr/bin/env python3
"""Bounded load test through the public API (issue 9, "Load"): PRODUCERS threads post the same
CSV batch to their own model in a closed loop for SECONDS, while READERS threads query the history
API; then it waits (at most DRAIN seconds) until every batch that got a 202 has its drift,
performance and fairness results in the alert service's history.

Passes when no request got a 5xx or failed at the transport level and no accepted batch is
missing from the history. Prints the POST latency percentiles (p50/p95/p99/max) and exits 1 on a failure.

usage: load_test.py INGEST_URL ALERTS_URL DATA_DIR [PRODUCERS SECONDS DRAIN] (API key from env MT_API_KEY)
DATA_DIR holds spec.json, ref.csv and batch.csv (bench/gen_full_csv.py)."""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

ingest, alerts, data = sys.argv[1], sys.argv[2], sys.argv[3]
producers = int(sys.argv[4]) if len(sys.argv) > 4 else 16
seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 120
drain = float(sys.argv[6]) if len(sys.argv) > 6 else 600
api_key = os.environ.get("MT_API_KEY", "")
KINDS = ("drift", "performance", "fairness")


def request(method, url, body=None, ctype=None, timeout=60):
    """One request on a fresh connection; returns (status, body bytes). Transport errors raise."""
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        headers = {}
        if ctype:
            headers["Content-Type"] = ctype
        if api_key:
            headers["X-API-Key"] = api_key
        conn.request(method, u.path + ("?" + u.query if u.query else ""), body=body, headers=headers)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def must(method, url, body, ctype):
    status, payload = request(method, url, body, ctype)
    if status >= 300:
        sys.exit(f"setup failed: {method} {url} -> {status} {payload[:300]!r}")
    return payload


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies_ms = []
        self.statuses = {}
        self.transport_errors = []
        self.accepted = {}  # model -> [batchId]
        self.reads = 0
        self.read_errors = []

    def count(self, status):
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1


def produce(model, body, deadline, stats):
    while time.monotonic() < deadline:
        t0 = time.monotonic()
        try:
            status, payload = request("POST", f"{ingest}/api/v1/models/{model}/batches", body, "text/csv")
        except Exception as e:  # a hang (timeout) or a reset: both count against the test
            with stats.lock:
                stats.transport_errors.append(f"{model}: {type(e).__name__}: {e}")
            continue
        ms = (time.monotonic() - t0) * 1000
        stats.count(status)
        with stats.lock:
            stats.latencies_ms.append(ms)
            if status == 202:
                stats.accepted.setdefault(model, []).append(json.loads(payload)["batchId"])
        if status == 503:  # back off as a well-behaved producer would on Retry-After
            time.sleep(1)


def read(models, deadline, stats):
    i = 0
    while time.monotonic() < deadline:
        model = models[i % len(models)]
        url = [f"{alerts}/api/v1/models/{model}/batches?limit=20",
               f"{alerts}/api/v1/models/{model}/metrics/driftShare",
               f"{alerts}/api/v1/alerts?modelId={model}&limit=20"][i % 3]
        i += 1
        try:
            status, _ = request("GET", url)
            with stats.lock:
                stats.reads += 1
                if status >= 500:
                    stats.read_errors.append(f"GET {url} -> {status}")
        except Exception as e:
            with stats.lock:
                stats.read_errors.append(f"GET {url}: {type(e).__name__}")
        time.sleep(0.2)


def complete_batches(model):
    """batchIds of the model whose three results are in the history."""
    done, offset = set(), 0
    while True:
        status, payload = request("GET", f"{alerts}/api/v1/models/{model}/batches?limit=1000&offset={offset}")
        if status == 404:
            return done
        if status != 200:
            raise RuntimeError(f"batches list of {model}: {status}")
        page = json.loads(payload)
        for b in page:
            results = b.get("results") or {}
            kinds = results.keys() if isinstance(results, dict) else results
            if all(k in kinds for k in KINDS):
                done.add(b["batchId"])
        if len(page) < 1000:
            return done
        offset += 1000


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def main():
    spec = open(os.path.join(data, "spec.json"), "rb").read()
    ref = open(os.path.join(data, "ref.csv"), "rb").read()
    body = open(os.path.join(data, "batch.csv"), "rb").read()
    rows = body.count(b"\n") - 1
    models = [f"load-{i:02d}" for i in range(producers)]
    for m in models:
        must("PUT", f"{ingest}/api/v1/models/{m}", spec, "application/json")
        must("POST", f"{ingest}/api/v1/models/{m}/reference", ref, "text/csv")
    time.sleep(3)  # the metric services build their reference profiles

    stats = Stats()
    start = time.monotonic()
    deadline = start + seconds
    threads = [threading.Thread(target=produce, args=(m, body, deadline, stats)) for m in models]
    threads += [threading.Thread(target=read, args=(models, deadline, stats)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start

    accepted = sum(len(v) for v in stats.accepted.values())
    drain_start = time.monotonic()
    missing = {}
    while True:
        missing = {m: set(ids) - complete_batches(m) for m, ids in stats.accepted.items()}
        missing = {m: ids for m, ids in missing.items() if ids}
        if not missing or time.monotonic() - drain_start > drain:
            break
        time.sleep(5)
    drained = time.monotonic() - drain_start
    lost = sum(len(v) for v in missing.values())

    lat = sorted(stats.latencies_ms)
    server_errors = sum(n for s, n in stats.statuses.items() if s >= 500)
    print(f"load: {producers} producers x {seconds:.0f} s (+2 history readers), {rows:,}-row CSV batches, "
          f"{elapsed:.1f} s wall")
    print(f"  POSTs: {len(lat):,}; statuses {dict(sorted(stats.statuses.items()))}; transport errors/hangs "
          f"{len(stats.transport_errors)}")
    print(f"  POST latency ms: p50 {percentile(lat, 50):.0f}, p95 {percentile(lat, 95):.0f}, "
          f"p99 {percentile(lat, 99):.0f}, max {lat[-1] if lat else float('nan'):.0f}")
    print(f"  accepted {accepted:,} batches = {accepted * rows / elapsed:,.0f} rows/s offered and accepted")
    print(f"  history reads: {stats.reads:,}, 5xx or errors {len(stats.read_errors)}")
    print(f"  every accepted batch analysed by drift, performance and fairness after {drained:.1f} s of drain: "
          f"{accepted - lost:,} of {accepted:,} (lost {lost})")
    for e in (stats.transport_errors + stats.read_errors)[:10]:
        print(f"    {e}")
    for m, ids in list(missing.items())[:5]:
        print(f"    missing in {m}: {sorted(ids)[:5]}")
    ok = server_errors == 0 and not stats.transport_errors and not stats.read_errors and lost == 0 and accepted > 0
    print(f"load: {'PASS' if ok else 'FAIL'} (zero lost batches, zero 5xx, zero hangs)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
