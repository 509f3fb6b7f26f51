#!/usr/bin/python3
"""Golden percentiles for io.modeltrust.performance.metrics.Percentiles (the 2.5th and 97.5th percentile of the
bootstrap's resample statistics in RegressionBootstrap).

Run from the repo root:  /usr/bin/python3 performance-service/src/test/python/generate_percentile_fixtures.py
Needs numpy 1.24 (numpy.percentile, default method "linear"). Deterministic (seeded).

Writes performance-service/src/test/resources/fixtures/performance-percentiles.json: for each case the values
(unsorted, as numpy takes them) and numpy.percentile of them at each percent. The Java test expects the
identical double: Percentiles.linear repeats numpy's operations.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "resources", "fixtures", "performance-percentiles.json"))
PERCENTS = [0.0, 2.5, 5.0, 25.0, 33.3, 50.0, 66.7, 75.0, 95.0, 97.5, 100.0]


def main():
    rng = np.random.default_rng(20261202)
    # 1000 resample MAEs of a batch, the service's case; then shapes that exercise the interpolation ends.
    values = {
        "resample_mae_1000": rng.normal(3.3, 0.08, 1000),
        "resample_rmse_skewed_1000": np.sqrt(rng.chisquare(40, 1000) / 40) * 4.1,
        "resamples_999": rng.lognormal(0, 1, 999),
        "resamples_2001": rng.normal(0, 1, 2001),
        "ties": np.repeat([0.5, 0.5, 1.0, 2.0, 2.0, 2.0, 7.0], 3).astype(float),
        "negative_and_large": np.concatenate([rng.normal(-1e6, 3, 40), rng.normal(1e9, 1, 41)]),
        "two": np.array([1.0, 3.0]),
        "three": np.array([0.1, 0.7, 0.2]),
        "one": np.array([4.25]),
        "all_equal": np.full(50, 0.1),
    }
    cases = []
    for name, v in values.items():
        cases.append({"name": name, "values": [float(x) for x in v], "percents": PERCENTS,
                      "expected": [float(np.percentile(v, p)) for p in PERCENTS]})
    with open(OUT, "w") as fh:
        json.dump({"meta": {"numpy": np.__version__, "method": "linear"}, "cases": cases}, fh,
                  allow_nan=False, separators=(",", ":"))
        fh.write("\n")
    print("wrote", os.path.relpath(OUT))


if __name__ == "__main__":
    main()
