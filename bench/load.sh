#!/usr/bin/env bash
# Load test (issue 9): starts the platform on its own broker (49092), ports (4808x) and database,
# then runs bench/load_test.py: 16 producers post 2,000-row batches for 120 s in a closed loop while
# two readers query the history API; waits until every 202 has its three results in the history.
# Passes on zero lost batches, zero 5xx and zero hangs; reports p50/p95/p99 POST latency.
# Knobs: LOAD_PRODUCERS (16), LOAD_SECONDS (120), LOAD_ROWS (2000), LOAD_DRAIN (600 s at most).
# Writes bench-results/load.txt.
set -euo pipefail
export MT_RUN_DIR=$(cd "$(dirname "$0")/.." && pwd)/.run/load
export KAFKA_PORT=${LOAD_KAFKA_PORT:-49092} KAFKA_CONTROLLER_PORT=${LOAD_KAFKA_CONTROLLER_PORT:-49093}
export PG_DB=${LOAD_PG_DB:-monitoring_load} PORT_BASE=${LOAD_PORT_BASE:-48080}
source "$(dirname "$0")/../deploy/local/lib.sh"
OUT=$ROOT/bench-results; mkdir -p "$OUT"; DATA=$MT_RUN_DIR/data; mkdir -p "$DATA"
ROWS=${LOAD_ROWS:-2000}
stop_all; rm -rf "$RUN_DIR/kafka"; trap stop_all EXIT
start_kafka; ensure_postgres --fresh; build_services
[ -f "$DATA/batch-$ROWS.csv" ] || /usr/bin/python3 "$ROOT/bench/gen_full_csv.py" "$ROWS" "$DATA/batch-$ROWS.csv" "$DATA/spec.json" 0.3 b
[ -f "$DATA/ref.csv" ] || /usr/bin/python3 "$ROOT/bench/gen_full_csv.py" 20000 "$DATA/ref.csv" "$DATA/spec.json" 0 ref
cp "$DATA/batch-$ROWS.csv" "$DATA/batch.csv"
for entry in $(built_services); do start_service "${entry%%:*}" "${entry##*:}"; done
for entry in $(built_services); do wait_ready "${entry%%:*}" "${entry##*:}"; done
/usr/bin/python3 "$ROOT/bench/load_test.py" "http://127.0.0.1:$((PORT_BASE + 1))" "http://127.0.0.1:$((PORT_BASE + 5))" \
  "$DATA" "${LOAD_PRODUCERS:-16}" "${LOAD_SECONDS:-120}" "${LOAD_DRAIN:-600}" | tee "$OUT/load.txt"
