#!/usr/bin/python3
"""Golden fixtures for io.modeltrust.drift.multivariate.DomainClassifier (domain-classifier drift).

Run from the repository root with the Debian scikit-learn stack, after generate_multivariate_fixtures.py
(whose data this reads):

    /usr/bin/python3 drift-service/src/test/python/generate_domain_classifier_fixtures.py

Two parts (docs/metrics.md "Multivariate drift by a domain classifier"):

  auc      sklearn.metrics.roc_auc_score of scores against two classes, with ties (mid-ranks), a
           constant score, perfect and reversed separation. Auc.of must equal these to 1e-12.
  batches  for the stable, broken and shifted batches of drift_multivariate.json against its reference,
           the cross-validated AUC of the same recipe with scikit-learn's pieces: the PCA fixture's
           preparation (SimpleImputer, frequency encoding, StandardScaler fitted on the reference), values
           clipped to +-10, PolynomialFeatures(degree=2) (every feature, square and pair), StandardScaler
           over the pooled rows, LogisticRegression (L2, C=1, lbfgs) and the mean roc_auc of
           StratifiedKFold(5, shuffle=True). Tribuo's SGD fit and another fold draw are not the same
           numbers, so the Java test allows a tolerance; what it checks is that the learner's AUC is the
           AUC an independent, converged logistic regression finds.
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate_multivariate_fixtures import CATEGORICAL, NUMERIC, Fit  # noqa: E402

FIXTURES = os.path.normpath(os.path.join(HERE, "..", "resources", "fixtures"))
SOURCE = os.path.join(FIXTURES, "drift_multivariate.json")
OUT = os.path.join(FIXTURES, "drift_domain_classifier.json")
CLIP = 10.0


def auc_cases(rng):
    cases = []
    y = rng.random(300) < 0.4
    cases.append(("continuous", rng.normal(size=300) + 0.7 * y, y))
    cases.append(("ties", np.round(rng.normal(size=300) + 0.5 * y, 1), y))
    y2 = rng.random(120) < 0.5
    cases.append(("coarse ties", rng.integers(0, 4, size=120).astype(float) + y2, y2))
    cases.append(("constant", np.full(50, 0.3), np.arange(50) % 3 == 0))
    y3 = np.arange(40) >= 25
    cases.append(("separated", np.arange(40) / 40.0, y3))
    cases.append(("reversed", -np.arange(40) / 40.0, y3))
    out = []
    for name, s, labels in cases:
        s = np.round(s, 6)
        out.append({"name": name, "scores": s.tolist(), "labels": [bool(v) for v in labels],
                    "auc": float(roc_auc_score(labels, s))})
    return out


def arrays(columns):
    num = np.array([[np.nan if v is None else v for v in columns[n]] for n in NUMERIC], dtype=float).T
    cat = np.array([None if v is None else v for v in columns[CATEGORICAL[0]]], dtype=object)
    return num, cat


def sklearn_auc(fit, ref, batch):
    z_ref = fit.scaler.transform(fit.prepare_unscaled(*ref))
    z_batch = fit.scaler.transform(fit.prepare_unscaled(*batch))
    x = np.clip(np.vstack([z_ref, z_batch]), -CLIP, CLIP)
    y = np.r_[np.zeros(len(z_ref)), np.ones(len(z_batch))]
    model = make_pipeline(PolynomialFeatures(degree=2, include_bias=False), StandardScaler(),
                          LogisticRegression(C=1.0, max_iter=2000))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=20261203)
    return float(cross_val_score(model, x, y, cv=folds, scoring="roc_auc").mean())


def main():
    rng = np.random.default_rng(20261203)
    with open(SOURCE, encoding="utf-8") as f:
        source = json.load(f)
    ref = arrays(source["reference"]["columns"])
    fit = Fit(*ref)
    batches = {name: {"auc": sklearn_auc(fit, ref, arrays(b["columns"]))} for name, b in source["batches"].items()}
    doc = {
        "generator": "drift-service/src/test/python/generate_domain_classifier_fixtures.py",
        "data": "drift_multivariate.json",
        "sklearn": sklearn.__version__, "numpy": np.__version__,
        "auc": auc_cases(rng),
        "batches": batches,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT}: " + ", ".join(f"{c['name']} {c['auc']:.6f}" for c in doc["auc"]) + "; "
          + ", ".join(f"{n} AUC {b['auc']:.4f}" for n, b in batches.items()))


if __name__ == "__main__":
    main()
