#!/usr/bin/env python3
"""Writes a 20-column benchmark batch that every service analyses: 13 numeric and 2 categorical
features, sensitive sex and age_band, a score, a decision and a label; plus the model spec.
Seeded. usage: gen_full_csv.py ROWS OUT.csv SPEC.json [SHIFT] [ID_PREFIX]"""
import json
import zlib
import sys

import numpy as np

rows, out, spec_out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
shift = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
prefix = sys.argv[5] if len(sys.argv) > 5 else "r"
rng = np.random.default_rng(zlib.crc32(f"{rows}|{shift}|{prefix}".encode()))
cols = {"id": np.char.add(prefix, np.arange(rows).astype(str))}
z = np.zeros(rows)
for i in range(13):
    x = rng.normal(0, 1, rows) + (shift if i < 2 else 0)
    z += x * (0.6 if i < 4 else 0.1)
    cols[f"n{i}"] = np.round(50 * (i + 1) + 10 * x, 4)
cols["c0"] = rng.choice(["a", "b", "c", "d"], rows)
cols["c1"] = rng.choice(["north", "south", "east", "west"], rows)
cols["sex"] = rng.choice(["female", "male"], rows)
cols["age_band"] = rng.choice(["18-25", "26-35", "36-50", "51+"], rows)
score = 1 / (1 + np.exp(-z))
cols["score"] = np.round(score, 6)
cols["pred"] = (score >= 0.5).astype(int)
cols["label"] = (rng.random(rows) < score).astype(int)
names = list(cols)
with open(out, "w") as f:
    f.write(",".join(names) + "\n")
    block = 100_000
    for start in range(0, rows, block):
        end = min(rows, start + block)
        parts = [cols[n][start:end].astype(str) for n in names]
        f.write("\n".join(",".join(t) for t in zip(*parts)) + "\n")
spec = {"task": "binary_classification",
        "features": [{"name": f"n{i}", "type": "numeric"} for i in range(13)]
                    + [{"name": "c0", "type": "categorical"}, {"name": "c1", "type": "categorical"}],
        "prediction": "pred", "score": "score", "label": "label", "positiveClass": "1",
        "sensitive": ["sex", "age_band"], "id": "id",
        "fairness": {"intersections": [["sex", "age_band"]]}}
json.dump(spec, open(spec_out, "w"))
