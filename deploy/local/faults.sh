#!/usr/bin/env bash
# Fault suite (issue 9), on its own broker (39092), ports (3808x) and database:
#  1. kill -9 of each metric service while a large batch is in flight, then restart: the batch ends with
#     exactly one effective result per service in the history (nothing lost, nothing doubled);
#  2. the broker stopped while a producer posts: ingest answers 503 promptly, and after the broker is
#     back a new post is accepted and analysed.
# Prints one PASS/FAIL line per check and "N passed, M failed"; exits non-zero on a failure.
set -uo pipefail
export MT_RUN_DIR=$(cd "$(dirname "$0")/../.." && pwd)/.run/faults
export KAFKA_PORT=39092 KAFKA_CONTROLLER_PORT=39093 PG_DB=monitoring_faults PORT_BASE=38080
source "$(dirname "$0")/lib.sh"
ROWS=${FAULT_ROWS:-300000}
passed=0; failed=0
check() { if [ "$2" = 0 ]; then echo "  PASS $1"; passed=$((passed + 1)); else echo "  FAIL $1"; failed=$((failed + 1)); fi; }
stop_all; rm -rf "$RUN_DIR/kafka"; trap stop_all EXIT
start_kafka; ensure_postgres --fresh; build_services
for entry in $(built_services); do start_service "${entry%%:*}" "${entry##*:}"; done
for entry in $(built_services); do wait_ready "${entry%%:*}" "${entry##*:}"; done
DATA=$RUN_DIR/data; mkdir -p "$DATA"
[ -f "$DATA/batch.csv" ] || /usr/bin/python3 "$ROOT/bench/gen_full_csv.py" "$ROWS" "$DATA/batch.csv" "$DATA/spec.json" 1 f
[ -f "$DATA/ref.csv" ] || /usr/bin/python3 "$ROOT/bench/gen_full_csv.py" 50000 "$DATA/ref.csv" "$DATA/spec.json" 0 ref
INGEST=http://127.0.0.1:$((PORT_BASE + 1)); ALERTS=http://127.0.0.1:$((PORT_BASE + 5))
curl -sf -X PUT -H 'Content-Type: application/json' --data-binary @"$DATA/spec.json" "$INGEST/api/v1/models/faults" >/dev/null
curl -sf -H 'Content-Type: text/csv' --data-binary @"$DATA/ref.csv" "$INGEST/api/v1/models/faults/reference" >/dev/null
sleep 5

report_kinds() { # batchId -> "drift performance fairness" present in the alert-service history
  curl -s "$ALERTS/api/v1/models/faults/batches/$1/report" | /usr/bin/python3 -c '
import json, sys
r = json.load(sys.stdin)
print(" ".join(k for k in ("drift", "performance", "fairness") if isinstance(r.get(k), dict)))' 2>/dev/null
}
history_count() { # how many times the batch appears in the batch list of the history API
  curl -s "$ALERTS/api/v1/models/faults/batches?limit=1000" | /usr/bin/python3 -c '
import json, sys
b = json.load(sys.stdin); b = b if isinstance(b, list) else b.get("items", b.get("batches", []))
print(sum(1 for x in b if x.get("batchId") == sys.argv[1]))' "$1" 2>/dev/null
}

for svc in drift-service performance-service fairness-service; do
  port=$(built_services | grep "^$svc:" | cut -d: -f2)
  [ -n "$port" ] || { check "$svc exists" 1; continue; }
  batch=$(curl -s -H 'Content-Type: text/csv' --data-binary @"$DATA/batch.csv" "$INGEST/api/v1/models/faults/batches" \
    | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["batchId"])')
  sleep 1.5
  victim=$(cat "$RUN_DIR/pids/$svc.pid")
  kill -9 "$victim"; rm -f "$RUN_DIR/pids/$svc.pid"
  for _ in $(seq 1 40); do kill -0 "$victim" 2>/dev/null || port_open 127.0.0.1 "$port" || break; sleep 0.25; done
  wait "$victim" 2>/dev/null || true
  log "killed $svc with batch $batch in flight; restarting"
  start_service "$svc" "$port"; wait_ready "$svc" "$port"
  want="drift performance fairness"; got=""
  for _ in $(seq 1 90); do got=$(report_kinds "$batch"); [ "$got" = "$want" ] && break; sleep 2; done
  check "kill -9 $svc mid-batch: batch analysed by every service after the restart ($got)" "$([ "$got" = "$want" ]; echo $?)"
  check "kill -9 $svc mid-batch: the batch is in the history once" "$([ "$(history_count "$batch")" = 1 ]; echo $?)"
done

kafka_pid=$(cat "$RUN_DIR/pids/kafka.pid")
kill "$kafka_pid"; for _ in $(seq 1 60); do kill -0 "$kafka_pid" 2>/dev/null || break; sleep 0.5; done
rm -f "$RUN_DIR/pids/kafka.pid"
start=$(date +%s%N)
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 -H 'Content-Type: text/csv' --data-binary @"$DATA/ref.csv" \
  "$INGEST/api/v1/models/faults/batches")
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "broker down: ingest answers 503 (got $code in $ms ms)" "$([ "$code" = 503 ] && [ "$ms" -lt 30000 ]; echo $?)"
start_kafka
sleep 3
batch=$(curl -s -H 'Content-Type: text/csv' --data-binary @"$DATA/ref.csv" "$INGEST/api/v1/models/faults/batches" \
  | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin).get("batchId",""))')
got=""
for _ in $(seq 1 90); do got=$(report_kinds "$batch"); [ "$got" = "drift performance fairness" ] && break; sleep 2; done
check "broker back: the next batch is accepted and analysed ($got)" "$([ "$got" = "drift performance fairness" ]; echo $?)"

echo "faults: $passed passed, $failed failed"
[ "$failed" = 0 ]
