#!/usr/bin/python3
"""Golden fixtures for io.modeltrust.performance.metrics (docs/metrics.md "Performance").

Run from the repo root:  /usr/bin/python3 performance-service/src/test/python/generate_fixtures.py
Needs scikit-learn 1.2.1, scipy 1.10.1, statsmodels 0.13.5, numpy 1.24. Deterministic (seeded).

Writes performance-service/src/test/resources/fixtures/performance-*.json. In the JSON, NaN inside an
input array is written as null; an absent metric is null.

The German Credit case (german.data in ../shared/data beside the repository, or $SHARED_DATA_DIR) stores only computed
figures: the LogisticRegression scores per row and the expected metrics. The Java test reads the labels
and features from the data file itself; without the file the case is skipped here and there.
"""
import json
import math
import os
import sys
import warnings
from decimal import ROUND_HALF_UP, Context, Decimal

import numpy as np
from scipy.stats import norm, rankdata
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss,
                             confusion_matrix, f1_score, log_loss, mean_absolute_error,
                             mean_absolute_percentage_error, mean_squared_error, precision_score,
                             r2_score, recall_score, roc_auc_score, roc_curve)
from statsmodels.stats.proportion import proportion_confint

warnings.filterwarnings("ignore")

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "resources", "fixtures"))
Z95 = norm.isf(0.025)
LEVELS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]


def jlist(a):
    """Array to JSON list, NaN -> null, floats as repr (exact round trip)."""
    out = []
    for v in np.asarray(a).tolist():
        if isinstance(v, float) and math.isnan(v):
            out.append(None)
        else:
            out.append(v)
    return out


def num(v):
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def interval(lo, hi, method):
    return {"lower": float(lo), "upper": float(hi), "method": method}


# ---------------------------------------------------------------- classification

def delong_interval(y, s):
    """Fast DeLong (Sun & Xu 2014) from midranks; independent of the Java sweep. 95%, clipped."""
    pos = s[y]
    neg = s[~y]
    m, n = len(pos), len(neg)
    if m < 2 or n < 2:
        return None
    tx = rankdata(pos)
    ty = rankdata(neg)
    tz = rankdata(np.concatenate([pos, neg]))
    auc = (tz[:m].sum() - m * (m + 1) / 2.0) / (m * n)
    v10 = (tz[:m] - tx) / n
    v01 = 1.0 - (tz[m:] - ty) / m
    se = math.sqrt(np.var(v10, ddof=1) / m + np.var(v01, ddof=1) / n)
    return interval(max(0.0, auc - Z95 * se), min(1.0, auc + Z95 * se), "delong")


def classification_expected(y, yhat, s):
    y = np.asarray(y, dtype=bool)
    yhat = np.asarray(yhat, dtype=bool)
    tn, fp, fn, tp = confusion_matrix(y, yhat, labels=[False, True]).ravel()
    lo, hi = proportion_confint(int(tp + tn), len(y), alpha=0.05, method="wilson")
    e = {
        "rows": len(y),
        "tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn),
        "accuracy": accuracy_score(y, yhat),
        "precision": precision_score(y, yhat, zero_division=0),
        "recall": recall_score(y, yhat, zero_division=0),
        "f1": f1_score(y, yhat, zero_division=0),
        "accuracyInterval": interval(lo, hi, "wilson"),
        "rocAuc": None, "prAuc": None, "logLoss": None, "brier": None, "ks": None, "gini": None,
        "rocAucInterval": None,
    }
    if s is None:
        return e
    s = np.asarray(s, dtype=float)
    keep = ~np.isnan(s)
    ys, ss = y[keep], s[keep]
    if len(np.unique(ys)) < 2:
        return e
    auc = roc_auc_score(ys, ss)
    fpr, tpr, _ = roc_curve(ys, ss)
    e.update({
        "rocAuc": auc,
        "prAuc": average_precision_score(ys, ss),
        "logLoss": log_loss(ys, ss, eps=1e-15),
        "ks": float(np.max(tpr - fpr)),
        "gini": 2 * auc - 1,
        "rocAucInterval": delong_interval(ys, ss),
    })
    try:
        e["brier"] = brier_score_loss(ys, ss)
    except ValueError:  # a score outside [0, 1]
        e["brier"] = None
    return e


def classification_cases(rng):
    cases = []

    def add(name, y, yhat, s):
        cases.append({"name": name, "actual": jlist(np.asarray(y, dtype=int)),
                      "predicted": jlist(np.asarray(yhat, dtype=int)),
                      "score": None if s is None else jlist(s),
                      "expected": classification_expected(y, yhat, s)})

    def model(n, prevalence=0.4, strength=1.5):
        y = rng.random(n) < prevalence
        logit = strength * (y * 2 - 1) + rng.normal(0, 1.5, n)
        return y, 1 / (1 + np.exp(-logit))

    y, s = model(500)
    add("random_500", y, s >= 0.5, s)
    y, s = model(400)
    s = np.round(s, 1)
    add("tied_scores_round_1dp", y, s >= 0.5, s)
    y = rng.random(60) < 0.5
    s = rng.choice([0.0, 0.5, 1.0], 60)
    add("three_score_values_incl_0_and_1", y, s >= 0.5, s)
    y, s = model(20000, 0.3)
    s = np.round(s, 3)
    add("large_20000_ties_3dp", y, s > 0.4, s)
    y, s = model(3000, 0.02, 2.5)
    add("imbalanced_2pct", y, s >= 0.5, s)
    y = np.ones(50, dtype=bool)
    add("single_class_all_positive", y, rng.random(50) < 0.7, rng.random(50))
    y = np.zeros(40, dtype=bool)
    add("single_class_all_negative", y, rng.random(40) < 0.3, rng.random(40))
    y, s = model(200)
    add("all_wrong", y, ~y, 1 - s)
    y = rng.random(150) < 0.5
    s = np.where(y, 0.6 + 0.4 * rng.random(150), 0.4 * rng.random(150))
    add("perfect", y, y, s)
    add("tiny_1_row", [True], [True], [0.8])
    add("tiny_2_rows", [True, False], [True, True], [0.7, 0.6])
    add("tiny_3_rows", [True, False, True], [False, False, True], [0.3, 0.3, 0.9])
    add("tiny_3_rows_tied", [False, True, False], [True, True, False], [0.5, 0.5, 0.5])
    y, s = model(300)
    add("no_score", y, s >= 0.5, None)
    y, s = model(300)
    s[rng.random(300) < 0.1] = np.nan
    add("some_scores_missing", y, rng.random(300) < 0.5, s)
    y, s = model(300)
    add("nothing_predicted_positive", y, np.zeros(300, dtype=bool), s)
    y, s = model(300)
    add("decision_function_scores", y, s >= 0.5, np.log(s / (1 - s)) * 3)
    y = rng.random(400) < 0.5
    s = np.where(rng.random(400) < 0.5, -0.0, 0.0)
    s[:200] = rng.choice([-0.0, 0.0, 0.25], 200)
    add("signed_zero_ties", y, s > 0, s)
    return cases


# ---------------------------------------------------------------- regression

def regression_expected(y, p):
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    keep = ~(np.isnan(y) | np.isnan(p))
    y, p = y[keep], p[keep]
    n = len(y)
    mae = mean_absolute_error(y, p)
    e = {"rows": n, "mae": mae, "rmse": math.sqrt(mean_squared_error(y, p)),
         "mape": mean_absolute_percentage_error(y, p), "r2": None, "bootstrapReference": bootstrap_reference(p - y),
         "note": None}
    if n >= 2:
        r2 = r2_score(y, p)
        if np.all(y == y[0]) and np.mean(y) != y[0]:
            # numpy's mean of a constant y = 0.1 is not 0.1, so sklearn's denominator is ~1e-33 and r2
            # comes out near -1e29. The engine detects the constant y and applies force_finite instead.
            e["note"] = "sklearn returned %r (rounding artefact); expected is its force_finite rule" % r2
            r2 = 1.0 if np.all(p == y) else 0.0
        e["r2"] = r2
    return e


BOOTSTRAP_MIN_ROWS = 30
BOOTSTRAP_REFERENCE_RESAMPLES = 20000


def bootstrap_reference(err):
    """numpy percentile bootstrap of MAE and RMSE, with 20 times the service's 1000 resamples, so that its own
    Monte Carlo error is small beside the service's (~2% of the width per bound). numpy's generator is not
    Java's, so the Java test compares at a tolerance, not to the digit. Own generator, seeded from n, so the
    shared one stays untouched. None below the service's 30 rows."""
    n = len(err)
    if n < BOOTSTRAP_MIN_ROWS:
        return None
    rng = np.random.default_rng([20261201, n])
    a, s = np.abs(err), err * err
    mae = np.empty(BOOTSTRAP_REFERENCE_RESAMPLES)
    mse = np.empty(BOOTSTRAP_REFERENCE_RESAMPLES)
    for start in range(0, BOOTSTRAP_REFERENCE_RESAMPLES, 500):
        idx = rng.integers(0, n, (500, n))
        mae[start:start + 500] = a[idx].mean(axis=1)
        mse[start:start + 500] = s[idx].mean(axis=1)
    return {"resamples": BOOTSTRAP_REFERENCE_RESAMPLES,
            "mae": [float(v) for v in np.percentile(mae, [2.5, 97.5])],
            "rmse": [float(v) for v in np.percentile(np.sqrt(mse), [2.5, 97.5])]}


def regression_cases(rng):
    cases = []

    def add(name, y, p):
        cases.append({"name": name, "actual": jlist(np.asarray(y, dtype=float)),
                      "predicted": jlist(np.asarray(p, dtype=float)), "expected": regression_expected(y, p)})

    y = rng.normal(100, 20, 1000)
    add("random_1000", y, y + rng.normal(0, 5, 1000))
    y = rng.normal(0, 1, 500)
    y[rng.random(500) < 0.2] = 0.0
    add("zeros_in_y", y, y + rng.normal(0, 0.3, 500))
    add("constant_y_5", np.full(20, 5.0), 5.0 + rng.normal(0, 1, 20))
    add("constant_y_perfect", np.full(20, 5.0), np.full(20, 5.0))
    add("constant_y_0_1_rounding", np.full(3, 0.1), np.full(3, 0.11))
    add("perfect", y, y)
    add("tiny_1_row", [3.0], [2.5])
    add("tiny_2_rows", [3.0, 0.0], [2.5, 1.0])
    y = rng.normal(10, 3, 200)
    p = y + rng.normal(0, 1, 200)
    y[rng.random(200) < 0.05] = np.nan
    p[rng.random(200) < 0.05] = np.nan
    add("missing_values", y, p)
    y = rng.lognormal(12, 1, 2000)
    add("large_magnitudes", y, y * rng.normal(1, 0.1, 2000))
    return cases


# ---------------------------------------------------------------- CBPE

def cbpe_expected(yhat, s):
    """numpy CBPE, docs/metrics.md: expected confusion matrix from calibrated scores."""
    yhat = np.asarray(yhat, dtype=bool)
    s = np.asarray(s, dtype=float)
    keep = ~np.isnan(s)
    yhat, s = yhat[keep], s[keep]
    tp = np.sum(s * yhat)
    fp = np.sum((1 - s) * yhat)
    fn = np.sum(s * ~yhat)
    tn = np.sum((1 - s) * ~yhat)
    precision = tp / (tp + fp) if tp + fp != 0 else 0.0
    recall = tp / (tp + fn) if tp + fn != 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall != 0 else 0.0
    return {"rows": int(len(s)), "expectedTp": tp, "expectedFp": fp, "expectedTn": tn, "expectedFn": fn,
            "estimatedAccuracy": (tp + tn) / len(s), "estimatedPrecision": precision,
            "estimatedRecall": recall, "estimatedF1": f1}


def cbpe_cases(rng):
    cases = []

    def add(name, yhat, s):
        cases.append({"name": name, "predicted": jlist(np.asarray(yhat, dtype=int)), "score": jlist(s),
                      "expected": cbpe_expected(yhat, s)})

    s = rng.beta(2, 3, 1000)
    add("random_threshold_0_5", s >= 0.5, s)
    add("threshold_0_3", s >= 0.3, s)
    add("all_predicted_positive", np.ones(1000, dtype=bool), s)
    add("all_predicted_negative", np.zeros(1000, dtype=bool), s)
    s2 = 1 - rng.random(500) * 1e-12
    add("scores_near_one", rng.random(500) < 0.9, s2)
    s3 = rng.random(300)
    s3[rng.random(300) < 0.1] = np.nan
    add("some_scores_missing", s3 >= 0.5, s3)
    add("tiny_1_row", [True], [0.9])
    add("zeros_and_ones", [True, False, True, False], [1.0, 0.0, 0.0, 1.0])
    return cases


# ---------------------------------------------------------------- isotonic calibration (CBPE)

def isotonic_fit(s, y):
    """docs/metrics.md "Calibration": sklearn's isotonic regression of the label on the score, finite scores only."""
    s = np.asarray(s, dtype=float)
    y = np.asarray(y, dtype=bool)
    keep = np.isfinite(s)
    return IsotonicRegression(out_of_bounds="clip", y_min=0, y_max=1).fit(s[keep], y[keep].astype(float))


def isotonic_predict(iso, t):
    t = np.asarray(t, dtype=float)
    out = np.full(len(t), np.nan)
    keep = ~np.isnan(t)
    out[keep] = iso.predict(t[keep])
    return out


def isotonic_cases():
    """Own seed, so adding these leaves the other fixtures unchanged."""
    rng = np.random.default_rng(20261202)
    cases = []

    def add(name, s, y, extra_queries=()):
        s = np.asarray(s, dtype=float)
        iso = isotonic_fit(s, y)
        finite = s[np.isfinite(s)]
        lo, hi = float(np.min(finite)), float(np.max(finite))
        pad = max(hi - lo, 1.0) * 0.25
        query = np.concatenate([s, np.linspace(lo - pad, hi + pad, 101), iso.X_thresholds_,
                                np.asarray(extra_queries, dtype=float)])
        cases.append({"name": name, "score": jlist(s), "positive": jlist(np.asarray(y, dtype=int)),
                      "query": jlist(query),
                      "expected": {"xThresholds": jlist(iso.X_thresholds_), "yThresholds": jlist(iso.y_thresholds_),
                                   "predicted": jlist(isotonic_predict(iso, query))}})

    def miscalibrated(n):
        x = rng.normal(0, 1.5, n)
        y = rng.random(n) < 1 / (1 + np.exp(-x))
        return 1 / (1 + np.exp(-3 * x)), y

    s, y = miscalibrated(1000)
    add("miscalibrated_1000", s, y)
    s, y = miscalibrated(2000)
    add("ties_round_2dp", np.round(s, 2), y)
    s, y = miscalibrated(20000)
    add("large_20000_ties_3dp", np.round(s, 3), y)
    y = rng.random(300) < 0.3
    add("constant_score", np.full(300, 0.7), y, [0.0, 0.7, 1.0, -5.0, 5.0])
    s, y = miscalibrated(500)
    s = 0.2 + 0.6 * s
    add("clipped_outside_fitted_range", s, y, [-1.0, 0.0, 0.1999, 0.8001, 1.0, 2.0, np.nan])
    base = rng.random(200)
    s = np.concatenate([base, base + 4e-16, base + 3e-15])
    add("near_ties_below_float_resolution", s, rng.random(600) < s)
    s, y = miscalibrated(400)
    add("all_positive", s, np.ones(400, dtype=bool))
    add("all_negative", s, np.zeros(400, dtype=bool))
    x = rng.normal(0, 2, 800)
    add("logit_scores_outside_0_1", 3 * x, rng.random(800) < 1 / (1 + np.exp(-x)))
    s, y = miscalibrated(600)
    s[rng.random(600) < 0.05] = np.nan
    add("some_scores_missing", s, y, [np.nan])
    add("perfectly_separated", np.linspace(0, 1, 50), np.linspace(0, 1, 50) > 0.5)
    add("one_row", [0.4], [True])
    return cases


def calibrated_cbpe_cases():
    """Estimated accuracy from calibrated scores: fit on a labelled reference, estimate a batch."""
    rng = np.random.default_rng(20261203)
    cases = []
    for name, n_ref, n_bat, sharp, shift in [("sharp_scorer_stable", 3000, 1000, 3.0, 0.0),
                                             ("flat_scorer_shifted_inputs", 2500, 800, 0.5, 0.7)]:
        x_ref = rng.normal(0, 1.5, n_ref)
        y_ref = rng.random(n_ref) < 1 / (1 + np.exp(-x_ref))
        s_ref = 1 / (1 + np.exp(-sharp * x_ref))
        x_bat = rng.normal(shift, 1.5, n_bat)
        s_bat = 1 / (1 + np.exp(-sharp * x_bat))
        yhat = s_bat >= 0.5
        iso = isotonic_fit(s_ref, y_ref)
        cases.append({"name": name, "referenceScore": jlist(s_ref),
                      "referencePositive": jlist(y_ref.astype(int)), "score": jlist(s_bat),
                      "predicted": jlist(yhat.astype(int)),
                      "expected": cbpe_expected(yhat, iso.predict(s_bat))})
    return cases


# ---------------------------------------------------------------- slices

def edges_of(ref):
    ref = np.asarray(ref, dtype=float)
    ref = ref[~np.isnan(ref)]
    if len(ref) == 0:
        return np.array([])
    return np.unique(np.quantile(ref, LEVELS))


def number_text(v, digits):
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == round(v) and abs(v) < 1e15:
        return str(int(v))
    d = Context(prec=digits, rounding=ROUND_HALF_UP).plus(Decimal(v)).normalize()
    return format(d, "f") if 1e-4 <= abs(v) < 1e15 else str(d)


def numeric_labels(name, edges):
    m = len(edges)
    if m == 0:
        return [name + " (all values)", name + " is missing"]
    for digits in range(6, 18):
        t = [number_text(e, digits) for e in edges]
        if all(t[k] != t[k - 1] for k in range(1, m)):
            break
    labels = [name + " <= " + t[0]]
    labels += ["%s in (%s, %s]" % (name, t[k - 1], t[k]) for k in range(1, m)]
    labels += [name + " > " + t[-1], name + " is missing"]
    return labels


def slice_stats(features, outcome):
    """[(feature, label, rows, value)] for non-empty slices, pandas-free numpy bincount."""
    outcome = np.asarray(outcome, dtype=float)
    ok = ~np.isnan(outcome)
    out = []
    for f in features:
        if f["kind"] == "numeric":
            x = np.asarray(f["values"], dtype=float)
            edges = np.asarray(f["edges"], dtype=float)
            bins = np.searchsorted(edges, x, side="left")
            bins[np.isnan(x)] = len(edges) + 1
            labels = numeric_labels(f["name"], edges)
        else:
            codes = np.asarray(f["codes"])
            bins = np.where(codes < 0, len(f["dictionary"]), codes)
            labels = [f["name"] + "=" + c for c in f["dictionary"]] + [f["name"] + " is missing"]
        rows = np.bincount(bins[ok], minlength=len(labels))
        sums = np.bincount(bins[ok], weights=outcome[ok], minlength=len(labels))
        for k in range(len(labels)):
            if rows[k] > 0:
                out.append((f["name"], labels[k], int(rows[k]), sums[k] / rows[k]))
    return out


def worst_slices(metric, batch_stats, ref_stats, min_rows=30, top=3):
    ref = {(f, s): (r, v) for f, s, r, v in ref_stats}
    found = []
    for f, s, r, v in batch_stats:
        if (f, s) not in ref or r < min_rows:
            continue
        rr, rv = ref[(f, s)]
        worse = rv - v if metric == "ACCURACY" else v - rv
        if worse > 0:
            found.append((-worse, -r, f, s, {"feature": f, "slice": s, "batchRows": r, "batchValue": v,
                                             "referenceRows": rr, "referenceValue": rv, "change": v - rv}))
    found.sort(key=lambda t: t[:4])
    return [t[4] for t in found[:top]]


def feature_json(f):
    if f["kind"] == "numeric":
        return {"kind": "numeric", "name": f["name"], "values": jlist(f["values"]), "edges": jlist(f["edges"])}
    return {"kind": "categorical", "name": f["name"], "codes": jlist(f["codes"]), "dictionary": f["dictionary"]}


def slice_case(name, metric, ref_features, ref_outcome, batch_features, batch_outcome):
    ref_stats = slice_stats(ref_features, ref_outcome)
    batch_stats = slice_stats(batch_features, batch_outcome)
    return {"name": name, "metric": metric,
            "referenceFeatures": [feature_json(f) for f in ref_features], "referenceOutcome": jlist(ref_outcome),
            "batchFeatures": [feature_json(f) for f in batch_features], "batchOutcome": jlist(batch_outcome),
            "expectedReference": [{"feature": f, "slice": s, "rows": r, "value": v} for f, s, r, v in ref_stats],
            "expectedWorst": worst_slices(metric, batch_stats, ref_stats)}


def synthetic_features(rng, n, edges_from=None):
    income = rng.lognormal(10.8, 0.4, n)
    income[rng.random(n) < 0.03] = np.nan
    age = rng.integers(18, 80, n).astype(float)
    rate = np.round(rng.random(n) * 0.2, 4)
    purposes = ["car", "education", "furniture", "business", "other"]
    purpose = rng.integers(0, 5, n)
    purpose[rng.random(n) < 0.02] = -1
    feats = [{"kind": "numeric", "name": "income", "values": income},
             {"kind": "numeric", "name": "age", "values": age},
             {"kind": "numeric", "name": "rate", "values": rate},
             {"kind": "categorical", "name": "purpose", "codes": purpose, "dictionary": purposes}]
    for f in feats:
        if f["kind"] == "numeric":
            f["edges"] = edges_of(f["values"]) if edges_from is None else edges_from[f["name"]]
    return feats


def slice_cases(rng):
    cases = []
    ref = synthetic_features(rng, 3000)
    edges = {f["name"]: f["edges"] for f in ref if f["kind"] == "numeric"}
    batch = synthetic_features(rng, 2000, edges)
    ref_correct = (rng.random(3000) < 0.85).astype(float)
    p = np.full(2000, 0.85)
    p[batch[3]["codes"] == 0] = 0.6          # purpose=car got worse
    p[batch[1]["values"] > 65] = 0.7         # old ages got worse
    batch_correct = (rng.random(2000) < p).astype(float)
    cases.append(slice_case("accuracy_synthetic", "ACCURACY", ref, ref_correct, batch, batch_correct))
    # batch with its own dictionary order: joined to the reference by category text
    batch2 = synthetic_features(rng, 1500, edges)
    perm = [3, 1, 4, 0, 2]
    codes = batch2[3]["codes"]
    batch2[3]["codes"] = np.where(codes < 0, -1, np.array(perm)[np.maximum(codes, 0)])
    inv_dict = [None] * 5
    for old, new in enumerate(perm):
        inv_dict[new] = ref[3]["dictionary"][old]
    batch2[3]["dictionary"] = inv_dict
    batch2_correct = (rng.random(1500) < np.where(codes == 2, 0.5, 0.86)).astype(float)
    cases.append(slice_case("accuracy_other_dictionary_order", "ACCURACY", ref, ref_correct, batch2, batch2_correct))
    ref_err = np.abs(rng.normal(0, 10, 3000))
    batch_err = np.abs(rng.normal(0, 10, 2000)) * np.where(batch[0]["values"] > 60000, 1.8, 1.0)
    batch_err[rng.random(2000) < 0.02] = np.nan
    cases.append(slice_case("mae_synthetic", "MAE", ref, ref_err, batch, batch_err))
    better = (rng.random(2000) < 0.99).astype(float)
    cases.append(slice_case("nothing_worse", "ACCURACY", ref, ref_correct, batch, better))
    return cases


def edge_cases(rng):
    arrays = {
        "normal_1000": rng.normal(0, 1, 1000),
        "integers_with_ties": rng.integers(0, 4, 500).astype(float),
        "one_value": np.array([3.5]),
        "two_values": np.array([1.0, 2.0]),
        "seven_values": np.array([0.3, 0.1, 0.7, 0.2, 0.9, 0.5, 0.4]),
        "with_nan": np.array([1.0, np.nan, 4.0, 2.0, np.nan, 8.0, 16.0, 3.0]),
        "all_nan": np.array([np.nan, np.nan]),
        "negative_fractions": rng.normal(-5, 0.001, 97),
        "labels_need_precision": np.array([1.0000001, 1.0000002, 1.0000003, 1.0000004, 1.0000005,
                                           1.0000006, 1.0000007, 1.0000008, 1.0000009, 1.000001]),
    }
    return [{"name": k, "values": jlist(v), "edges": jlist(edges_of(v)),
             "labels": numeric_labels("x", edges_of(v))} for k, v in arrays.items()]


# ---------------------------------------------------------------- German Credit

GERMAN_NUMERIC = {"duration": 1, "amount": 4, "installmentRate": 7, "residenceSince": 10, "age": 12,
                  "existingCredits": 15, "peopleLiable": 17}
GERMAN_CATEGORICAL = {"checkingStatus": 0, "purpose": 3}
GERMAN_SPLIT = 700


def german_case():
    repo_root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
    base = os.environ.get("SHARED_DATA_DIR", os.path.join(os.path.dirname(repo_root), "shared", "data"))
    path = os.path.join(base, "german.data")
    if not os.path.exists(path):
        print("SKIP German Credit fixture: %s not found" % path, file=sys.stderr)
        return None
    rows = [line.split() for line in open(path) if line.strip()]
    x = np.array([[float(r[c]) for c in GERMAN_NUMERIC.values()] for r in rows])
    y = np.array([r[20] == "2" for r in rows])  # positive class = bad credit ("2")
    model = LogisticRegression(max_iter=5000).fit(x[:GERMAN_SPLIT], y[:GERMAN_SPLIT])
    s = model.predict_proba(x)[:, 1]
    yhat = s >= 0.5
    ref, bat = slice(0, GERMAN_SPLIT), slice(GERMAN_SPLIT, len(rows))

    def feats(part, edges=None):
        out = []
        for name, col in GERMAN_NUMERIC.items():
            if name not in ("duration", "amount", "age"):
                continue
            v = x[part, list(GERMAN_NUMERIC).index(name)]
            out.append({"kind": "numeric", "name": name, "values": v,
                        "edges": edges_of(v) if edges is None else edges[name]})
        for name, col in GERMAN_CATEGORICAL.items():
            vals = [r[col] for r in rows[part]]
            dictionary = sorted(set(vals))
            out.append({"kind": "categorical", "name": name, "dictionary": dictionary,
                        "codes": np.array([dictionary.index(v) for v in vals])})
        return out

    ref_feats = feats(ref)
    batch_feats = feats(bat, {f["name"]: f["edges"] for f in ref_feats if f["kind"] == "numeric"})
    ref_correct = (y[ref] == yhat[ref]).astype(float)
    batch_correct = (y[bat] == yhat[bat]).astype(float)
    ref_stats = slice_stats(ref_feats, ref_correct)
    batch_stats = slice_stats(batch_feats, batch_correct)
    return {
        "split": GERMAN_SPLIT,
        "positiveLabel": "2",
        "numericColumns": GERMAN_NUMERIC,
        "categoricalColumns": GERMAN_CATEGORICAL,
        "sliceNumeric": ["duration", "amount", "age"],
        "score": jlist(s),
        "expectedReference": classification_expected(y[ref], yhat[ref], s[ref]),
        "expectedBatch": classification_expected(y[bat], yhat[bat], s[bat]),
        "expectedCbpeBatch": cbpe_expected(yhat[bat], s[bat]),
        "expectedEdges": {f["name"]: jlist(f["edges"]) for f in ref_feats if f["kind"] == "numeric"},
        "expectedReferenceSlices": [{"feature": f, "slice": sl, "rows": r, "value": v}
                                    for f, sl, r, v in ref_stats],
        "expectedWorst": worst_slices("ACCURACY", batch_stats, ref_stats),
    }


# ---------------------------------------------------------------- end-to-end pipeline

def pipeline_case():
    """Fixed data for PerformancePipelineTest (through Kafka and PostgreSQL) and the figures sklearn gives
    on the joined data. Own seed, so adding it leaves the other fixtures unchanged.

    Classification (positiveClass "yes"): a reference with labels; batch A (1500 rows, concept drift for
    high x1 and c1=west) arrives without labels; batch B (600 rows) arrives with labels on its first 200
    rows. labels1 = 60% of A's ids + B's rows 200..399 + 7 unknown ids, in shuffled order; labels2 = the
    rest of A. Estimates are made from scores calibrated on the reference (isotonic), and compared with
    the reference's own estimate (baselineEstimated). Expected: baseline, A rev 1 (estimate only), A rev 2 (after labels1), A rev 3 (after
    labels2), B rev 1, B rev 2. Regression: reference; batch C (800 rows, worse for high r1) without
    labels; labels3 = all of C's ids + 3 unknown. Worst slices as docs/metrics.md / SliceAnalysis define them.
    """
    rng = np.random.default_rng(20261121)
    cats = ["north", "south", "east", "west"]

    def classification(n, prefix, drift):
        x1 = rng.normal(0, 1, n)
        x2 = rng.normal(0, 1, n)
        c1 = rng.integers(0, 4, n)
        logit = 1.3 * x1 - 0.9 * x2 + np.array([0.4, -0.3, 0.0, 0.2])[c1]
        y = rng.random(n) < 1 / (1 + np.exp(-logit))
        score = 1 / (1 + np.exp(-(logit + rng.normal(0, 0.3, n))))
        pred = score >= 0.5
        if drift:
            flip = ((x1 > 0.8) & (rng.random(n) < 0.45)) | ((c1 == 3) & (rng.random(n) < 0.25))
            y = y ^ flip
        x2[rng.random(n) < 0.02] = np.nan
        return {"ids": ["%s-%05d" % (prefix, i) for i in range(n)], "x1": x1, "x2": x2, "c1": c1,
                "score": score, "prediction": pred, "label": y}

    def features(d, edges):
        return [{"kind": "numeric", "name": "x1", "values": d["x1"], "edges": edges["x1"]},
                {"kind": "numeric", "name": "x2", "values": d["x2"], "edges": edges["x2"]},
                {"kind": "categorical", "name": "c1", "codes": d["c1"], "dictionary": cats}]

    def correctness(d, mask):
        out = np.where(d["label"] == d["prediction"], 1.0, 0.0)
        out[~mask] = np.nan
        return out

    def realised(d, mask, ref_stats=None, edges=None):
        e = classification_expected(d["label"][mask], d["prediction"][mask], d["score"][mask])
        e["estimatedOnLabeled"] = cbpe_expected(d["prediction"][mask], iso.predict(d["score"][mask]))
        if ref_stats is not None:
            e["worst"] = worst_slices("ACCURACY", slice_stats(features(d, edges), correctness(d, mask)), ref_stats)
        return e

    def data_json(d, labeled):
        return {"ids": d["ids"], "x1": jlist(d["x1"]), "x2": jlist(d["x2"]), "c1": jlist(d["c1"]),
                "score": jlist(d["score"]), "prediction": jlist(d["prediction"].astype(int)),
                "label": [int(v) if k else None for v, k in zip(d["label"], labeled)]}

    def labels_json(d, rows, unknown):
        ids = [d["ids"][i] for i in rows] + ["zz-%05d" % i for i in range(unknown)]
        lab = [int(d["label"][i]) for i in rows] + [int(i % 2) for i in range(unknown)]
        order = rng.permutation(len(ids))
        return {"ids": [ids[i] for i in order], "label": [lab[i] for i in order]}

    ref = classification(2000, "ref", False)
    a = classification(1500, "a", True)
    b = classification(600, "b", False)
    edges = {"x1": edges_of(ref["x1"]), "x2": edges_of(ref["x2"])}
    iso = isotonic_fit(ref["score"], ref["label"])  # every reference row is labelled
    all_ref = np.ones(2000, dtype=bool)
    ref_stats = slice_stats(features(ref, edges), correctness(ref, all_ref))
    a_first = np.zeros(1500, dtype=bool)
    a_first[rng.permutation(1500)[:900]] = True
    b_first = np.arange(600) < 200
    b_second = np.arange(600) < 400
    part_a = labels_json(a, np.flatnonzero(a_first), 7)
    part_b = labels_json(b, np.arange(200, 400), 0)
    order = rng.permutation(len(part_a["ids"]) + len(part_b["ids"]))
    ids = part_a["ids"] + part_b["ids"]
    lab = part_a["label"] + part_b["label"]
    labels1 = {"ids": [ids[i] for i in order], "label": [lab[i] for i in order]}
    labels2 = labels_json(a, np.flatnonzero(~a_first), 0)
    cls = {
        "positiveClass": "yes", "negativeClass": "no", "categories": cats,
        "reference": data_json(ref, all_ref), "batchA": data_json(a, np.zeros(1500, dtype=bool)),
        "batchB": data_json(b, b_first), "labels1": labels1, "labels2": labels2,
        "expected": {
            "baseline": classification_expected(ref["label"], ref["prediction"], ref["score"]),
            "edges": {k: jlist(v) for k, v in edges.items()},
            "baselineEstimated": cbpe_expected(ref["prediction"], iso.predict(ref["score"])),
            "aRev1": {"estimated": cbpe_expected(a["prediction"], iso.predict(a["score"]))},
            "aRev2": realised(a, a_first, ref_stats, edges),
            "aRev3": realised(a, np.ones(1500, dtype=bool), ref_stats, edges),
            "bRev1": dict(realised(b, b_first), estimated=cbpe_expected(b["prediction"], iso.predict(b["score"]))),
            "bRev2": realised(b, b_second),
            "labels1Unmatched": 7, "labels2Unmatched": 0,
        },
    }

    sizes = ["small", "medium", "large"]

    def regression(n, prefix, drift):
        r1 = rng.normal(50, 10, n)
        r2 = rng.integers(0, 3, n)
        fitted = 2 * r1 + np.array([0.0, 5.0, 10.0])[r2]
        y = fitted + rng.normal(0, 4, n)
        if drift:
            y = y + np.where(r1 > 60, 9.0, 0.0)
        pred = fitted + rng.normal(0, 1, n)
        return {"ids": ["%s-%05d" % (prefix, i) for i in range(n)], "r1": r1, "r2": r2, "prediction": pred,
                "label": y}

    rref = regression(1000, "rref", False)
    c = regression(800, "c", True)
    redges = {"r1": edges_of(rref["r1"])}

    def rfeatures(d):
        return [{"kind": "numeric", "name": "r1", "values": d["r1"], "edges": redges["r1"]},
                {"kind": "categorical", "name": "r2", "codes": d["r2"], "dictionary": sizes}]

    rref_stats = slice_stats(rfeatures(rref), np.abs(rref["label"] - rref["prediction"]))
    c_expected = regression_expected(c["label"], c["prediction"])
    c_expected["worst"] = worst_slices("MAE", slice_stats(rfeatures(c), np.abs(c["label"] - c["prediction"])),
                                       rref_stats)
    rids = c["ids"] + ["zz-%05d" % i for i in range(3)]
    rlab = list(c["label"]) + [1.0, 2.0, 3.0]
    order = rng.permutation(len(rids))
    reg = {
        "categories": sizes,
        "reference": {"ids": rref["ids"], "r1": jlist(rref["r1"]), "r2": jlist(rref["r2"]),
                      "prediction": jlist(rref["prediction"]), "label": jlist(rref["label"])},
        "batchC": {"ids": c["ids"], "r1": jlist(c["r1"]), "r2": jlist(c["r2"]), "prediction": jlist(c["prediction"]),
                   "label": [None] * 800},
        "labels3": {"ids": [rids[i] for i in order], "label": [float(rlab[i]) for i in order]},
        "expected": {"baseline": regression_expected(rref["label"], rref["prediction"]), "cRev2": c_expected,
                     "labels3Unmatched": 3},
    }
    return {"classification": cls, "regression": reg}


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "w") as fh:
        json.dump(payload, fh, allow_nan=False, separators=(",", ":"))
        fh.write("\n")
    print("wrote", os.path.relpath(path))


def main():
    import sklearn
    rng = np.random.default_rng(20240611)
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__, "z95": Z95}
    write("performance-classification.json", {"meta": meta, "cases": classification_cases(rng)})
    write("performance-regression.json", {"meta": meta, "cases": regression_cases(rng)})
    write("performance-cbpe.json", {"meta": meta, "cases": cbpe_cases(rng)})
    write("performance-isotonic.json", {"meta": meta, "cases": isotonic_cases(),
                                        "calibratedCbpe": calibrated_cbpe_cases()})
    write("performance-slices.json", {"meta": meta, "cases": slice_cases(rng), "edgeCases": edge_cases(rng)})
    write("performance-pipeline.json", {"meta": meta, **pipeline_case()})
    g = german_case()
    if g is not None:
        write("performance-german.json", {"meta": meta, "case": g})


if __name__ == "__main__":
    main()
