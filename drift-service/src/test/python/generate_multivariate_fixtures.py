#!/usr/bin/python3
"""Golden fixtures for io.modeltrust.drift.multivariate (PCA reconstruction drift).

Run from the repository root with the Debian scikit-learn stack:

    /usr/bin/python3 drift-service/src/test/python/generate_multivariate_fixtures.py

Reference implementation (docs/metrics.md "Multivariate drift by PCA reconstruction", the recipe of
NannyML's DataReconstructionDriftCalculator): scikit-learn 1.2 SimpleImputer (mean for numbers,
most_frequent for categories), frequency encoding of categories on the imputed reference (0 for a
category the reference never had), StandardScaler, PCA(n_components=0.65, svd_solver="full") and
inverse_transform; numpy.array_split into 10 reference chunks and numpy.std (ddof=0) for the band.

The data is written into the fixture (numbers rounded to 6 decimals, so that Python and Java parse
the same doubles) and is random only here, with a fixed seed:
  reference  4000 rows: x1 ~ N(0,1); x2 = 0.9*x1 + 0.45*N; x3 = -0.7*x1 + 0.5*x2 + 0.6*N; x4 ~ N(5, 2)
             independent; colour in {red, green, blue} with red more likely when x1 > 0; some missing
             x3 and colour values.
  stable     1500 fresh rows of the same process: inside the band.
  broken     1500 fresh rows with x2 shuffled on its own: every marginal is the reference's, the
             x1-x2-x3 correlation is gone, so the reconstruction error leaves the band while no
             univariate test fires.
  shifted    1500 rows with colour "purple" (never in the reference) in 10% of rows and x4 + 1.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "resources", "fixtures", "drift_multivariate.json"))
NUMERIC = ["x1", "x2", "x3", "x4"]
CATEGORICAL = ["colour"]
CHUNKS = 10


def sample(rng, n, missing):
    x1 = rng.normal(size=n)
    x2 = 0.9 * x1 + 0.45 * rng.normal(size=n)
    x3 = -0.7 * x1 + 0.5 * x2 + 0.6 * rng.normal(size=n)
    x4 = rng.normal(5, 2, size=n)
    p_red = np.where(x1 > 0, 0.6, 0.2)
    u = rng.random(n)
    colour = np.where(u < p_red, "red", np.where(u < p_red + (1 - p_red) / 2, "green", "blue")).astype(object)
    num = np.round(np.column_stack([x1, x2, x3, x4]), 6)
    if missing:
        num[rng.random(n) < 0.03, 2] = np.nan
        colour[rng.random(n) < 0.02] = None
    return num, colour


class Fit:
    """The reference fit with scikit-learn's own pieces."""

    def __init__(self, num, cat):
        self.num_imputer = SimpleImputer(strategy="mean").fit(num)
        cat2 = cat.reshape(-1, 1)
        self.cat_imputer = SimpleImputer(strategy="most_frequent", missing_values=None).fit(cat2)
        imputed = self.cat_imputer.transform(cat2).ravel()
        values, counts = np.unique(imputed.astype(str), return_counts=True)
        self.freq = dict(zip(values, counts / len(imputed)))
        x = self.prepare_unscaled(num, cat)
        self.scaler = StandardScaler().fit(x)
        z = self.scaler.transform(x)
        self.pca = PCA(n_components=0.65, svd_solver="full").fit(z)
        err, sq = self.errors(num, cat)
        chunk_means = np.array([c.mean() for c in np.array_split(err, CHUNKS)])
        self.chunk_means = chunk_means
        self.lower = chunk_means.mean() - 3 * chunk_means.std()
        self.upper = chunk_means.mean() + 3 * chunk_means.std()
        self.reference_value = err.mean()
        self.reference_mse = sq.mean(axis=0)

    def prepare_unscaled(self, num, cat):
        n = self.num_imputer.transform(num)
        c = self.cat_imputer.transform(cat.reshape(-1, 1)).ravel().astype(str)
        enc = np.array([self.freq.get(v, 0.0) for v in c])
        return np.column_stack([n, enc])

    def errors(self, num, cat):
        z = self.scaler.transform(self.prepare_unscaled(num, cat))
        recon = self.pca.inverse_transform(self.pca.transform(z))
        diff = z - recon
        return np.sqrt((diff ** 2).sum(axis=1)), diff ** 2

    def score(self, num, cat):
        err, sq = self.errors(num, cat)
        value = float(err.mean())
        increase = sq.mean(axis=0) - self.reference_mse
        names = NUMERIC + CATEGORICAL
        order = sorted(range(len(names)), key=lambda j: -increase[j])
        contributors = [names[j] for j in order if increase[j] > 0][:3]
        return {"value": value, "drifted": bool(value < self.lower or value > self.upper),
                "mseIncrease": increase.tolist(), "contributors": contributors}


def columns(num, cat):
    out = {}
    for j, name in enumerate(NUMERIC):
        out[name] = [None if np.isnan(v) else float(v) for v in num[:, j]]
    out[CATEGORICAL[0]] = [None if v is None else str(v) for v in cat]
    return out


def main():
    rng = np.random.default_rng(20261203)
    ref_num, ref_cat = sample(rng, 4000, missing=True)
    fit = Fit(ref_num, ref_cat)
    stable_num, stable_cat = sample(rng, 1500, missing=True)
    broken_num, broken_cat = sample(rng, 1500, missing=True)
    broken_num[:, 1] = rng.permutation(broken_num[:, 1])
    shifted_num, shifted_cat = sample(rng, 1500, missing=True)
    shifted_num[:, 3] = np.round(shifted_num[:, 3] + 1.0, 6)
    shifted_cat[rng.random(1500) < 0.10] = "purple"
    batches = {}
    for name, (num, cat) in {"stable": (stable_num, stable_cat), "broken": (broken_num, broken_cat),
                             "shifted": (shifted_num, shifted_cat)}.items():
        batches[name] = {"columns": columns(num, cat), "expected": fit.score(num, cat)}
    doc = {
        "generator": "drift-service/src/test/python/generate_multivariate_fixtures.py",
        "sklearn": sklearn.__version__, "numpy": np.__version__,
        "numeric": NUMERIC, "categorical": CATEGORICAL,
        "reference": {"columns": columns(ref_num, ref_cat)},
        "expected": {
            "means": fit.scaler.mean_.tolist(), "scales": fit.scaler.scale_.tolist(),
            "frequencies": fit.freq and {k: float(v) for k, v in fit.freq.items()},
            "components": fit.pca.components_.tolist(),
            "explainedVarianceRatio": fit.pca.explained_variance_ratio_.tolist(),
            "chunkMeans": fit.chunk_means.tolist(), "lower": float(fit.lower), "upper": float(fit.upper),
            "referenceValue": float(fit.reference_value), "referenceMse": fit.reference_mse.tolist(),
        },
        "batches": batches,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT}: k={fit.pca.n_components_}, band [{fit.lower:.6f}, {fit.upper:.6f}], "
          + ", ".join(f"{n} {b['expected']['value']:.6f} drifted={b['expected']['drifted']} "
                      f"{b['expected']['contributors']}" for n, b in batches.items()))


if __name__ == "__main__":
    main()
