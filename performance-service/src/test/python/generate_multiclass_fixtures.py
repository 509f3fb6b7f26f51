#!/usr/bin/python3
"""Golden fixtures for io.modeltrust.performance.metrics.MulticlassMetrics and MulticlassEstimate
(docs/metrics.md "Multiclass performance", "Multiclass estimation").

Run from the repo root:  /usr/bin/python3 performance-service/src/test/python/generate_multiclass_fixtures.py
Needs scikit-learn 1.2.1, statsmodels 0.13.5, numpy 1.24. Deterministic (seeded).

Writes performance-service/src/test/resources/fixtures/performance-multiclass.json. Class codes are
0..k-1 in the declared order of `classes`; a missing label is -1. `scores` is one column per class
(declared order), NaN written as null, or null when the case has no scores. An absent metric is null.

Besides the metric `cases`:
- `calibration`: docs/metrics.md "Calibration" for multiclass, one IsotonicRegression per class (one-vs-rest)
  fitted on the labelled reference rows with every score, applied to a batch, each row divided by its
  sum; and the estimate from those calibrated scores.
- `pipeline`: fixed data for MulticlassComputationTest and MulticlassPipelineTest (reference, batch A
  without labels, batch B with some labels, two labels batches of which the second corrects labels) and
  what sklearn gives for every revision, with the worst slices as generate_fixtures.py defines them.

Where the literal docs/metrics.md call raises in scikit-learn, the expected value is what sklearn computes
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

import sys

import numpy as np
from scipy.stats import norm
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, log_loss,
                             precision_recall_fscore_support, precision_score, recall_score,
                             roc_auc_score)
from statsmodels.stats.proportion import proportion_confint

warnings.filterwarnings("ignore")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate_fixtures import edges_of, slice_stats, worst_slices  # noqa: E402  (same slice definitions)

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
        assert ll == log_loss(y, s_sorted)          # the literal docs/metrics.md call agrees when it works
    if len(present) < len(classes):
        return None, ll
    if np.allclose(1, s.sum(axis=1)):
        auc = roc_auc_score(y, s_sorted, multi_class="ovr", average="macro", labels=order)
    else:
        auc = np.mean([roc_auc_score(y == c, s[:, j]) for j, c in enumerate(classes)])
    return auc, ll


def estimate(k, pred, s):
    """docs/metrics.md multiclass estimation, over rows with every score."""
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


def calibrate(truth, scores, batch_scores):
    """One isotonic fit per class on the labelled rows with every score; batch rows renormalised.

    Returns (fits, calibrated); a batch row with a NaN score, or whose calibrated scores sum to 0, is NaN."""
    keep = (truth >= 0) & np.isfinite(scores).all(axis=1)
    k = scores.shape[1]
    fits = [IsotonicRegression(out_of_bounds="clip", y_min=0, y_max=1)
            .fit(scores[keep, c], (truth[keep] == c).astype(float)) for c in range(k)]
    out = np.full(batch_scores.shape, np.nan)
    ok = ~np.isnan(batch_scores).any(axis=1)
    for c in range(k):
        out[ok, c] = fits[c].predict(batch_scores[ok, c])
    total = out.sum(axis=1, keepdims=True)
    usable = (total > 0).ravel()
    out[usable] = out[usable] / total[usable]
    out[~usable] = np.nan
    return fits, out


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def overconfident(rng, n, k, sharp=2.5):
    """True P(class) = softmax(logits); the scorer reports softmax(sharp * logits): far too confident."""
    logits = rng.normal(0, 1.2, size=(n, k))
    p = softmax(logits)
    truth = np.array([rng.choice(k, p=row) for row in p])
    s = softmax(sharp * logits)
    return truth, s.argmax(axis=1), s


def calibration_cases():
    """Own seed, so adding these leaves the metric cases unchanged."""
    rng = np.random.default_rng(20261211)
    cases = []
    for name, k, n_ref, n_bat, missing in [("four classes, overconfident", 4, 3000, 800, 0.0),
                                           ("three classes, unlabelled and unscored rows", 3, 2000, 600, 0.05)]:
        t_ref, _, s_ref = overconfident(rng, n_ref, k)
        t_ref[rng.random(n_ref) < missing] = -1
        s_ref[rng.random(n_ref) < missing] = np.nan       # whole rows, as ingest sends them
        _, p_bat, s_bat = overconfident(rng, n_bat, k)
        s_bat[rng.random(n_bat) < missing] = np.nan
        fits, cal = calibrate(t_ref, s_ref, s_bat)
        cases.append({"name": name, "classes": k, "referenceTruth": jlist(t_ref), "referenceScores": jlist(s_ref.T),
                      "predicted": jlist(p_bat), "scores": jlist(s_bat.T),
                      "xThresholds": [jlist(f.X_thresholds_) for f in fits],
                      "yThresholds": [jlist(f.y_thresholds_) for f in fits],
                      "calibrated": jlist(cal.T), "estimate": estimate(k, p_bat, cal)})
    return cases


def pipeline_case():
    """Reference (every row labelled and scored), batch A (1200 rows, concept drift where x1 > 0.8 and for
    c1 = west, no labels), batch B (500 rows, labels on its first 200). labels1 = 60% of A + B's rows
    200..349 + 5 unknown ids; labels2 = the rest of A + another class for 60 of the A rows labels1
    labelled (corrections). The scorer is overconfident, so the estimate needs its calibration."""
    rng = np.random.default_rng(20261212)
    classes = ["cat", "dog", "bird", "fish"]
    k = len(classes)
    cats = ["north", "south", "east", "west"]
    w = np.array([[1.2, -0.4], [-0.8, 0.9], [0.3, 1.1], [-0.7, -1.0]])
    bias = np.array([[0.3, 0.0, -0.2, 0.1], [0.0, 0.4, 0.0, -0.3], [-0.2, 0.1, 0.3, 0.0], [0.1, -0.2, 0.0, 0.4]])

    def data(n, prefix, drift):
        x1 = rng.normal(0, 1, n)
        x2 = rng.normal(0, 1, n)
        c1 = rng.integers(0, 4, n)
        logits = np.column_stack([w[c, 0] * x1 + w[c, 1] * x2 for c in range(k)]) + bias[c1]
        truth = np.array([rng.choice(k, p=row) for row in softmax(logits)])
        s = softmax(2.0 * (logits + rng.normal(0, 0.2, size=(n, k))))
        if drift:
            moved = ((x1 > 0.8) & (rng.random(n) < 0.5)) | ((c1 == 3) & (rng.random(n) < 0.3))
            truth = np.where(moved, rng.integers(0, k, n), truth)
        x2[rng.random(n) < 0.02] = np.nan
        return {"ids": ["%s-%05d" % (prefix, i) for i in range(n)], "x1": x1, "x2": x2, "c1": c1,
                "scores": s, "prediction": s.argmax(axis=1), "label": truth}

    ref = data(2400, "ref", False)
    a = data(1200, "a", True)
    b = data(500, "b", False)
    edges = {"x1": edges_of(ref["x1"]), "x2": edges_of(ref["x2"])}

    def features(d):
        return [{"kind": "numeric", "name": "x1", "values": d["x1"], "edges": edges["x1"]},
                {"kind": "numeric", "name": "x2", "values": d["x2"], "edges": edges["x2"]},
                {"kind": "categorical", "name": "c1", "codes": d["c1"], "dictionary": cats}]

    def correctness(pred, truth):
        out = np.where(pred == truth, 1.0, 0.0)
        out[truth < 0] = np.nan
        return out

    ref_truth = ref["label"]
    ref_stats = slice_stats(features(ref), correctness(ref["prediction"], ref_truth))
    baseline = expected(classes, ref_truth, ref["prediction"], ref["scores"])

    def est(d, mask):
        _, cal = calibrate(ref_truth, ref["scores"], d["scores"][mask])
        return estimate(k, d["prediction"][mask], cal)

    def revision(d, truth):
        e = expected(classes, truth, d["prediction"], d["scores"])
        e["estimatedOnLabeled"] = est(d, truth >= 0)
        worse = e["accuracy"] < baseline["accuracy"]
        e["worst"] = worst_slices("ACCURACY", slice_stats(features(d), correctness(d["prediction"], truth)),
                                  ref_stats) if worse else None
        return e

    def data_json(d, truth):
        return {"ids": d["ids"], "x1": jlist(d["x1"]), "x2": jlist(d["x2"]), "c1": jlist(d["c1"]),
                "scores": jlist(d["scores"].T), "prediction": jlist(d["prediction"]),
                "label": [int(v) if v >= 0 else None for v in truth]}

    def labels_json(ids, labels):
        order = rng.permutation(len(ids))
        return {"ids": [ids[i] for i in order], "label": [int(labels[i]) for i in order]}

    a_first = np.zeros(1200, dtype=bool)
    a_first[rng.permutation(1200)[:720]] = True
    a_truth1 = np.where(a_first, a["label"], -1)
    corrected = rng.permutation(np.flatnonzero(a_first))[:60]
    a_truth2 = a["label"].copy()
    a_truth2[corrected] = (a_truth2[corrected] + 1 + rng.integers(0, k - 1, 60)) % k
    b_truth1 = np.where(np.arange(500) < 200, b["label"], -1)
    b_truth2 = np.where(np.arange(500) < 350, b["label"], -1)
    l1_ids = [a["ids"][i] for i in np.flatnonzero(a_first)] + b["ids"][200:350] + ["zz-%05d" % i for i in range(5)]
    l1_lab = list(a["label"][a_first]) + list(b["label"][200:350]) + [i % k for i in range(5)]
    rest = np.concatenate([np.flatnonzero(~a_first), corrected])
    l2_ids = [a["ids"][i] for i in rest]
    l2_lab = list(a_truth2[rest])
    all_ref = np.ones(2400, dtype=bool)
    return {
        "classes": classes, "categories": cats,
        "reference": data_json(ref, ref_truth), "batchA": data_json(a, np.full(1200, -1)),
        "batchB": data_json(b, b_truth1), "labels1": labels_json(l1_ids, l1_lab),
        "labels2": labels_json(l2_ids, l2_lab),
        "expected": {
            "baseline": baseline, "baselineEstimated": est(ref, all_ref),
            "edges": {n: jlist(v) for n, v in edges.items()},
            "aRev1": {"estimated": est(a, np.ones(1200, dtype=bool))},
            "aRev2": revision(a, a_truth1), "aRev3": revision(a, a_truth2),
            "bRev1": dict(revision(b, b_truth1), estimated=est(b, np.ones(500, dtype=bool))),
            "bRev2": revision(b, b_truth2),
            "labels1Unmatched": 5, "labels2Corrected": 60,
        },
    }


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
        json.dump({"generator": "generate_multiclass_fixtures.py", "cases": cases,
                   "calibration": calibration_cases(), "pipeline": pipeline_case()}, f)
        f.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
