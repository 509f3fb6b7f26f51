#!/usr/bin/env bash
# Fault suite (issue 9), on its own broker (21092), ports (38081-38099, odd), database
# monitoring_faults on a private PostgreSQL cluster (21432) that it may stop. Checks (docs/operations.md):
#  poison    a garbage record on monitoring.batches and on monitoring.results lands in monitoring.dlq
#            with a reason header, and processing goes on (every later check posts behind them);
#  kill      kill -9 of drift, performance and fairness while a large batch is in flight, then restart:
#            the batch ends with exactly one result of each kind, in the history once;
#  broker    the broker stopped for 30 s while 4 producers post: every answer is 202 or 503, the 503s
#            within the publish timeout, none hangs; every 202 batch is analysed once after it is back;
#  database  PostgreSQL stopped for 30 s while producers post: ingest and the read APIs answer 503
#            (not 500), every service reports not ready, no consumer group commits past unfinished
#            work; after it is back every 202 batch is analysed once;
#  rebalance while batches of six models (one per partition) stream in, a second instance of each
#            metric service joins, shares the partitions, and stops again: every batch analysed
#            once, no duplicate rows;
#  alerts    two alert-service instances on one database and consumer group while batches of new models
#            stream in, one killed with kill -9 mid-stream: every alert event is on monitoring.alerts
#            exactly once and a local webhook receiver gets every delivery exactly once;
#  deletion  a model deleted while fairness-service is stopped: ingest answers 202, the running services
#            drop the model within 60 s, and once fairness-service is back its data of the model goes too;
#  and at the end nothing but the poison records was dead-lettered.
# FAULT_PHASES selects phases (default all), FAULT_ROWS the large batch size (200000);
# FAULT_PORT_BASE, FAULT_KAFKA_PORT, FAULT_PG_PORT move it elsewhere.
# Prints one PASS/FAIL line per check and "N passed, M failed"; exits non-zero on a failure.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
export MT_RUN_DIR=$(cd "$HERE/../.." && pwd)/.run/faults
export KAFKA_PORT=${FAULT_KAFKA_PORT:-21092} KAFKA_CONTROLLER_PORT=${FAULT_KAFKA_CONTROLLER_PORT:-21093}
export PG_DB=monitoring_faults PG_HOST=127.0.0.1 PG_PORT=${FAULT_PG_PORT:-21432}
# Odd ports only: Linux hands outgoing connections even ephemeral ports (32768-60999 here), and a
# Kafka or JDBC connection that happens to hold a service's port makes that service fail to bind.
FB=${FAULT_PORT_BASE:-38080}
export MT_SERVICES="ingest-service:$((FB + 1)) drift-service:$((FB + 3)) performance-service:$((FB + 5)) fairness-service:$((FB + 11)) alert-service:$((FB + 13))"
second() { case $1 in drift-service) echo $((FB + 15)) ;; performance-service) echo $((FB + 17)) ;; fairness-service) echo $((FB + 19)) ;; esac; }
export MT_READY_SECONDS=${MT_READY_SECONDS:-180} # several JVMs start at once on 2 cores
source "$HERE/lib.sh"
ROWS=${FAULT_ROWS:-200000}
OUTAGE=${FAULT_OUTAGE_SECONDS:-30}
PHASES=" ${FAULT_PHASES:-kill broker database rebalance alerts deletion} "
METRIC_SERVICES="drift-service performance-service fairness-service"
CHECKER=(/usr/bin/python3 "$HERE/tools/faults_check.py")
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -d $PG_DB -q"
INGEST=http://127.0.0.1:$((FB + 1)); ALERTS=http://127.0.0.1:$((FB + 13))
BS=127.0.0.1:$KAFKA_PORT
passed=0; failed=0; PRODUCERS=()
suite_started=$(date +%s)

check() { if [ "$2" = 0 ]; then echo "  PASS $1"; passed=$((passed + 1)); else echo "  FAIL $1"; failed=$((failed + 1)); fi; }
checks() { # prefix; reads the checker's "CHECK rc text" lines from stdin
  local line
  while IFS= read -r line; do
    case $line in
      "CHECK "*) check "$1: ${line:8}" "${line:6:1}" ;;
      *) log "$1: ${line#INFO }" ;;
    esac
  done
}
phase() { log "=== $1 ($(( $(date +%s) - suite_started )) s into the suite)"; }
now_ms() { date +%s%3N; }
port_of() { built_services | grep "^$1:" | cut -d: -f2; }
sql() { $PSQL -At -F $'\t' -c "$1" 2>/dev/null; }
ready_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$1/q/health/ready"; }

post() { # model file -> "code batchId elapsed_ms retry_after"
  local t0 hdr body code id ra
  t0=$(now_ms); hdr=$(mktemp); body=$(mktemp)
  code=$(curl -s -o "$body" -D "$hdr" -w '%{http_code}' --max-time 40 -H 'Content-Type: text/csv' \
    --data-binary @"$2" "$INGEST/api/v1/models/$1/batches")
  id=$(grep -o '"batchId":"[^"]*"' "$body" | head -1 | cut -d'"' -f4)
  ra=$(grep -i '^retry-after:' "$hdr" | tr -d '\r' | awk '{print $2}')
  rm -f "$hdr" "$body"
  echo "$code ${id:--} $(( $(now_ms) - t0 )) ${ra:--}"
}
producer() { # model file until_epoch pause log: posts until the deadline or finish_producers
  while [ "$(date +%s)" -lt "$3" ] && [ ! -e "$OUT/producers.stop" ]; do
    local t0; t0=$(now_ms)
    read -r code id ms ra < <(post "$1" "$2")
    echo "$t0 $code $ms $1 $id $ra" >> "$5"
    sleep "$4"
  done
}
start_producers() { # file until pause log-prefix model...
  local file=$1 until=$2 pause=$3 prefix=$4 m; shift 4
  for m in "$@"; do
    : > "$prefix-$m.log"
    producer "$m" "$file" "$until" "$pause" "$prefix-$m.log" &
    PRODUCERS+=($!)
  done
}
wait_producers() { local p; for p in "${PRODUCERS[@]}"; do wait "$p" 2>/dev/null; done; PRODUCERS=(); rm -f "$OUT/producers.stop"; }
finish_producers() { touch "$OUT/producers.stop"; wait_producers; } # each completes the post it is in
stop_producers() { local p; for p in "${PRODUCERS[@]}"; do kill "$p" 2>/dev/null; done; PRODUCERS=(); }
describe_groups() { # -> file with ConsumerGroupCommand --describe of every group
  kafka_java org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$BS" --describe \
    --all-groups > "$1" 2>/dev/null
}
analysed() { # prefix batches-file timeout
  checks "$1" < <("${CHECKER[@]}" analysed "$2" --alerts "$ALERTS" --psql "$PSQL" --timeout "$3")
}
produce_raw() { # topic key value: one record, as a misbehaving producer would send it
  printf '%s\t%s\n' "$2" "$3" | kafka_java org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$BS" \
    --topic "$1" --reader-property parse.key=true --reader-property key.separator=$'\t' >/dev/null 2>&1
}

# --- setup ---------------------------------------------------------------------------------------
phase setup
teardown() { # the services in parallel (each may wait 5 s for its consumer to close), then broker and database
  stop_producers
  local f stoppers=()
  for f in "$RUN_DIR"/pids/*-service*.pid; do [ -e "$f" ] && { stop_pidfile "$f" & stoppers+=($!); }; done
  for f in "${stoppers[@]}"; do wait "$f"; done
  stop_all
}
stop_all; rm -rf "$RUN_DIR/kafka"; trap teardown EXIT
start_private_postgres "$PG_PORT"; start_kafka; ensure_postgres --fresh; build_services
for entry in $(built_services); do start_service "${entry%%:*}" "${entry##*:}"; done
DATA=$RUN_DIR/data; OUT=$RUN_DIR/out; mkdir -p "$DATA"; rm -rf "$OUT"; mkdir -p "$OUT"
gen() { [ -f "$DATA/$2" ] || /usr/bin/python3 "$ROOT/bench/gen_full_csv.py" "$1" "$DATA/$2" "$DATA/spec.json" "$3" "$4"; }
gen "$ROWS" "batch-$ROWS.csv" 1 f; gen $((ROWS / 4)) "mid-$ROWS.csv" 0.5 m; gen 2000 small.csv 0.5 s; gen 20000 ref.csv 0 ref
BIG=$DATA/batch-$ROWS.csv; MID=$DATA/mid-$ROWS.csv; SMALL=$DATA/small.csv
read -r -a MODELS < <("${CHECKER[@]}" models 6) # one model per partition of monitoring.batches
for entry in $(built_services); do wait_ready "${entry%%:*}" "${entry##*:}"; done
uploads=()
for m in "${MODELS[@]}"; do
  curl -sf -X PUT -H 'Content-Type: application/json' --data-binary @"$DATA/spec.json" "$INGEST/api/v1/models/$m" >/dev/null \
    || die "could not register model $m"
  curl -sf --max-time 120 -H 'Content-Type: text/csv' --data-binary @"$DATA/ref.csv" "$INGEST/api/v1/models/$m/reference" >/dev/null &
  uploads+=($!)
done
for u in "${uploads[@]}"; do wait "$u" || die "a reference upload failed"; done
# Poison first: every batch posted later sits behind it on its partition, so the checks below show
# that processing went on. One per metric service's group on monitoring.batches, one for the alert service.
produce_raw monitoring.batches "${MODELS[0]}" "this is not a batch record"
produce_raw monitoring.results "${MODELS[0]}" "this is not a result"
log "setup done: models ${MODELS[*]}"

# --- kill -9 mid-batch ---------------------------------------------------------------------------
if [[ $PHASES == *" kill "* ]]; then
  phase "kill -9 of each metric service with a $ROWS-row batch in flight"
  read -r code batch _ < <(post "${MODELS[0]}" "$BIG")
  victims=()
  for svc in $METRIC_SERVICES; do victims+=("$(cat "$RUN_DIR/pids/$svc.pid")"); done
  kill -9 "${victims[@]}"
  for svc in $METRIC_SERVICES; do rm -f "$RUN_DIR/pids/$svc.pid"; done
  for v in "${victims[@]}"; do
    wait "$v" 2>/dev/null # reaped here, quietly (no "Killed" job notice)
    for _ in $(seq 1 40); do kill -0 "$v" 2>/dev/null || break; sleep 0.25; done
  done
  check "kill -9 mid-batch: the batch was accepted ($code)" "$([ "$code" = 202 ]; echo $?)"
  for svc in $METRIC_SERVICES; do
    stored=$(sql "select count(*) from ${svc%-service}.results where batch_id = '$batch'")
    check "kill -9 $svc: the batch was in flight (no result stored at the kill: $stored)" "$([ "$stored" = 0 ]; echo $?)"
  done
  log "killed the metric services with batch $batch in flight; restarting them"
  for svc in $METRIC_SERVICES; do start_service "$svc" "$(port_of "$svc")"; done
  for svc in $METRIC_SERVICES; do wait_ready "$svc" "$(port_of "$svc")"; done
  echo "${MODELS[0]} $batch" > "$OUT/kill.batches"
  analysed "kill -9 mid-batch, after the restart" "$OUT/kill.batches" 180
fi

# --- broker stopped ------------------------------------------------------------------------------
if [[ $PHASES == *" broker "* ]]; then
  phase "broker stopped for $OUTAGE s while 4 producers post"
  start_producers "$SMALL" $(( $(date +%s) + 600 )) 1 "$OUT/broker" "${MODELS[@]:0:4}"
  sleep 5
  down=$(now_ms); stop_pidfile "$RUN_DIR/pids/kafka.pid"
  left=$(( OUTAGE - ($(now_ms) - down) / 1000 )); [ "$left" -gt 0 ] && sleep "$left"
  start_kafka; up=$(now_ms)
  sleep 8; finish_producers
  checks "broker down" < <("${CHECKER[@]}" producers --max-503-ms 12000 --down-ms "$down" --up-ms "$up" \
    --batches "$OUT/broker.batches" "$OUT"/broker-*.log)
  analysed "broker down, after it is back" "$OUT/broker.batches" 180
fi

# --- database stopped ----------------------------------------------------------------------------
if [[ $PHASES == *" database "* ]]; then
  phase "PostgreSQL stopped for $OUTAGE s while 4 producers post"
  # A stored result, re-sent during the outage as a publisher that crashed before storing it would:
  # new records arrive while nothing can be stored, and the alert service must keep it once.
  resend=$(sql "select model_id, result_json from drift.results where model_id = '${MODELS[1]}' order by computed_at desc limit 1")
  start_producers "$SMALL" $(( $(date +%s) + 600 )) 1 "$OUT/db" "${MODELS[@]:0:4}"
  sleep 3
  read -r code batch _ < <(post "${MODELS[4]}" "$BIG") # large: likely still being analysed when the database goes
  [ "$code" = 202 ] && echo "${MODELS[4]} $batch" > "$OUT/db-big.batches"
  down=$(date +%s); stop_private_postgres
  sleep 3
  declare -A early=()
  for entry in $(built_services); do early[${entry%%:*}]=$(ready_code "${entry##*:}"); done
  reads=""; bad_reads=0 # what a dashboard or client reading results gets: 503 + Retry-After, not a 500
  for read in "$(port_of drift-service) drift" "$(port_of performance-service) performance" \
      "$(port_of fairness-service) fairness" "$(port_of alert-service) batches"; do
    c=$(curl -s -o /dev/null -D "$OUT/read.hdr" -w '%{http_code}' --max-time 10 \
      "http://127.0.0.1:${read%% *}/api/v1/models/${MODELS[1]}/${read#* }?limit=1")
    grep -qi '^retry-after:' "$OUT/read.hdr" || c="$c-without-Retry-After"
    reads+=" ${read#* }:$c"; [ "$c" = 503 ] || bad_reads=1
  done
  until_second() { local t=$(( down + $1 - $(date +%s) )); [ "$t" -gt 0 ] && sleep "$t"; }
  until_second 8; describe_groups "$OUT/groups-a.txt" # past the 5 s commit interval: what was done before is committed
  [ -n "$resend" ] && produce_raw monitoring.results "${resend%%$'\t'*}" "${resend#*$'\t'}"
  until_second $(( OUTAGE - 8 )); describe_groups "$OUT/groups-b.txt"
  readiness=""; still_ready=0 # each service's /q/health/ready status 3 s and ~22 s into the outage
  for entry in $(built_services); do
    c=$(ready_code "${entry##*:}"); readiness+=" ${entry%%:*} ${early[${entry%%:*}]}/$c"
    [ "$c" = 200 ] || [ "${early[${entry%%:*}]}" = 200 ] && still_ready=1
  done
  until_second "$OUTAGE"
  start_private_postgres "$PG_PORT"; up=$(date +%s)
  log "database was down for $(( up - down )) s"
  check "database down: every service reports not ready (readiness${readiness})" "$still_ready"
  check "database down: the read APIs answer 503 with Retry-After, not 500 ($reads )" "$bad_reads"
  checks "database down" < <("${CHECKER[@]}" held "$OUT/groups-a.txt" "$OUT/groups-b.txt" alert-service monitoring.results \
      ${resend:+--need-lag}
    for svc in $METRIC_SERVICES; do "${CHECKER[@]}" held "$OUT/groups-a.txt" "$OUT/groups-b.txt" "$svc" monitoring.batches; done)
  back=0
  for entry in $(built_services); do
    for _ in $(seq 1 120); do [ "$(ready_code "${entry##*:}")" = 200 ] && break; sleep 0.5; done
    [ "$(ready_code "${entry##*:}")" = 200 ] || { back=1; log "${entry%%:*} not ready after the database returned"; }
  done
  check "database back: every service ready again" "$back"
  sleep 5; finish_producers
  checks "database down" < <("${CHECKER[@]}" producers --max-503-ms 6000 --down-ms "${down}000" --up-ms "${up}000" \
    --batches "$OUT/db.batches" "$OUT"/db-*.log)
  cat "$OUT/db-big.batches" >> "$OUT/db.batches" 2>/dev/null
  analysed "database down, after it is back" "$OUT/db.batches" 180
fi

# --- rebalance -----------------------------------------------------------------------------------
if [[ $PHASES == *" rebalance "* ]]; then
  phase "second instances of the metric services join and leave while batches of six models stream in"
  start_producers "$MID" $(( $(date +%s) + 600 )) 4 "$OUT/rebalance" "${MODELS[@]}"
  sleep 3
  for svc in $METRIC_SERVICES; do start_service "$svc" "$(second "$svc")" "$svc-2"; done
  for svc in $METRIC_SERVICES; do wait_ready "$svc" "$(second "$svc")" "$svc-2"; done
  for _ in $(seq 1 12); do # the second members join a moment after they report ready
    describe_groups "$OUT/groups-2.txt"; members=""; lags=""
    for svc in $METRIC_SERVICES; do
      read -r n lag < <("${CHECKER[@]}" owners "$OUT/groups-2.txt" "$svc" monitoring.batches)
      members+=" $n"; lags+=" $lag"
    done
    [[ $members == " 2 2 2" ]] && break; sleep 1
  done
  read -r -a members <<<"$members"; read -r -a lags <<<"$lags"; i=0
  for svc in $METRIC_SERVICES; do
    check "rebalance: two $svc instances share the partitions of monitoring.batches (${members[$i]} members own some; ${lags[$i]} records in flight)" \
      "$([ "${members[$i]}" = 2 ]; echo $?)"; i=$((i + 1))
  done
  sleep 3
  log "stopping the second instances with batches in flight (they leave the groups)"
  stoppers=()
  for svc in $METRIC_SERVICES; do stop_pidfile "$RUN_DIR/pids/$svc-2.pid" & stoppers+=($!); done
  wait "${stoppers[@]}"
  sleep 3; finish_producers
  awk '$2 == 202 && $5 != "-" {print $4, $5}' "$OUT"/rebalance-*.log > "$OUT/rebalance.batches"
  log "rebalance: $(wc -l < "$OUT/rebalance.batches") batches of $((ROWS / 4)) rows accepted"
  analysed "rebalance mid-batch" "$OUT/rebalance.batches" 240
fi

# --- alert-service replicas --------------------------------------------------------------------
if [[ $PHASES == *" alerts "* ]]; then
  phase "two alert-service instances on one database, one killed with kill -9 while alerts flow"
  HOOK_PORT=$((FB + 23)); ALERT2=$((FB + 21))
  : > "$OUT/webhook.log"
  "${CHECKER[@]}" receiver "$HOOK_PORT" "$OUT/webhook.log" & HOOK_PID=$!
  # Short leases, so the survivor takes over what the killed instance had claimed within the phase
  # (the default 2m is for production; it must exceed publish-timeout, 30s, and twice the webhook timeout).
  export ALERT_CLAIM_LEASE=40s
  stop_pidfile "$RUN_DIR/pids/alert-service.pid"
  start_service alert-service "$(port_of alert-service)"; start_service alert-service "$ALERT2" alert-service-2
  wait_ready alert-service "$(port_of alert-service)"; wait_ready alert-service "$ALERT2" alert-service-2
  unset ALERT_CLAIM_LEASE
  curl -sf -X POST -H 'Content-Type: application/json' "$ALERTS/api/v1/notification-channels" \
    --data-binary "{\"type\": \"webhook\", \"url\": \"http://127.0.0.1:$HOOK_PORT/hook\", \"secret\": \"faults\"}" >/dev/null \
    || die "could not register the webhook receiver"
  # New models, so every batch's findings open alerts (and webhooks) rather than update old ones.
  ALERT_MODELS=(); for i in 1 2 3 4; do ALERT_MODELS+=("faults-alerts-$i"); done
  for m in "${ALERT_MODELS[@]}"; do
    curl -sf -X PUT -H 'Content-Type: application/json' --data-binary @"$DATA/spec.json" "$INGEST/api/v1/models/$m" >/dev/null \
      && curl -sf --max-time 120 -H 'Content-Type: text/csv' --data-binary @"$DATA/ref.csv" "$INGEST/api/v1/models/$m/reference" \
      >/dev/null || die "could not register model $m"
  done
  start_producers "$SMALL" $(( $(date +%s) + 600 )) 1 "$OUT/alerts" "${ALERT_MODELS[@]}"
  sleep 8
  victim=$(cat "$RUN_DIR/pids/alert-service.pid"); kill -9 "$victim"; rm -f "$RUN_DIR/pids/alert-service.pid"
  wait "$victim" 2>/dev/null
  log "killed alert-service (pid $victim) mid-stream; alert-service-2 carries on"
  sleep 10; finish_producers
  awk '$2 == 202 && $5 != "-" {print $4, $5}' "$OUT"/alerts-*.log > "$OUT/alerts.batches"
  log "alerts: $(wc -l < "$OUT/alerts.batches") batches accepted"
  ALERTS_SAVED=$ALERTS; ALERTS=http://127.0.0.1:$ALERT2
  analysed "alert-service killed mid-stream" "$OUT/alerts.batches" 240
  # The killed instance's claims lapse after the lease; then the outbox and the deliveries drain.
  for _ in $(seq 1 120); do
    left=$(sql "select (select count(*) from alert.outbox) + (select count(*) from alert.webhook_deliveries where status = 'pending')")
    [ "$left" = 0 ] && break; sleep 1
  done
  kafka_java org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BS" --topic monitoring.alerts \
    --from-beginning --timeout-ms 6000 > "$OUT/alerts-topic.txt" 2>/dev/null
  checks "alert replicas" < <("${CHECKER[@]}" alerts "$OUT/alerts-topic.txt" "$OUT/webhook.log" --psql "$PSQL" \
    --receiver-port "$HOOK_PORT" --models "$(IFS=,; echo "${ALERT_MODELS[*]}")" --min-events "${#ALERT_MODELS[@]}")
  kill "$HOOK_PID" 2>/dev/null; wait "$HOOK_PID" 2>/dev/null
  ALERTS=$ALERTS_SAVED
  start_service alert-service "$(port_of alert-service)"; wait_ready alert-service "$(port_of alert-service)"
fi

# --- deletion while a metric service is down ------------------------------------------------------
rows_of() { # schema table model -> count
  sql "select count(*) from $1.$2 where model_id = '$3'"
}
await_rows() { # schema table model want seconds: 0 when the count reached want in time
  local t
  for t in $(seq 1 $(( $5 * 2 ))); do [ "$(rows_of "$1" "$2" "$3")" = "$4" ] && return 0; sleep 0.5; done
  return 1
}
if [[ $PHASES == *" deletion "* ]]; then
  phase "a model deleted while fairness-service is stopped"
  doomed="faults-delete-$(date +%s)"
  curl -sf -X PUT -H 'Content-Type: application/json' --data-binary @"$DATA/spec.json" "$INGEST/api/v1/models/$doomed" >/dev/null \
    || die "could not register model $doomed"
  curl -sf --max-time 120 -H 'Content-Type: text/csv' --data-binary @"$DATA/ref.csv" "$INGEST/api/v1/models/$doomed/reference" \
    >/dev/null || die "could not upload the reference of $doomed"
  read -r code batch _ < <(post "$doomed" "$SMALL")
  echo "$doomed $batch" > "$OUT/deletion.batches"
  analysed "deletion: the batch before it" "$OUT/deletion.batches" 180
  fairness_pid=$(cat "$RUN_DIR/pids/fairness-service.pid")
  stop_pidfile "$RUN_DIR/pids/fairness-service.pid"
  deleted=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$INGEST/api/v1/models/$doomed")
  check "deletion: DELETE answers 202 while fairness-service (pid $fairness_pid) is stopped ($deleted)" \
    "$([ "$deleted" = 202 ]; echo $?)"
  gone=$(curl -s -o /dev/null -w '%{http_code}' "$INGEST/api/v1/models/$doomed")
  check "deletion: GET of the deleted model on ingest answers 404 ($gone)" "$([ "$gone" = 404 ]; echo $?)"
  for st in drift:results performance:results performance:pending_predictions alert:batches alert:alerts; do
    await_rows "${st%%:*}" "${st##*:}" "$doomed" 0 60
    check "deletion: ${st%%:*}.${st##*:} holds nothing of the model within 60 s ($(rows_of "${st%%:*}" "${st##*:}" "$doomed") rows)" $?
  done
  left=$(rows_of fairness results "$doomed")
  check "deletion: fairness-service, stopped, still holds its results ($left rows)" "$([ "${left:-0}" -gt 0 ]; echo $?)"
  start_service fairness-service "$(port_of fairness-service)"
  wait_ready fairness-service "$(port_of fairness-service)"
  for table in results baselines pending_predictions; do
    await_rows fairness "$table" "$doomed" 0 60
    check "deletion: once back, fairness.$table holds nothing of the model within 60 s ($(rows_of fairness "$table" "$doomed") rows)" $?
  done
  purged=$(sql "select count(*) from fairness.control_deletions where model_id = '$doomed' and purged_at is not null")
  check "deletion: fairness-service recorded the purge ($purged)" "$([ "$purged" = 1 ]; echo $?)"
  listed=$(curl -s "$ALERTS/api/v1/models/$doomed/batches" -o "$OUT/deletion-batches.json" -w '%{http_code}')
  check "deletion: alert-service lists no batch of the model ($listed $(head -c 80 "$OUT/deletion-batches.json"))" \
    "$([ "$listed" = 404 ] || [ "$(cat "$OUT/deletion-batches.json")" = "[]" ]; echo $?)"
  audit=$(curl -s "$INGEST/api/v1/audit?modelId=$doomed")
  check "deletion: the audit log names it (${audit:0:120})" "$(grep -q '"kind":"model_deleted"' <<<"$audit"; echo $?)"
fi

# --- dead letters --------------------------------------------------------------------------------
phase "dead-letter topic"
kafka_java org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BS" --topic monitoring.dlq \
  --from-beginning --timeout-ms 4000 --formatter-property print.offset=true --formatter-property print.headers=true \
  --formatter-property print.value=false > "$OUT/dlq.txt" 2>/dev/null
checks "dead letters" < <("${CHECKER[@]}" dlq "$OUT/dlq.txt" --poison-batches 3 --poison-results 1)

echo "faults: $passed passed, $failed failed in $(( $(date +%s) - suite_started )) s"
[ "$failed" = 0 ]
