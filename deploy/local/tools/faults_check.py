#!/usr/bin/python3
"""Checks for deploy/local/faults.sh (standard library only). Each check prints one line
"CHECK <0|1> <text>" (0 = pass) for the script to count.

  models N                                  one model id per partition of an N-partition topic
  producers --max-503-ms MS --down-ms T --up-ms T --batches OUT LOG...   answers of the producers
                                            that posted through an outage
  analysed FILE --alerts URL --psql CMD --timeout S   every batch listed in FILE ("model batchId")
                                            analysed once by every metric service
  held A B GROUP TOPIC [--need-lag]         committed offsets of GROUP did not move from snapshot A to B
  owners SNAPSHOT GROUP TOPIC               members of GROUP owning partitions of TOPIC, and its lag
  dlq DUMP --poison-batches N --poison-results M   monitoring.dlq holds the poison records only
  receiver PORT LOG                         a webhook receiver on 127.0.0.1:PORT that answers 204 and appends
                                            one JSON line per request (delivery id, event id, attempt) to LOG
  alerts DUMP LOG --psql CMD --receiver-port P --models A,B --min-events N   monitoring.alerts (DUMP) holds each alert event once, the
                                            outbox is empty, and the receiver (LOG) got every delivery once
"""
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

KINDS = ("drift", "performance", "fairness")


def check(ok, text):
    print(f"CHECK {0 if ok else 1} {text}", flush=True)


def arg(name, default=None):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def murmur2(data):
    """Kafka's default partitioner hash (org.apache.kafka.common.utils.Utils.murmur2)."""
    m, r, h = 0x5BD1E995, 24, (0x9747B28C ^ len(data)) & 0xFFFFFFFF
    for i in range(len(data) // 4):
        k = int.from_bytes(data[4 * i:4 * i + 4], "little")
        k = (k * m) & 0xFFFFFFFF
        k ^= k >> r
        k = (k * m) & 0xFFFFFFFF
        h = ((h * m) & 0xFFFFFFFF) ^ k
    tail = len(data) & ~3
    extra = len(data) % 4
    if extra == 3:
        h ^= data[tail + 2] << 16
    if extra >= 2:
        h ^= data[tail + 1] << 8
    if extra >= 1:
        h ^= data[tail]
        h = (h * m) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * m) & 0xFFFFFFFF
    h ^= h >> 15
    return h


def models(n):
    found = {}
    i = 0
    while len(found) < n:
        name = f"fault-{i}"
        found.setdefault((murmur2(name.encode()) & 0x7FFFFFFF) % n, name)
        i += 1
    print(" ".join(found[p] for p in range(n)))


def producers(logs):
    """Log lines: start_ms http_code elapsed_ms model batchId retry_after."""
    max_503 = int(arg("--max-503-ms", "12000"))
    rows = []
    for log in logs:
        with open(log) as f:
            rows += [line.split() for line in f if line.strip()]
    codes = {}
    for r in rows:
        codes[r[1]] = codes.get(r[1], 0) + 1
    summary = ", ".join(f"{c}x{n}" for c, n in sorted(codes.items()))
    bad = [r for r in rows if r[1] not in ("202", "503")]
    check(not bad and rows, f"every answer is 202 or 503, none timed out ({summary})")
    unavailable = [r for r in rows if r[1] == "503"]
    slowest = max((int(r[2]) for r in unavailable), default=0)
    check(unavailable and slowest <= max_503,
          f"the 503s came promptly ({len(unavailable)}, slowest {slowest} ms, bound {max_503} ms)")
    check(all(r[5] != "-" for r in unavailable), "every 503 carries Retry-After")
    accepted = [r for r in rows if r[1] == "202" and r[4] != "-"]
    down, up = int(arg("--down-ms")), int(arg("--up-ms"))
    before = sum(int(r[0]) < down for r in accepted)
    after = sum(int(r[0]) > up for r in accepted)
    check(before > 0 and after > 0, f"batches accepted before the outage ({before}) and again after it ({after})")
    with open(arg("--batches"), "w") as out:
        out.writelines(f"{r[3]} {r[4]}\n" for r in accepted)
    print(f"INFO {len(accepted)} batches accepted", flush=True)


def get(url):
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.load(resp), resp.headers.get("Link")


def batch_list(alerts, model):
    seen, offset = [], 0
    while True:
        try:
            page, link = get(f"{alerts}/api/v1/models/{model}/batches?limit=1000&offset={offset}")
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return []  # no result of the model arrived yet
            raise
        seen += page
        if not link or 'rel="next"' not in link:
            return seen
        offset += len(page)


def psql_rows(psql, sql):
    out = subprocess.run(psql + ["-At", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def analysed(path):
    alerts, psql, timeout = arg("--alerts"), arg("--psql").split(), float(arg("--timeout", "180"))
    with open(path) as f:
        wanted = [tuple(line.split()) for line in f if line.strip()]
    by_model = {}
    for model, batch in wanted:
        by_model.setdefault(model, set()).add(batch)
    deadline = time.time() + timeout
    while True:
        listed = {}
        for model in by_model:
            try:
                for b in batch_list(alerts, model):
                    listed.setdefault((model, b["batchId"]), []).append(b.get("results") or {})
            except (OSError, ValueError):
                pass  # the service may be restarting; try again
        done = [k for k in wanted if k in listed and all(listed[k][0].get(kind) for kind in KINDS)]
        if len(done) == len(wanted) or time.time() > deadline:
            break
        time.sleep(2)
    n = len(wanted)
    missing = [k for k in wanted if k not in done]
    check(not missing, f"{len(done)}/{n} accepted batches analysed by all three services"
          + (f"; missing e.g. {missing[:3]}" if missing else ""))
    once = [k for k in done if len(listed[k]) == 1 and all(listed[k][0].get(kind) == 1 for kind in KINDS)]
    check(len(once) == n, f"{len(once)}/{n} in the batch list once, with one revision of each kind")
    reported = 0
    for model, batch in wanted:
        try:
            report, _ = get(f"{alerts}/api/v1/models/{model}/batches/{batch}/report")
            reported += all(isinstance(report.get(kind), dict) and report[kind].get("batchId") == batch for kind in KINDS)
        except (OSError, ValueError):
            pass
    check(reported == n, f"{reported}/{n} reports hold a drift, performance and fairness result")
    history = {}
    for model, batch, kind, count in psql_rows(psql, "select model_id, batch_id, kind, count(*) from alert.results "
                                                     "group by 1, 2, 3"):
        history[(model, batch, kind)] = int(count)
    single = sum(all(history.get((m, b, k)) == 1 for k in KINDS) for m, b in wanted)
    check(single == n, f"{single}/{n} have exactly one stored result per kind in the alert history")
    for kind in KINDS:
        rows = {(m, b): int(c) for m, b, c in psql_rows(psql, f"select model_id, batch_id, count(*) from {kind}.results "
                                                                "group by 1, 2")}
        dup = psql_rows(psql, f"select count(*) from (select 1 from {kind}.results group by model_id, batch_id, revision "
                              "having count(*) > 1) d")[0][0]
        exact = sum(rows.get(k) == 1 for k in wanted)
        check(exact == n and dup == "0",
              f"{kind}-service results table: {exact}/{n} batches with exactly one row, {dup} duplicate (model, batch, revision)")


def describe(path):
    """ConsumerGroupCommand --describe output -> {(group, topic, partition): (current, end, lag, consumer)}."""
    rows = {}
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) >= 6 and p[2].isdigit():
                rows[(p[0], p[1], int(p[2]))] = (p[3], p[4], p[5], p[6] if len(p) > 6 else "-")
    return rows


def held(a, b, group, topic, need_lag):
    before = {k[2]: v for k, v in describe(a).items() if k[0] == group and k[1] == topic}
    after = {k[2]: v for k, v in describe(b).items() if k[0] == group and k[1] == topic}
    moved = [p for p in after if p in before and after[p][0] != before[p][0]]
    lag = sum(int(v[2]) for v in after.values() if v[2].isdigit())
    grew = sum(int(v[1]) for v in after.values() if v[1].isdigit()) - sum(
        int(v[1]) for v in before.values() if v[1].isdigit())
    ok = bool(after) and not moved and (lag > 0 or not need_lag)
    check(ok, f"{group} committed offsets on {topic} held while the database is down "
              f"(moved: {moved or 'none'}, lag {lag}, {grew} new records meanwhile)")


def owners(path, group, topic):
    """Prints how many members own partitions, and the records not yet committed (work in flight)."""
    rows = [v for k, v in describe(path).items() if k[0] == group and k[1] == topic]
    members = {v[3] for v in rows if v[3] != "-"}
    print(len(members), sum(int(v[2]) for v in rows if v[2].isdigit()))


def dlq(path):
    """ConsoleConsumer output with print.offset and print.headers: 'Offset:N<TAB>headers' per record
    (a header value may span lines, so records are split on the offset marks)."""
    want_batches, want_results = int(arg("--poison-batches")), int(arg("--poison-results"))
    with open(path) as f:
        text = f.read()
    records = re.split(r"(?m)^Offset:\d+\t", text)[1:]
    # The poison values start with "this": a crash can dead-letter them again (at least once).
    poison = [r for r in records if "token 'this'" in r]
    topics = {}
    reasons = 0
    for r in poison:
        topic = re.search(r"dead-letter-topic:([^,\t\n]*)", r)
        topic = topic.group(1) if topic else "?"
        topics[topic] = topics.get(topic, 0) + 1
        reasons += "dead-letter-reason:" in r
    check(topics.get("monitoring.batches", 0) >= want_batches and topics.get("monitoring.results", 0) >= want_results
          and reasons == len(poison),
          f"poison records dead-lettered with a reason header ({topics.get('monitoring.batches', 0)} from "
          f"monitoring.batches, want {want_batches}; {topics.get('monitoring.results', 0)} from monitoring.results, "
          f"want {want_results})")
    others = [r for r in records if r not in poison]
    check(not others, f"nothing else was dead-lettered by the faults ({len(records)} DLQ records in all, "
                      f"{len(others)} not poison)")
    if others:
        for r in others[:10]:
            print("INFO dlq: " + " ".join(r.split())[:300])


def receiver(port, log):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            line = json.dumps({"delivery": self.headers.get("X-Delivery-Id"), "event": self.headers.get("X-Alert-Event-Id"),
                               "attempt": self.headers.get("X-Delivery-Attempt"), "at": time.time()})
            with open(log, "a") as f:
                f.write(line + "\n")
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    ThreadingHTTPServer(("127.0.0.1", port), Hook).serve_forever()


def alert_events(path):
    """ConsoleConsumer output of monitoring.alerts, one JSON value per line."""
    events = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                events.append(json.loads(line))
    return events


def alerts(dump, log):
    psql, want = arg("--psql").split(), int(arg("--min-events", "1"))
    # Only the phase's models: an earlier phase's database outage may legitimately publish an event twice
    # (sent, then the delete of its outbox row failed), which consumers recognise by eventId.
    models = set(arg("--models", "").split(","))
    events = [e for e in alert_events(dump) if e.get("modelId") in models]
    ids = [e.get("eventId") for e in events]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    left = psql_rows(psql, "select count(*) from alert.outbox")[0][0]
    check(len(events) >= want and not twice and left == "0",
          f"each alert event on monitoring.alerts exactly once ({len(events)} events, {len(twice)} published twice, "
          f"{left} left in the outbox, want at least {want} events)")
    for i in twice[:5]:
        print(f"INFO published twice: {i}")
    # Suppressed (the budget's duplicates), held and digested rows never go out on their own.
    rows = psql_rows(psql, "select d.id, d.status from alert.webhook_deliveries d join alert.notification_channels c "
                           f"on c.id = d.channel_id where c.url like '%:{arg('--receiver-port')}/%' "
                           "and d.status not in ('suppressed', 'held', 'digested')")
    with open(log) as f:
        got = [json.loads(line)["delivery"] for line in f if line.strip()]
    delivered = {r[0] for r in rows if r[1] == "delivered"}
    pending = [r for r in rows if r[1] != "delivered"]
    dup = sorted({d for d in got if got.count(d) > 1})
    check(rows and not pending and not dup and set(got) == delivered,
          f"the webhook receiver got each delivery exactly once ({len(rows)} deliveries, {len(pending)} not delivered, "
          f"{len(got)} requests received, {len(dup)} received twice, {len(set(got) - delivered)} unknown, "
          f"{len(delivered - set(got))} never received)")
    known = set(ids)
    with open(log) as f:
        named = [json.loads(line)["event"] for line in f if line.strip()]
    missing = [e for e in named if e and e not in known]  # a digest names no single event
    check(not missing, f"every webhook names an alert event that is on monitoring.alerts ({len(missing)} do not)")


def main():
    cmd = sys.argv[1]
    if cmd == "models":
        models(int(sys.argv[2]))
    elif cmd == "producers":
        logs, rest = [], iter(sys.argv[2:])
        for a in rest:
            if a.startswith("--"):
                next(rest)
            else:
                logs.append(a)
        producers(logs)
    elif cmd == "analysed":
        analysed(sys.argv[2])
    elif cmd == "held":
        held(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], "--need-lag" in sys.argv)
    elif cmd == "owners":
        owners(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "dlq":
        dlq(sys.argv[2])
    elif cmd == "receiver":
        receiver(int(sys.argv[2]), sys.argv[3])
    elif cmd == "alerts":
        alerts(sys.argv[2], sys.argv[3])
    else:
        sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
