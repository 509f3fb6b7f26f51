#!/usr/bin/python3
"""scikit-learn's time for the multiclass metrics of MulticlassMetrics and the one-vs-rest isotonic calibration
with the estimate on 1,000,000 rows x 5 classes,
the counterpart of src/test/java/.../metrics/MulticlassBench.java (same data recipe, numpy's RNG).

Run: /usr/bin/python3 performance-service/src/test/python/bench_multiclass.py [rows]
"""
import sys
import time
import warnings

import numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, log_loss,
                             precision_recall_fscore_support, precision_score, recall_score,
                             roc_auc_score)

warnings.filterwarnings("ignore")


def all_metrics(classes, y, p, s):
    kw = dict(labels=classes, zero_division=0)
    out = {"accuracy": accuracy_score(y, p)}
    for avg in ("macro", "weighted"):
        out[avg + "Precision"] = precision_score(y, p, average=avg, **kw)
        out[avg + "Recall"] = recall_score(y, p, average=avg, **kw)
        out[avg + "F1"] = f1_score(y, p, average=avg, **kw)
    out["perClass"] = precision_recall_fscore_support(y, p, average=None, **kw)
    out["confusionMatrix"] = confusion_matrix(y, p, labels=classes)
    out["rocAucOvr"] = roc_auc_score(y, s, multi_class="ovr", average="macro", labels=classes)
    out["logLoss"] = log_loss(y, s, labels=classes)
    return out


def calibrate(truth, s):
    """docs/metrics.md "Calibration": one isotonic fit per class (one-vs-rest), rows renormalised to sum to 1."""
    out = np.empty_like(s)
    for c in range(s.shape[1]):
        iso = IsotonicRegression(out_of_bounds="clip", y_min=0, y_max=1)
        iso.fit(s[:, c], (truth == c).astype(float))
        out[:, c] = iso.predict(s[:, c])
    sums = out.sum(axis=1, keepdims=True)
    return np.divide(out, sums, out=np.zeros_like(out), where=sums > 0)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    k = 5
    rng = np.random.default_rng(20261202)
    truth = rng.integers(0, k, n)
    logits = rng.normal(size=(n, k))
    logits[np.arange(n), truth] += 1.2
    s = np.exp(logits)
    s /= s.sum(axis=1, keepdims=True)
    pred = s.argmax(axis=1)
    classes = ["a", "b", "c", "d", "e"]                 # string labels, as the service's classes are
    names = np.array(classes)
    y, p = names[truth], names[pred]
    # String labels are what the service holds; integer codes show how much of sklearn's time is
    # np.unique over strings.
    for what, yy, pp, cl in (("string labels", y, p, classes), ("int codes", truth, pred, list(range(k)))):
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            m = all_metrics(cl, yy, pp, s)
            best = min(best, time.perf_counter() - t0)
        print("sklearn %d rows x %d classes, %s: %.1f ms (best of 3)" % (n, k, what, best * 1e3))
        if what == "string labels":
            best_strings = best
    best_cal = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        calibrated = calibrate(truth, s)
        estimate = calibrated[np.arange(n), pred].mean()
        best_cal = min(best_cal, time.perf_counter() - t0)
    print("sklearn IsotonicRegression one-vs-rest fit + calibrate + estimate: %.1f ms (best of 3)" % (best_cal * 1e3))
    total = best_strings + best_cal
    print("TOTAL metrics (string labels) + calibration + estimate: %.1f ms" % (total * 1e3))
    print("estimated accuracy", estimate)
    print("accuracy", m["accuracy"], "macroF1", m["macroF1"], "rocAucOvr", m["rocAucOvr"],
          "logLoss", m["logLoss"])


if __name__ == "__main__":
    main()
