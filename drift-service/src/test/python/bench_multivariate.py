#!/usr/bin/python3
"""scikit-learn counterpart of MultivariateBench: PCA reconstruction drift on the same data.

Run MultivariateBench first (it writes the columns to /tmp/multivariate-bench), then:

    /usr/bin/python3 drift-service/src/test/python/bench_multivariate.py [/tmp/multivariate-bench] [repeats]

Reference fit: SimpleImputer(mean), StandardScaler, PCA(n_components=0.65, svd_solver="full"),
reconstruction errors of the reference and the band from its 10 chunks (numpy.array_split, std
ddof=0). Production score: impute, scale, transform + inverse_transform, mean error and per-column
squared error. This is the recipe of NannyML's DataReconstructionDriftCalculator with the
scikit-learn pieces it uses.
"""
import os
import sys
import time

import numpy as np
from sklearn.decomposition import PCA
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

FEATURES = 20


def load(d, side):
    return np.column_stack([np.fromfile(os.path.join(d, f"{side}_{f}.f64"), dtype="<f8") for f in range(FEATURES)])


def errors(imputer, scaler, pca, x):
    z = scaler.transform(imputer.transform(x))
    diff = z - pca.inverse_transform(pca.transform(z))
    sq = diff ** 2
    return np.sqrt(sq.sum(axis=1)), sq.mean(axis=0)


def fit(ref):
    imputer = SimpleImputer(strategy="mean").fit(ref)
    scaler = StandardScaler().fit(imputer.transform(ref))
    pca = PCA(n_components=0.65, svd_solver="full").fit(scaler.transform(imputer.transform(ref)))
    err, mse = errors(imputer, scaler, pca, ref)
    means = np.array([c.mean() for c in np.array_split(err, 10)])
    return imputer, scaler, pca, means.mean() - 3 * means.std(), means.mean() + 3 * means.std(), mse


def median_ms(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return sorted(times)[len(times) // 2]


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "/tmp/multivariate-bench"
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    ref, prod = load(d, "ref"), load(d, "prod")
    imputer, scaler, pca, lower, upper, ref_mse = fit(ref)
    err, mse = errors(imputer, scaler, pca, prod)
    order = np.argsort(-(mse - ref_mse))
    print(f"components kept: {pca.n_components_} of {FEATURES}, band [{lower:.6f}, {upper:.6f}], "
          f"value {err.mean():.6f}, drifted {not lower <= err.mean() <= upper}, "
          f"contributors {['f%d' % j for j in order[:3] if mse[j] > ref_mse[j]]}")
    fit_ms = median_ms(lambda: fit(ref), repeats)
    score_ms = median_ms(lambda: errors(imputer, scaler, pca, prod), repeats)
    print(f"sklearn reference fit (1M rows x 20): median {fit_ms:.0f} ms")
    print(f"sklearn production score (1M rows x 20): median {score_ms:.0f} ms")
    print(f"sklearn multivariate total fit + score: {fit_ms + score_ms:.0f} ms")


if __name__ == "__main__":
    main()
