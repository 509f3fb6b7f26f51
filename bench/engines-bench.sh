#!/usr/bin/env bash
# Compute benchmarks of the three metric engines (issues 3, 4, 5) on 1,000,000 rows, each next to its
# Python baseline (SciPy / scikit-learn / pandas) on the same data in the same run:
#   drift:       1M reference vs 1M production rows, 15 numeric + 5 categorical features
#   multivariate drift: PCA reconstruction, fit on 1M reference rows x 20 features + score of 1M production rows
#   full drift:  the drift service's whole computation of that batch (univariate + multivariate + 10 segments),
#                next to SciPy's univariate batch alone (and, in its output, the same computation without segments)
#   performance: 1M labelled rows with scores, all metrics + intervals + slice analysis over 20 features
#   fairness:    1M rows, two sensitive attributes and their intersection, with labels
#   multiclass:  1M rows x 5 classes, every multiclass metric, the one-vs-rest isotonic calibration and
#                the estimate
# Needs /usr/bin/python3 with python3-scipy python3-sklearn python3-pandas python3-statsmodels.
# Writes bench-results/engines.txt and prints it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench-results; mkdir -p "$OUT"; REPORT=$OUT/engines.txt
cd "$ROOT"
die() { echo "engines-bench: $*" >&2; exit 1; }
for m in scipy sklearn pandas statsmodels; do
  /usr/bin/python3 -c "import $m" 2>/dev/null \
    || die "Python module $m is missing: apt-get install python3-scipy python3-sklearn python3-pandas python3-statsmodels"
done
# One reactor run compiles the engines with the modules they depend on and writes each module's test
# classpath: the reactor resolves its own modules from their target folders, so nothing has to be
# installed in ~/.m2 first (a fresh clone has none of them there).
log=$OUT/engines-build.log
./mvnw -B -pl drift-service,performance-service,fairness-service -am test-compile dependency:build-classpath \
  -DskipTests -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp > "$log" 2>&1 \
  || { tail -40 "$log" >&2; die "the build failed (full log: $log)"; }
: > "$REPORT"
run() { # module bench-class python-script label java-pattern python-pattern [java-and-python-args]
  local module=$1 cls=$2 py=$3 label=$4 jpat=$5 ppat=$6 args=${7:-}
  local java_out py_out
  # shellcheck disable=SC2086
  java_out=$(java -Xmx2g -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.cp")" "$cls" $args) \
    || die "$cls failed"
  # shellcheck disable=SC2086
  py_out=$(/usr/bin/python3 "$module/src/test/python/$py" $args) || die "$py failed"
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
run drift-service io.modeltrust.drift.multivariate.MultivariateBench bench_multivariate.py \
  "multivariate drift, PCA reconstruction fit + score (1M x 1M rows, 20 features)" "^multivariate total" "^sklearn multivariate total"
run drift-service io.modeltrust.drift.stats.FullDriftBench bench_baseline.py \
  "full drift computation, univariate + multivariate + 10 segments (1M x 1M rows, 20 features)" "^full drift total" "scipy batch"
run performance-service io.modeltrust.performance.metrics.PerformanceBench bench_baseline.py "performance, batch side total" \
  "TOTAL batch side" "TOTAL batch side"
run fairness-service io.modeltrust.fairness.metrics.FairnessBench bench_baseline.py "fairness, all figures" \
  "FairnessBench:" "bench_baseline"
run performance-service io.modeltrust.performance.metrics.MulticlassBench bench_multiclass.py \
  "performance, multiclass 1M rows x 5 classes: every metric + calibration + estimate" "^TOTAL" "^TOTAL" "${MULTICLASS_ROWS:-}"
echo "report written to $REPORT"
