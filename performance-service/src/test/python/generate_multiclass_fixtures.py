#!/usr/bin/python3
"""Golden fixtures for io.modeltrust.performance.metrics.MulticlassMetrics and MulticlassEstimate
(METRICS.md "Multiclass performance", "Multiclass estimation").

Run from the repo root:  /usr/bin/python3 performance-service/src/test/python/generate_multiclass_fixtures.py
Needs scikit-learn 1.2.1, statsmodels 0.13.5, numpy 1.24. Deterministic (seeded).

Writes performance-service/src/test/resources/fixtures/performance-multiclass.json. Class codes are
0..k-1 in the declared order of `classes`; a missing label is -1. `scores` is one column per class
(declared order), NaN written as null, or null when the case has no scores. An absent metric is null.

Where the literal METRICS.md call raises in scikit-learn, the expected value is what sklearn computes
for the same quantity (see MulticlassMetrics' Javadoc):
- roc_auc_score(labels=...) demands sorted labels, so it gets the sorted classes and the columns
  permuted to match (macro over classes does not depend on their order); when rows do not sum to 1
  within np.allclose, sklearn refuses, and the value is the mean of the per-class binary
  roc_auc_score, which is what its _average_binary_score computes.
- log_loss gets labels=sorted classes so that a class absent from y does not make it raise.
"""
import json
import math
import os
import warnings

import numpy as np
from scipy.stats import norm
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, log_loss,
                             precision_recall_fscore_support, precision_score, recall_score,
                             roc_auc_score)
from statsmodels.stats.proportion import proportion_confint

warnings.filterwarnings("ignore")

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "resources", "fixtures"))
Z95 = norm.isf(0.025)


def jlist(a):
    """Array to JSON list, NaN -> null, floats as repr (exact round trip)."""
    out = []
    for v in np.asarray(a).tolist():
        if isinstance(v, list):
            out.append(jlist(v))
        elif isinstance(v, float) and math.isnan(v):
            out.append(None)
        else:
            out.append(v)
    return out


def num(v):
    return None if v is None else float(v)


def interval(lo, hi, method):
    return {"lower": float(lo), "upper": float(hi), "method": method}


def macro_f1_delta(cm, center):
    """Delta-method interval of macro F1 from the multinomial cell shares (Takahashi et al. 2022)."""
    n = cm.sum()
    if n < 2:
        return None
    k = cm.shape[0]
    p = cm / n
    t = np.diag(p)
    fp_fn = p.sum(axis=0) + p.sum(axis=1) - 2 * t
    d = 2 * t + fp_fn
    live = d > 0
    dd = np.where(live, d, 1.0) ** 2
    diag = np.where(live, 2 * fp_fn / (k * dd), 0.0)
    off = np.where(live, -2 * t / (k * dd), 0.0)
    g = off[:, None] + off[None, :]
    np.fill_diagonal(g, diag)
    var = max(0.0, (p * g * g).sum() - (p * g).sum() ** 2) / n
    half = Z95 * math.sqrt(var)
    return interval(max(0.0, center - half), min(1.0, center + half), "delta")


def score_metrics(classes, y, s):
    """{rocAucOvr, logLoss} over labelled rows with every score, sklearn-computable forms."""
    order = np.unique(np.array(classes))            # LabelBinarizer's (code point) order
    perm = [classes.index(c) for c in order]
    present = set(y.tolist())
    if len(present) < 2:
        return None, None
    s_sorted = s[:, perm]
    ll = log_loss(y, s_sorted, labels=order)
    if len(present) == len(classes):
        assert ll == log_loss(y, s_sorted)          # the literal METRICS.md call agrees when it works
    if len(present) < len(classes):
        return None, ll
    if np.allclose(1, s.sum(axis=1)):
        auc = roc_auc_score(y, s_sorted, multi_class="ovr", average="macro", labels=order)
    else:
        auc = np.mean([roc_auc_score(y == c, s[:, j]) for j, c in enumerate(classes)])
    return auc, ll


def estimate(k, pred, s):
    """METRICS.md multiclass estimation, over rows with every score."""
    ok = ~np.isnan(s).any(axis=1)
    pred, s = pred[ok], s[ok]
    if len(pred) == 0:
        return None
    onehot = np.eye(k)[pred]
    tp = (s * onehot).sum(axis=0)
    fp = ((1 - s) * onehot).sum(axis=0)
    fn = (s * (1 - onehot)).sum(axis=0)
    prec = np.where(tp + fp > 0, tp / np.where(tp + fp > 0, tp + fp, 1), 0.0)
    rec = np.where(tp + fn > 0, tp / np.where(tp + fn > 0, tp + fn, 1), 0.0)
    f1 = np.where(prec + rec > 0, 2 * prec * rec / np.where(prec + rec > 0, prec + rec, 1), 0.0)
    return {"rows": int(len(pred)), "accuracy": float(s[np.arange(len(pred)), pred].mean()),
            "macroPrecision": float(prec.mean()), "macroRecall": float(rec.mean()),
            "macroF1": float(f1.mean()), "precision": jlist(prec), "recall": jlist(rec), "f1": jlist(f1),
            "expectedTp": jlist(tp), "expectedFp": jlist(fp), "expectedFn": jlist(fn)}


def expected(classes, truth, pred, scores):
    lab = truth >= 0
    names = np.array(classes, dtype=object)
    y = names[truth[lab]].astype(str)
    p = names[pred[lab]].astype(str)
    kw = dict(labels=classes, zero_division=0)
    prec, rec, f1, sup = precision_recall_fscore_support(y, p, average=None, **kw)
    cm = confusion_matrix(y, p, labels=classes)
    n = int(lab.sum())
    correct = int(np.trace(cm))
    lo, hi = proportion_confint(correct, n, alpha=0.05, method="wilson")
    macro_f1 = f1_score(y, p, average="macro", **kw)
    e = {"rows": n, "accuracy": accuracy_score(y, p),
         "macroPrecision": precision_score(y, p, average="macro", **kw),
         "macroRecall": recall_score(y, p, average="macro", **kw), "macroF1": macro_f1,
         "weightedPrecision": precision_score(y, p, average="weighted", **kw),
         "weightedRecall": recall_score(y, p, average="weighted", **kw),
         "weightedF1": f1_score(y, p, average="weighted", **kw),
         "precision": jlist(prec), "recall": jlist(rec), "f1": jlist(f1), "support": jlist(sup),
         "confusionMatrix": jlist(cm), "rocAucOvr": None, "logLoss": None,
         "accuracyInterval": interval(lo, hi, "wilson"),
         "macroF1Interval": macro_f1_delta(cm.astype(float), macro_f1)}
    if scores is not None:
        keep = lab & ~np.isnan(scores).any(axis=1)
        auc, ll = score_metrics(classes, names[truth[keep]].astype(str), scores[keep])
        e["rocAucOvr"], e["logLoss"] = num(auc), num(ll)
    return {k: (float(v) if isinstance(v, np.floating) else v) for k, v in e.items()}


def synth(rng, k, n, skill=2.0, missing_label=0.0, missing_score=0.0, absent=None, never_pred=None):
    """Truth codes, predictions (argmax of noisy scores) and Dirichlet-ish scores rows summing to 1."""
    truth = rng.integers(0, k, n)
    if absent is not None:
        truth[truth == absent] = (absent + 1) % k
    logits = rng.normal(size=(n, k))
    logits[np.arange(n), truth] += skill
    s = np.exp(logits)
    s /= s.sum(axis=1, keepdims=True)
    pred = s.argmax(axis=1)
    if never_pred is not None:
        masked = s.copy()
        masked[:, never_pred] = -1
        pred = masked.argmax(axis=1)
    truth = truth.copy()
    truth[rng.random(n) < missing_label] = -1
    s[rng.random((n, k)) < missing_score] = np.nan
    return truth, pred, s


def case(name, classes, truth, pred, scores):
    k = len(classes)
    return {"name": name, "classes": classes, "truth": jlist(truth), "predicted": jlist(pred),
            "scores": None if scores is None else jlist(scores.T),
            "expected": expected(classes, truth, pred, scores),
            "estimate": None if scores is None else estimate(k, pred, scores)}


def main():
    rng = np.random.default_rng(20261202)
    cases = []
    t, p, s = synth(rng, 3, 300, missing_label=0.1, missing_score=0.02)
    cases.append(case("three classes", ["cat", "dog", "bird"], t, p, s))
    t, p, s = synth(rng, 5, 2000, skill=1.2)
    cases.append(case("five classes, 2000 rows", ["a", "b", "c", "d", "e"], t, p, s))
    t, p, s = synth(rng, 4, 400, absent=2)
    cases.append(case("class absent from labels", ["w", "x", "y", "z"], t, p, s))
    t, p, s = synth(rng, 4, 400, skill=0.8, never_pred=1)
    cases.append(case("class never predicted", ["w", "x", "y", "z"], t, p, s))
    t, p, s = synth(rng, 3, 50)
    t[t >= 0] = 1
    cases.append(case("single class in labels", ["lo", "mid", "hi"], t, p, s))
    t, p, s = synth(rng, 3, 500, skill=1.0)
    s[:25, 0] = 0.0                                  # hard zeros and ones exercise the eps clip
    s[:25, 1:] = 0.5
    s[25:40] = 0.0
    s[25:40, 2] = 1.0
    cases.append(case("numeric-looking string classes", ["10", "2", "1.5"], t, p, s))
    t, p, s = synth(rng, 3, 300)
    s *= 1 + rng.uniform(-9e-4, 9e-4, size=(300, 1))  # sums within ingest's 0.001, not np.allclose
    s = np.clip(s, 0, 1)
    cases.append(case("rows sum to 1 within 0.001", ["p", "q", "r"], t, p, s))
    t, p, _ = synth(rng, 3, 120, missing_label=0.2)
    cases.append(case("no scores", ["p", "q", "r"], t, p, None))
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "performance-multiclass.json")
    with open(path, "w") as f:
        json.dump({"generator": "generate_multiclass_fixtures.py", "cases": cases}, f)
        f.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
