#!/usr/bin/env python3
"""Writes a benchmark CSV: N rows x 20 columns (15 numeric features, 4 categorical, a prediction),
and the matching model spec. Seeded; usage: gen_wide_csv.py ROWS OUT.csv SPEC.json [SHIFT]"""
import json
import sys

import numpy as np

rows, out, spec_out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
shift = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
rng = np.random.default_rng(7 if shift == 0 else 8)
cols = {}
for i in range(15):
    cols[f"n{i}"] = np.round(rng.normal(100 * (i + 1) + (shift * 10 * (i + 1) if i < 3 else 0), 10 * (i + 1), rows), 4)
cats = [["a", "b", "c", "d"], ["x", "y"], ["north", "south", "east", "west", "centre"], ["p", "q", "r"]]
for j, values in enumerate(cats):
    p = np.ones(len(values)) / len(values)
    if shift and j == 0:
        p = np.array([0.55, 0.15, 0.15, 0.15])
    cols[f"c{j}"] = rng.choice(values, rows, p=p)
cols["pred"] = rng.integers(0, 2, rows)
names = list(cols)
with open(out, "w") as f:
    f.write(",".join(names) + "\n")
    block = 100_000
    for start in range(0, rows, block):
        end = min(rows, start + block)
        parts = [cols[n][start:end].astype(str) for n in names]
        lines = [",".join(t) for t in zip(*parts)]
        f.write("\n".join(lines) + "\n")
spec = {"task": "binary_classification",
        "features": [{"name": f"n{i}", "type": "numeric"} for i in range(15)]
                    + [{"name": f"c{j}", "type": "categorical"} for j in range(4)],
        "prediction": "pred", "positiveClass": "1"}
json.dump(spec, open(spec_out, "w"))
