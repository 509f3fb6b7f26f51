#!/usr/bin/python3
"""Python baseline for PerformanceBench: the same batch-side computation with scikit-learn / statsmodels /
numpy on the data the Java bench wrote (raw little-endian files in /tmp/perf-bench, or argv[1]).

Run PerformanceBench first, then:  /usr/bin/python3 performance-service/src/test/python/bench_baseline.py

Timed (median of RUNS after one warm-up), like the Java TOTAL:
  sklearn accuracy/precision/recall/f1/confusion_matrix, roc_auc_score, average_precision_score,
  log_loss(eps=1e-15), brier_score_loss, roc_curve (ks), gini, statsmodels Wilson interval, DeLong
  (midranks), metric changes; CBPE (numpy); slice analysis over 20 features (searchsorted/bincount).
Also cross-checks the Java figures from java_results.txt.
"""
import math
import os
import sys
import time
import warnings

import numpy as np
from scipy.stats import norm, rankdata
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss, confusion_matrix,
                             f1_score, log_loss, precision_score, recall_score, roc_auc_score, roc_curve)
from statsmodels.stats.proportion import proportion_confint

warnings.filterwarnings("ignore")
DIR = sys.argv[1] if len(sys.argv) > 1 else "/tmp/perf-bench"
NUMERIC = 16
CATEGORY_COUNTS = [5, 12, 30, 3]
LEVELS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
RUNS = 5
Z = norm.isf(0.025)


def load(prefix):
    f = lambda name, dt: np.fromfile(os.path.join(DIR, "%s_%s" % (prefix, name)), dtype=dt)
    return {"actual": f("actual.u8", np.uint8).astype(bool), "predicted": f("predicted.u8", np.uint8).astype(bool),
            "score": f("score.f64", "<f8"),
            "numeric": [f("num%d.f64" % k, "<f8") for k in range(NUMERIC)],
            "codes": [f("cat%d.i32" % k, "<i4") for k in range(len(CATEGORY_COUNTS))]}


def delong(y, s):
    pos, neg = s[y], s[~y]
    m, n = len(pos), len(neg)
    tz = rankdata(np.concatenate([pos, neg]))
    auc = (tz[:m].sum() - m * (m + 1) / 2.0) / (m * n)
    v10 = (tz[:m] - rankdata(pos)) / n
    v01 = 1.0 - (tz[m:] - rankdata(neg)) / m
    se = math.sqrt(np.var(v10, ddof=1) / m + np.var(v01, ddof=1) / n)
    return max(0.0, auc - Z * se), min(1.0, auc + Z * se)


def classification(d):
    y, yhat, s = d["actual"], d["predicted"], d["score"]
    tn, fp, fn, tp = confusion_matrix(y, yhat).ravel()
    auc = roc_auc_score(y, s)
    fpr, tpr, _ = roc_curve(y, s)
    m = {"accuracy": accuracy_score(y, yhat), "precision": precision_score(y, yhat, zero_division=0),
         "recall": recall_score(y, yhat, zero_division=0), "f1": f1_score(y, yhat, zero_division=0),
         "rocAuc": auc, "prAuc": average_precision_score(y, s), "logLoss": log_loss(y, s, eps=1e-15),
         "brier": brier_score_loss(y, s), "ks": np.max(tpr - fpr), "gini": 2 * auc - 1}
    m["accuracyLower"], m["accuracyUpper"] = proportion_confint(tp + tn, len(y), method="wilson")
    m["rocAucLower"], m["rocAucUpper"] = delong(y, s)
    return m


def cbpe(yhat, s):
    tp, fp = np.sum(s * yhat), np.sum((1 - s) * yhat)
    fn, tn = np.sum(s * ~yhat), np.sum((1 - s) * ~yhat)
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"cbpe_accuracy": (tp + tn) / len(s), "cbpe_precision": p, "cbpe_recall": r,
            "cbpe_f1": 2 * p * r / (p + r)}


def slice_stats(d, edges, outcome):
    out = {}
    for k in range(NUMERIC):
        x = d["numeric"][k]
        bins = np.searchsorted(edges[k], x, side="left")
        bins[np.isnan(x)] = len(edges[k]) + 1
        rows = np.bincount(bins, minlength=len(edges[k]) + 2)
        sums = np.bincount(bins, weights=outcome, minlength=len(edges[k]) + 2)
        for b in np.nonzero(rows)[0]:
            out[("num%d" % k, int(b))] = (int(rows[b]), sums[b] / rows[b])
    for k, size in enumerate(CATEGORY_COUNTS):
        c = d["codes"][k]
        bins = np.where(c < 0, size, c)
        rows = np.bincount(bins, minlength=size + 1)
        sums = np.bincount(bins, weights=outcome, minlength=size + 1)
        for b in np.nonzero(rows)[0]:
            out[("cat%d" % k, int(b))] = (int(rows[b]), sums[b] / rows[b])
    return out


def worst(batch_stats, ref_stats, min_rows=30, top=3):
    found = []
    for key, (rows, value) in batch_stats.items():
        if key in ref_stats and rows >= min_rows and ref_stats[key][1] - value > 0:
            found.append((value - ref_stats[key][1], -rows, key, value))
    found.sort()
    return found[:top]


def main():
    ref, batch = load("ref"), load("batch")
    t0 = time.perf_counter()
    edges = [np.unique(np.quantile(x[~np.isnan(x)], LEVELS)) for x in ref["numeric"]]
    baseline = classification(ref)
    ref_stats = slice_stats(ref, edges, (ref["actual"] == ref["predicted"]).astype(float))
    ref_ms = (time.perf_counter() - t0) * 1e3

    times = {"classification": [], "cbpe": [], "slices": [], "total": []}
    for r in range(RUNS + 1):
        a = time.perf_counter()
        m = classification(batch)
        changes = {k: (m[k] - baseline[k], (m[k] - baseline[k]) / abs(baseline[k])) for k in baseline}
        b = time.perf_counter()
        e = cbpe(batch["predicted"], batch["score"])
        c = time.perf_counter()
        w = worst(slice_stats(batch, edges, (batch["actual"] == batch["predicted"]).astype(float)), ref_stats)
        d = time.perf_counter()
        if r > 0:
            for name, ms in (("classification", b - a), ("cbpe", c - b), ("slices", d - c), ("total", d - a)):
                times[name].append(ms * 1e3)
    med = {k: float(np.median(v)) for k, v in times.items()}
    print("python baseline (sklearn %s), rows=%d, median of %d runs" % (__import__("sklearn").__version__,
                                                                         len(batch["score"]), RUNS))
    print("classification metrics + Wilson + DeLong + change: %8.1f ms" % med["classification"])
    print("CBPE estimate:                                     %8.1f ms" % med["cbpe"])
    print("slice analysis, 20 features (batch side):          %8.1f ms" % med["slices"])
    print("TOTAL batch side:                                  %8.1f ms" % med["total"])
    print("reference side once (edges, baseline, profile):    %8.1f ms" % ref_ms)

    path = os.path.join(DIR, "java_results.txt")
    if not os.path.exists(path):
        return
    worst_rel = 0.0
    python = dict(m, **e)
    for line in open(path):
        name, value = line.rstrip("\n").split(" ", 1)
        if name in python:
            rel = abs(float(value) - python[name]) / max(abs(python[name]), 1e-300)
            worst_rel = max(worst_rel, rel)
            if rel > 1e-9:
                print("MISMATCH %s java=%s python=%r rel=%.3g" % (name, value, python[name], rel))
        elif name.startswith("slice") and name.endswith("_batchValue"):
            i = int(name[5:name.index("_")])
            rel = abs(float(value) - w[i][3]) / w[i][3]
            worst_rel = max(worst_rel, rel)
    print("cross-check vs Java: %d metrics, worst relative difference %.3g; python worst slices %s"
          % (len(python), worst_rel, [x[2] for x in w]))


if __name__ == "__main__":
    main()
