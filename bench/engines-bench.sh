#!/usr/bin/env bash
# Compute benchmarks of the three metric engines (issues 3, 4, 5) on 1,000,000 rows, each next to its
# Python baseline (SciPy / scikit-learn / pandas) on the same data in the same run:
#   drift:       1M reference vs 1M production rows, 15 numeric + 5 categorical features
#   performance: 1M labelled rows with scores, all metrics + intervals + slice analysis over 20 features
#   fairness:    1M rows, two sensitive attributes and their intersection, with labels
# Needs /usr/bin/python3 with python3-scipy python3-sklearn python3-pandas python3-statsmodels.
# Writes bench-results/engines.txt and prints it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench-results; mkdir -p "$OUT"; REPORT=$OUT/engines.txt
cd "$ROOT"
./mvnw -B -q -pl shared-model,drift-service,performance-service,fairness-service -am test-compile -DskipTests
: > "$REPORT"
run() { # module bench-class python-script label java-pattern python-pattern
  local module=$1 cls=$2 py=$3 label=$4 jpat=$5 ppat=$6
  ./mvnw -B -q -pl "$module" dependency:build-classpath -Dmdep.outputFile="$OUT/$module.cp" >/dev/null
  local java_out py_out
  java_out=$(java -Xmx2g -cp "$module/target/test-classes:$module/target/classes:$(cat "$OUT/$module.cp")" "$cls")
  py_out=$(/usr/bin/python3 "$module/src/test/python/$py")
  local j p
  j=$(grep -m1 "$jpat" <<<"$java_out" | grep -oE '[0-9]+(\.[0-9]+)? ?(ms|s)\b' | head -1)
  p=$(grep -m1 "$ppat" <<<"$py_out" | grep -oE '[0-9]+(\.[0-9]+)? ?(ms|s)\b' | head -1)
  {
    echo "== $label"
    echo "-- Java ($cls):"; sed 's/^/   /' <<<"$java_out"
    echo "-- Python baseline ($py):"; sed 's/^/   /' <<<"$py_out"
    awk -v j="$j" -v p="$p" -v l="$label" 'function ms(x){ if (x ~ /ms/) { sub(/ ?ms/, "", x); return x+0 } sub(/ ?s/, "", x); return x*1000 }
      BEGIN { printf "-- %s: Java %.0f ms vs Python %.0f ms: Java takes %.3f of the baseline time (%.1fx faster)\n\n", l, ms(j), ms(p), ms(j)/ms(p), ms(p)/ms(j) }'
  } | tee -a "$REPORT"
}
run drift-service io.modeltrust.drift.stats.DriftBench bench_baseline.py "drift, batch comparison + decision" \
  "batch comparison" "scipy batch"
run performance-service io.modeltrust.performance.metrics.PerformanceBench bench_baseline.py "performance, batch side total" \
  "TOTAL batch side" "TOTAL batch side"
run fairness-service io.modeltrust.fairness.metrics.FairnessBench bench_baseline.py "fairness, all figures" \
  "FairnessBench:" "bench_baseline"
echo "report written to $REPORT"
