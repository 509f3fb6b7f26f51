#!/usr/bin/python3
"""SciPy baseline for DriftBench: the same per-batch drift statistics on the same data.

Run DriftBench first (it writes the columns to /tmp/drift-bench), then:

    /usr/bin/python3 drift-service/src/test/python/bench_baseline.py [/tmp/drift-bench] [repeats]

Per numeric feature: ks_2samp (asymptotic branch at this size), decile-edge PSI and
Jensen-Shannon, wasserstein_distance / std(R), mean and p10/p50/p90 of both sides, out-of-range
share. Per categorical feature: dictionaries matched by string, chi2_contingency, PSI, JS, unseen
share. Then Benjamini-Hochberg (statsmodels) and the drift decision. SciPy has no reusable
reference profile, so the timing covers everything from the raw columns (as a SciPy pipeline
would run per batch); the reference-only work is also timed separately for comparison.
"""
import os
import sys
import time

import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon
from statsmodels.stats.multitest import multipletests

NUMERIC, CATEGORICAL = 15, 5
DECILES = np.arange(1, 10) / 10


def load(d):
    num = [(np.fromfile(os.path.join(d, f"ref_num_{f}.f64"), dtype="<f8"),
            np.fromfile(os.path.join(d, f"prod_num_{f}.f64"), dtype="<f8")) for f in range(NUMERIC)]
    cat = []
    for c in range(CATEGORICAL):
        rd = open(os.path.join(d, f"ref_dict_{c}.txt"), encoding="utf-8").read().splitlines()
        pd = open(os.path.join(d, f"prod_dict_{c}.txt"), encoding="utf-8").read().splitlines()
        cat.append((rd, np.fromfile(os.path.join(d, f"ref_cat_{c}.i32"), dtype="<i4"),
                    pd, np.fromfile(os.path.join(d, f"prod_cat_{c}.i32"), dtype="<i4")))
    return num, cat


def psi_js(rs, ps):
    p = np.maximum(rs, 1e-4)
    q = np.maximum(ps, 1e-4)
    return float(np.sum((q - p) * np.log(q / p))), float(jensenshannon(rs, ps))


def numeric_stats(r_raw, p_raw):
    r = r_raw[~np.isnan(r_raw)]
    p = p_raw[~np.isnan(p_raw)]
    ks = stats.ks_2samp(r, p)
    edges = np.unique(np.quantile(r, DECILES))
    k = len(edges) + 1
    rs = np.bincount(np.searchsorted(edges, r, side="left"), minlength=k) / len(r)
    ps = np.bincount(np.searchsorted(edges, p, side="left"), minlength=k) / len(p)
    psi, js = psi_js(rs, ps)
    std = np.std(r)
    w = stats.wasserstein_distance(r, p)
    w = w / std if std != 0 else w
    summary = [np.mean(r), *np.quantile(r, [0.1, 0.5, 0.9]), np.mean(p), *np.quantile(p, [0.1, 0.5, 0.9])]
    out_of_range = np.mean((p < r.min()) | (p > r.max()))
    missing = (np.mean(np.isnan(r_raw)), np.mean(np.isnan(p_raw)))
    return ks.statistic, ks.pvalue, psi, js, w, summary, out_of_range, missing


def categorical_stats(rd, rc, pd, pc):
    rcount = np.bincount(rc[rc >= 0], minlength=len(rd))
    pcount = np.bincount(pc[pc >= 0], minlength=len(pd))
    cats = [s for s, n in zip(rd, rcount) if n > 0]
    pos = {s: i for i, s in enumerate(cats)}
    ref_row = [int(n) for n in rcount if n > 0]
    prod_row = [0] * len(cats)
    for s, n in zip(pd, pcount):
        if n == 0:
            continue
        if s not in pos:
            pos[s] = len(cats)
            cats.append(s)
            ref_row.append(0)
            prod_row.append(0)
        prod_row[pos[s]] += int(n)
    table = np.array([ref_row, prod_row])
    chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    rs = table[0] / table[0].sum()
    ps = table[1] / table[1].sum()
    psi, js = psi_js(rs, ps)
    unseen = table[1][table[0] == 0].sum() / table[1].sum()
    return chi2, p, psi, js, unseen


def batch(num, cat):
    rows = [numeric_stats(r, p) for r, p in num] + [categorical_stats(*c) for c in cat]
    pvals = np.array([row[1] for row in rows])
    adjusted = multipletests(pvals, method="fdr_bh")[1]
    drifted = [(a < 0.05 and row[2] >= 0.1) for a, row in zip(adjusted, rows)]
    return rows, drifted


def reference_only(num, cat):
    for r, _ in num:
        r = np.sort(r[~np.isnan(r)])
        np.unique(np.quantile(r, DECILES)), np.mean(r), np.std(r)
    for rd, rc, _, _ in cat:
        np.bincount(rc[rc >= 0], minlength=len(rd))


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "/tmp/drift-bench"
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    if not os.path.exists(os.path.join(d, "ref_num_0.f64")):
        sys.exit(f"no benchmark data in {d}: run DriftBench first")
    num, cat = load(d)
    t = time.perf_counter()
    reference_only(num, cat)
    ref_seconds = time.perf_counter() - t
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        rows, drifted = batch(num, cat)
        times.append(time.perf_counter() - t)
    for i, (row, flag) in enumerate(zip(rows, drifted)):
        name = f"num{i}" if i < NUMERIC else f"cat{i - NUMERIC}"
        print(f"{name:6s} stat={row[0]:.6g} p={row[1]:.6g} psi={row[2]:.6g} js={row[3]:.6g} drifted={flag}")
    print(f"driftShare={sum(drifted) / len(drifted):.3f}")
    print(f"scipy reference-only work (sort, deciles, mean, std, counts): {ref_seconds:.2f} s")
    print(f"scipy batch (20 features from raw columns + BH), median of {repeats}: {sorted(times)[len(times) // 2]:.2f} s")


if __name__ == "__main__":
    main()
