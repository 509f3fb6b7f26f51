#!/usr/bin/python3
"""Golden fixture for the moving reference (docs/metrics.md "Moving reference: the previous batches").

Run from the repository root with the Debian SciPy stack:

    /usr/bin/python3 drift-service/src/test/python/generate_window_fixtures.py

The previous batches of a model, pooled, are the reference R of every drift statistic: R is the
concatenation of their rows. This writes three previous batches and a current one (numbers rounded to
4 decimals and written inline, a missing value as null; categories as codes into each batch's own
dictionary) and the statistics of the current batch against the pooled R, from the same reference
calls as generate_fixtures.py (scipy 1.10 ks_2samp, chi2_contingency, jensenshannon,
wasserstein_distance; numpy quantile and searchsorted; statsmodels multipletests fdr_bh). The Java test
(io.modeltrust.drift.stats.WindowFixtureTest) keeps each batch as the service does, pools them and compares.
"""
import json
import os
import sys

import numpy as np
from statsmodels.stats.multitest import multipletests

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate_fixtures as gf  # noqa: E402  (the shared reference calls)

ALPHA = 0.05
PSI_THRESHOLD = 0.1


def batch(rng, rows, loc, dictionary, probs, missing_every=0):
    x = np.round(rng.normal(loc, 1.0, rows), 4)
    if missing_every:
        x[missing_every - 1::missing_every] = np.nan
    c = rng.choice(len(dictionary), size=rows, p=probs)
    steady = np.round(rng.normal(0.0, 1.0, rows), 4)
    return {"x": x, "steady": steady, "dictionary": dictionary, "c": c}


def as_json(b):
    return {"x": [None if np.isnan(v) else float(v) for v in b["x"]],
            "steady": [float(v) for v in b["steady"]],
            "dictionary": b["dictionary"], "c": [int(v) for v in b["c"]]}


def pooled_categorical(batches):
    """The pooled batches' categories as one dictionary (first appearance) and codes into it."""
    dictionary, codes = [], []
    for b in batches:
        for code in b["c"]:
            s = b["dictionary"][code]
            if s not in dictionary:
                dictionary.append(s)
            codes.append(dictionary.index(s))
    return dictionary, codes


def case():
    rng = np.random.default_rng(20261203)
    previous = [batch(rng, 150, 0.0, ["a", "b", "c"], [0.5, 0.3, 0.2], missing_every=25),
                batch(rng, 220, 0.1, ["c", "a", "b", "d"], [0.2, 0.45, 0.3, 0.05]),
                batch(rng, 130, 0.0, ["b", "a", "c"], [0.3, 0.5, 0.2])]
    current = batch(rng, 240, 0.8, ["b", "a", "e", "c"], [0.3, 0.2, 0.3, 0.2], missing_every=40)
    r_x = np.concatenate([b["x"] for b in previous])
    r_steady = np.concatenate([b["steady"] for b in previous])
    ref_dict, ref_codes = pooled_categorical(previous)
    features = {
        "x": gf.numeric_expected(r_x, current["x"]),
        "steady": gf.numeric_expected(r_steady, current["steady"]),
        "c": gf.categorical_expected(ref_dict, ref_codes, current["dictionary"], list(current["c"])),
    }
    p = [features["x"]["ksPValue"], features["steady"]["ksPValue"], features["c"]["chi2PValue"]]
    adjusted = multipletests(p, method="fdr_bh")[1]
    for (name, exp), adj in zip(features.items(), adjusted):
        exp["adjustedPValue"] = float(adj)
        exp["drifted"] = bool(adj < ALPHA and exp["psi"] >= PSI_THRESHOLD)
    return {"previous": [as_json(b) for b in previous], "current": as_json(current),
            "pooledRows": int(sum(len(b["x"]) for b in previous)), "expected": features}


def main():
    os.makedirs(gf.OUT, exist_ok=True)
    path = os.path.join(gf.OUT, "drift_window.json")
    payload = {"generatedBy": "drift-service/src/test/python/generate_window_fixtures.py",
               "scipy": gf.scipy.__version__, "numpy": np.__version__, **case()}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(payload, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", os.path.relpath(path, gf.REPO_ROOT), file=sys.stderr)


if __name__ == "__main__":
    main()
