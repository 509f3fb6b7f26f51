#!/usr/bin/env python3
"""Python baseline for FairnessBench: the same computation with pandas / statsmodels / scipy.

Run FairnessBench first (it writes /tmp/fairness_bench/{sex.i32, age.f64, pred.u8, label.i8},
raw little-endian), then:  /usr/bin/python3 fairness-service/src/test/python/bench_baseline.py [dir]
Times group naming, bucketing, crossing, all figures of fairness_reference.py for sex, age and
sex|age, and the explanations; prints the median of 5 runs after one warm-up run.
"""
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fairness_reference as ref  # noqa: E402

SEX = ["female", "male", "non-binary"]
AGE_EDGES = [25, 35, 50]


def run(sex_codes, age, pred, label):
    sex = np.array(SEX + [ref.MISSING], dtype=object)[np.where(sex_codes < 0, len(SEX), sex_codes)]
    age_band = ref.bucket_names(age, AGE_EDGES)
    names = {"sex": sex, "age": age_band, "sex|age": ref.cross_names(sex, age_band)}
    privileged = {"sex": "male"}
    report = [ref.attribute_fairness(n, g, pred, label, 30, privileged.get(n)) for n, g in names.items()]
    for a in report:
        ref.explain(a, "Approval rate")
        ref.explain_equal_opportunity(a)
    return report


def main():
    d = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/fairness_bench")
    if not (d / "sex.i32").exists():
        sys.exit(f"{d}/sex.i32 not found: run FairnessBench first")
    sex = np.fromfile(d / "sex.i32", dtype="<i4")
    age = np.fromfile(d / "age.f64", dtype="<f8")
    pred = np.fromfile(d / "pred.u8", dtype=np.uint8).astype(bool)
    label = np.fromfile(d / "label.i8", dtype=np.int8)
    report = run(sex, age, pred, label)
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        report = run(sex, age, pred, label)
        times.append((time.perf_counter() - t0) * 1000)
    print(f"bench_baseline (pandas {__import__('pandas').__version__}): {len(sex):,} rows, 2 attributes + "
          f"intersection, labels: median {statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f}) "
          f"over {len(times)} runs")
    for a in report:
        print(f"  {a['attribute']:<8} groups={len(a['groups'])} ref={a['referenceGroup']} "
              f"dpd={a['demographicParityDifference']:.6f} dpr={a['demographicParityRatio']:.6f} "
              f"eop={a['equalOpportunityDifference']:.6f} eodds={a['equalizedOddsDifference']:.6f}")


if __name__ == "__main__":
    main()
