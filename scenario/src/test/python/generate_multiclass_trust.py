#!/usr/bin/env python3
"""Data and scikit-learn answers for TrustCheck's multiclass checks (scenario/src/main/resources/trust/).

A 3-class softmax model whose scores are over-confident (softmax of twice the true logits), labels drawn
from the true probabilities. Labels are written as pandas writes a float column with gaps ("2.0"), against
classes declared as "0", "1", "2". The expected figures are computed by scikit-learn 1.2 from the CSV files
as written (re-read with pandas), so rounding in the files is part of the reference.

    /usr/bin/python3 scenario/src/test/python/generate_multiclass_trust.py
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, log_loss, precision_recall_fscore_support,
                             precision_score, recall_score, roc_auc_score)

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "main", "resources", "trust")
CLASSES = ["0", "1", "2"]
W = np.array([[1.2, -0.4], [-0.3, 0.9], [-0.9, -0.5]])
B = np.array([0.2, 0.0, -0.1])


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def frame(rng, prefix, n, labelled):
    x = rng.normal(size=(n, 2))
    logits = x @ W.T + B
    truth = softmax(logits)
    scores = np.round(softmax(2.0 * logits), 4)
    scores[:, 2] = np.round(1.0 - scores[:, 0] - scores[:, 1], 4)  # rows sum to 1 as written
    scores = np.where(scores == 0, 0.0, scores)  # no "-0.0" in the files
    predicted = scores.argmax(axis=1)
    labels = np.array([rng.choice(3, p=p) for p in truth])
    region = np.where(rng.random(n) < 0.5, "north", "south")
    df = pd.DataFrame({
        "id": [f"{prefix}{i}" for i in range(n)],
        "x1": np.round(x[:, 0], 5), "x2": np.round(x[:, 1], 5), "region": region,
        "grade": predicted.astype(str),
        "p0": scores[:, 0], "p1": scores[:, 1], "p2": scores[:, 2],
        # a float column, as pandas writes integer labels once any is missing: "2.0"
        "true_grade": labels.astype(float) if labelled else np.nan,
    })
    return df


def figures(path):
    df = pd.read_csv(path, dtype={"grade": str, "true_grade": str})
    y = df["true_grade"].map(lambda v: str(int(float(v))))
    p = df["grade"]
    s = df[["p0", "p1", "p2"]].to_numpy()
    prec, rec, f1, sup = precision_recall_fscore_support(y, p, labels=CLASSES, zero_division=0)
    out = {
        "rows": int(len(df)),
        "metrics": {
            "accuracy": accuracy_score(y, p),
            "macroPrecision": precision_score(y, p, labels=CLASSES, average="macro", zero_division=0),
            "macroRecall": recall_score(y, p, labels=CLASSES, average="macro", zero_division=0),
            "macroF1": f1_score(y, p, labels=CLASSES, average="macro", zero_division=0),
            "weightedPrecision": precision_score(y, p, labels=CLASSES, average="weighted", zero_division=0),
            "weightedRecall": recall_score(y, p, labels=CLASSES, average="weighted", zero_division=0),
            "weightedF1": f1_score(y, p, labels=CLASSES, average="weighted", zero_division=0),
            "rocAucOvr": roc_auc_score(y, s, multi_class="ovr", average="macro", labels=CLASSES),
            "logLoss": log_loss(y, s, labels=CLASSES),
        },
        "perClass": {c: {"precision": prec[i], "recall": rec[i], "f1": f1[i], "support": int(sup[i])}
                     for i, c in enumerate(CLASSES)},
        "confusionMatrix": confusion_matrix(y, p, labels=CLASSES).tolist(),
    }
    return out


def main():
    rng = np.random.default_rng(20261202)
    os.makedirs(OUT, exist_ok=True)
    reference = frame(rng, "r", 6000, True)
    batch = frame(rng, "b", 2000, True)
    stable = frame(rng, "s", 4000, True)
    reference.to_csv(os.path.join(OUT, "multiclass-reference.csv"), index=False)
    batch.to_csv(os.path.join(OUT, "multiclass-batch.csv"), index=False)
    stable_labels = stable["true_grade"].copy()
    stable.assign(true_grade=np.nan).to_csv(os.path.join(OUT, "multiclass-stable.csv"), index=False)
    expected = {
        "generator": "scenario/src/test/python/generate_multiclass_trust.py, scikit-learn "
                     + __import__("sklearn").__version__,
        "classes": CLASSES,
        "batch": figures(os.path.join(OUT, "multiclass-batch.csv")),
        "stable": {"rows": int(len(stable)),
                   "realisedAccuracy": float((stable["grade"].astype(int) == stable_labels.astype(int)).mean()),
                   "rawScoreEstimate": float(stable[["p0", "p1", "p2"]].max(axis=1).mean())},
    }
    with open(os.path.join(OUT, "multiclass-expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
