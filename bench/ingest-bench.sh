#!/usr/bin/env bash
# Ingest benchmark (issue 2): a 1,000,000-row x 20-column CSV POSTed to ingest-service running with a
# 512 MB heap, timed from the first byte to the 202 (curl time_total), median of 3 after one warm-up;
# and, in the same run on the same broker, Kafka's own ProducerPerformance writing the same number of
# bytes the batch took on the topic. Uses its own broker (29092), ports (2808x) and database.
# Writes bench-results/ingest.txt and prints it.
set -euo pipefail
ROWS=${ROWS:-1000000}
export MT_RUN_DIR=$(cd "$(dirname "$0")/.." && pwd)/.run/bench
export KAFKA_PORT=29092 KAFKA_CONTROLLER_PORT=29093 PG_DB=monitoring_bench PORT_BASE=28080
source "$(dirname "$0")/../deploy/local/lib.sh"
OUT=$ROOT/bench-results; mkdir -p "$OUT"; DATA=$MT_RUN_DIR/data; mkdir -p "$DATA"
stop_all; rm -rf "$RUN_DIR/kafka"; trap stop_all EXIT
start_kafka; ensure_postgres --fresh
[ -f "$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl ingest-service -am)
[ -f "$DATA/wide-$ROWS.csv" ] || /usr/bin/python3 "$ROOT/bench/gen_wide_csv.py" "$ROWS" "$DATA/wide-$ROWS.csv" "$DATA/spec.json"
/usr/bin/python3 "$ROOT/bench/gen_wide_csv.py" 20000 "$DATA/ref.csv" "$DATA/spec.json"
MT_SERVICE_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC" start_service ingest-service 28081
wait_ready ingest-service 28081
URL=http://127.0.0.1:28081/api/v1/models/wide
curl -sf -X PUT -H 'Content-Type: application/json' --data-binary @"$DATA/spec.json" "$URL" >/dev/null
curl -sf -H 'Content-Type: text/csv' --data-binary @"$DATA/ref.csv" "$URL/reference" >/dev/null
topic_bytes() { du -sb "$RUN_DIR"/kafka/data/monitoring.batches-* | awk '{s+=$1} END {print s}'; }
post() { curl -s -o "$DATA/reply.json" -w '%{http_code} %{time_total}' -H 'Content-Type: text/csv' --data-binary @"$DATA/wide-$ROWS.csv" "$URL/batches"; }
post >/dev/null   # warm-up
before=$(topic_bytes)
times=()
for i in 1 2 3; do
  read -r code secs < <(post; echo) || true
  [ "$code" = 202 ] || die "ingest answered $code: $(cat "$DATA/reply.json")"
  times+=("$secs")
done
after=$(topic_bytes)
batch_bytes=$(( (after - before) / 3 ))
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
rss_kb=$(ps -o rss= -p "$(cat "$RUN_DIR/pids/ingest-service.pid")")
heap_used=$(curl -s http://127.0.0.1:28081/q/metrics | awk '/^jvm_memory_used_bytes/ && /area="heap"/ {s+=$NF} END {printf "%d", s/1048576}')
csv_bytes=$(stat -c %s "$DATA/wide-$ROWS.csv")
# Kafka's own producer on the same broker: the same bytes, in 1 MB records, acks=all.
record=1000000
records=$(( batch_bytes / record + 1 ))
pp=$(kafka_java org.apache.kafka.tools.ProducerPerformance --topic monitoring.dlq --num-records "$records" \
  --record-size "$record" --throughput -1 --producer-props bootstrap.servers=127.0.0.1:$KAFKA_PORT acks=all \
  max.request.size=16777216 batch.size=1048576 linger.ms=2 2>/dev/null | tail -1)
pp_mb_s=$(sed -E 's/.*\(([0-9.]+) MB\/sec\).*/\1/' <<<"$pp")
awk -v rows="$ROWS" -v t="$median" -v tb="$batch_bytes" -v csv="$csv_bytes" -v pp="$pp_mb_s" -v rss="$rss_kb" -v heap="$heap_used" -v times="${times[*]}" 'BEGIN {
  ingest_mb = tb / 1048576 / t;
  printf "Ingest benchmark: %d rows x 20 columns CSV (%.0f MB), ingest-service capped at -Xmx512m (heap in use after the run: %d MB)\n", rows, csv/1048576, heap;
  printf "  POST to 202, three runs: %s s (median %.3f s)\n", times, t;
  printf "  ingest throughput:      %.0f rows/s (target >= 250,000), %.1f MB/s of CSV, %.1f MB/s onto the topic (%.1f MB per batch)\n", rows/t, csv/1048576/t, ingest_mb, tb/1048576;
  printf "  baseline ProducerPerformance, same bytes, same broker: %.1f MB/s\n", pp;
  printf "  ratio ingest / producer ceiling (topic bytes per second): %.2f\n", ingest_mb / pp;
  printf "  ingest-service RSS after the run: %d MB\n", rss/1024;
}' | tee "$OUT/ingest.txt"
echo "  ProducerPerformance: $pp" | tee -a "$OUT/ingest.txt"
