#!/usr/bin/python3
"""Golden fixtures for io.modeltrust.drift.stats (drift statistics engine).

Run from the repository root with the Debian SciPy stack:

    /usr/bin/python3 drift-service/src/test/python/generate_fixtures.py

Reference implementations (docs/metrics.md "Drift" and "Data quality"): scipy 1.10.1
(ks_2samp, kstwo, special.smirnov, chi2_contingency with and without
lambda_="log-likelihood", spatial.distance.jensenshannon, wasserstein_distance,
cramervonmises_2samp, anderson_ksamp, special.kv), numpy 1.24 (quantile, searchsorted, std)
and statsmodels 0.13.5 (multipletests fdr_bh). The Hellinger distance has no SciPy function; it
is written out below from its definition.

Deterministic: small samples are written inline; larger ones are described by a generator spec
that the Java tests reproduce bit for bit (SplitMix64 uniforms combined with +, -, *, floor only,
which IEEE 754 rounds identically in numpy and Java). The UCI Adult case reads
../shared/data (or $SHARED_DATA_DIR) and stores only computed figures; it is skipped with a
message when the folder is absent.
"""
import json
import os
import sys
import warnings
from decimal import Decimal, getcontext
from math import gcd

import numpy as np
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon
from scipy.special import smirnov
from scipy.special import kv
from scipy.stats._hypotests import _cdf_cvm_inf
from scipy.stats._stats_py import _attempt_exact_2kssamp
from statsmodels.stats.multitest import multipletests

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "resources", "fixtures"))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
DATA_DIR = os.environ.get("SHARED_DATA_DIR",
                          os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "data")))

DECILES = np.arange(1, 10) / 10
PSI_FLOOR = 1e-4
MASK64 = (1 << 64) - 1

# ---------------------------------------------------------------- deterministic data generator


def splitmix_uniforms(seed, count):
    """count uniforms in [0, 1): SplitMix64 outputs (state += golden gamma) >> 11 times 2^-53."""
    with np.errstate(over="ignore"):
        idx = np.arange(1, count + 1, dtype=np.uint64)
        z = np.uint64(seed) + idx * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def generate(spec):
    """Numeric column from a spec; the Java side (GeneratedData) implements the same formulas."""
    kind, n, seed = spec["kind"], spec["n"], spec["seed"]
    if kind == "normal4":  # Irwin-Hall(4) - 2, roughly normal with variance 1/3
        u = splitmix_uniforms(seed, 4 * n).reshape(n, 4)
        x = spec["loc"] + spec["scale"] * (u[:, 0] + u[:, 1] + u[:, 2] + u[:, 3] - 2.0)
    elif kind == "int":  # heavy ties: loc + floor(u * k)
        u = splitmix_uniforms(seed, n)
        x = spec["loc"] + np.floor(u * spec["k"])
    elif kind == "const":
        x = np.full(n, float(spec["value"]))
    else:
        raise ValueError(kind)
    every = spec.get("missing_every", 0)
    if every:
        x[::every] = np.nan
    return x


def generate_codes(spec):
    """Categorical codes: code = number of cumulative probabilities <= u; -1 every missing_every."""
    u = splitmix_uniforms(spec["seed"], spec["n"])
    codes = np.searchsorted(np.array(spec["cum"], dtype=np.float64), u, side="right").astype(np.int64)
    every = spec.get("missing_every", 0)
    if every:
        codes[::every] = -1
    return codes


def column(values_or_spec):
    if isinstance(values_or_spec, dict):
        return {"gen": values_or_spec}, generate(values_or_spec)
    arr = np.asarray(values_or_spec, dtype=np.float64)
    return {"values": [None if np.isnan(v) else float(v) for v in arr]}, arr


# ---------------------------------------------------------------- reference computations


def quantiles(a):
    return {"mean": float(np.mean(a)), "p10": float(np.quantile(a, 0.1)),
            "p50": float(np.quantile(a, 0.5)), "p90": float(np.quantile(a, 0.9))}


def psi_terms(ref_shares, prod_shares):
    p = np.maximum(ref_shares, PSI_FLOOR)
    q = np.maximum(prod_shares, PSI_FLOOR)
    return (q - p) * np.log(q / p)


def top_bins(terms):
    order = sorted(range(len(terms)), key=lambda b: (-terms[b], b))[:3]
    return [{"bin": int(b), "psiTerm": float(terms[b])} for b in order]


def ks_reference(r, p):
    """ks_2samp plus which method produced the p-value (exact unless scipy fell back)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = stats.ks_2samp(r, p, method="auto")
        n1, n2 = len(r), len(p)
        exact = False
        if max(n1, n2) <= 10000:
            exact = _attempt_exact_2kssamp(n1, n2, gcd(n1, n2), res.statistic, "two-sided")[0]
    return float(res.statistic), float(res.pvalue), bool(exact)


def hellinger(ref_counts, prod_counts):
    """docs/metrics.md: sqrt(1 - sum sqrt(p_i q_i)) over the psi bins, unfloored shares p_i, q_i,
    clipped at 0. No SciPy function computes it, and in float64 the 1 - sum cancels to rounding
    noise for close distributions, so the reference value is the definition evaluated on the exact
    count ratios with 60 significant digits, then rounded to float64."""
    getcontext().prec = 60
    n = Decimal(int(np.sum(ref_counts)))
    m = Decimal(int(np.sum(prod_counts)))
    s = sum((Decimal(int(a)) * Decimal(int(b)) / (n * m)).sqrt() for a, b in zip(ref_counts, prod_counts))
    return float(max(Decimal(0), 1 - s).sqrt())


def cvm_reference(r, p):
    """cramervonmises_2samp(method='auto') and the branch it took (exact when both sizes <= 20);
    scipy raises below two observations a side, which the service reports as no test result."""
    if len(r) < 2 or len(p) < 2:
        return {}
    res = stats.cramervonmises_2samp(r, p, method="auto")
    return {"cvmStatistic": float(res.statistic), "cvmPValue": float(res.pvalue),
            "cvmExact": bool(max(len(r), len(p)) <= 20)}


def ad_reference(r, p):
    """anderson_ksamp([R, P]) (midrank): statistic and significance_level, which scipy caps to
    [0.001, 0.25] with a warning; 'bound' says which side was hit. scipy raises with a single
    distinct value over both samples or with two values in all, and gives nan with three values in
    all; then there is no expectation."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            res = stats.anderson_ksamp([r, p])
        except (ValueError, IndexError):  # IndexError: two values in all
            return {}
    if not np.isfinite(res.statistic):
        return {}  # three values in all: scipy's variance has a zero denominator and gives nan
    bound = None
    for w in caught:
        text = str(w.message)
        if text.startswith("p-value capped"):
            bound = "capped"
        elif text.startswith("p-value floored"):
            bound = "floored"
    out = {"adStatistic": float(res.statistic), "adPValue": float(res.significance_level)}
    if bound is not None:
        out["adBound"] = bound
    return out


def g_reference(table):
    """chi2_contingency(table, lambda_='log-likelihood', correction=False)."""
    res = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    return {"gStatistic": float(res[0]), "gPValue": float(res[1])}


def numeric_expected(r_raw, p_raw):
    r = r_raw[~np.isnan(r_raw)]
    p = p_raw[~np.isnan(p_raw)]
    exp = {"refMissingShare": float(np.mean(np.isnan(r_raw))) if len(r_raw) else None,
           "prodMissingShare": float(np.mean(np.isnan(p_raw))) if len(p_raw) else None,
           "refCount": int(len(r)), "prodCount": int(len(p))}
    if len(r) == 0 or len(p) == 0:
        return exp
    stat, pvalue, exact = ks_reference(r, p)
    edges = np.unique(np.quantile(r, DECILES))
    k = len(edges) + 1
    rc = np.bincount(np.searchsorted(edges, r, side="left"), minlength=k)
    pc = np.bincount(np.searchsorted(edges, p, side="left"), minlength=k)
    rs = rc / len(r)
    ps = pc / len(p)
    terms = psi_terms(rs, ps)
    std = float(np.std(r))
    w = float(stats.wasserstein_distance(r, p))
    exp.update({
        "ksStatistic": stat, "ksPValue": pvalue, "ksExact": exact,
        "edges": edges.tolist(), "refShares": rs.tolist(), "prodShares": ps.tolist(),
        "psi": float(np.sum(terms)), "jensenShannon": float(jensenshannon(rs, ps)),
        "wasserstein": w / std if std != 0 else w, "wassersteinRaw": w,
        "refStd": std, "refMin": float(r.min()), "refMax": float(r.max()),
        "reference": quantiles(r), "production": quantiles(p),
        "outOfRangeShare": float(np.mean((p < r.min()) | (p > r.max()))),
        "topBins": top_bins(terms),
        "hellinger": hellinger(rc, pc),
    })
    exp.update(cvm_reference(r, p))
    exp.update(ad_reference(r, p))
    return exp


def categorical_expected(ref_dict, ref_codes, prod_dict, prod_codes):
    ref_codes = np.asarray(ref_codes)
    prod_codes = np.asarray(prod_codes)
    ref_counts, prod_counts = {}, {}
    for d, codes, counts in ((ref_dict, ref_codes, ref_counts), (prod_dict, prod_codes, prod_counts)):
        for c in codes[codes >= 0]:
            counts[d[c]] = counts.get(d[c], 0) + 1
    # union: reference categories in dictionary order, then production-only ones
    cats = []
    for d, counts in ((ref_dict, ref_counts), (prod_dict, prod_counts)):
        for s in d:
            if s in counts and s not in cats:
                cats.append(s)
    exp = {"refMissingShare": float(np.mean(ref_codes < 0)) if len(ref_codes) else None,
           "prodMissingShare": float(np.mean(prod_codes < 0)) if len(prod_codes) else None,
           "refCount": int(sum(ref_counts.values())), "prodCount": int(sum(prod_counts.values()))}
    if not ref_counts or not prod_counts:
        return exp
    table = np.array([[ref_counts.get(c, 0) for c in cats], [prod_counts.get(c, 0) for c in cats]])
    res = stats.chi2_contingency(table, correction=False)
    rs = table[0] / table[0].sum()
    ps = table[1] / table[1].sum()
    terms = psi_terms(rs, ps)
    unseen = sum(v for c, v in prod_counts.items() if c not in ref_counts)
    exp.update({
        "categories": cats, "chi2Statistic": float(res[0]), "chi2PValue": float(res[1]), "dof": int(res[2]),
        "refShares": rs.tolist(), "prodShares": ps.tolist(),
        "psi": float(np.sum(terms)), "jensenShannon": float(jensenshannon(rs, ps)),
        "unseenCategoryShare": unseen / table[1].sum(), "topBins": top_bins(terms),
        "hellinger": hellinger(table[0], table[1]),
    })
    exp.update(g_reference(table))
    return exp


# ---------------------------------------------------------------- fixture sets


def distribution_fixture():
    """kstwo.sf / smirnov over every branch of scipy's _kolmogn, the exact/asymptotic
    p-value for given (n1, n2, D), including square-method results scipy rejects (> 1),
    and chi2.sf over a range of degrees of freedom."""
    rng = np.random.default_rng(20240611)
    grid = []
    ns = [1, 2, 3, 5, 10, 20, 50, 100, 139, 140, 141, 200, 500, 1000, 5000, 8571,
          20000, 99999, 100000, 100001, 136364, 500000, 1000001]
    for n in ns:
        xs = set()
        for z in [0.3, 0.5, 0.7, 0.8, 0.9, 1.0, 1.2, 1.5, 2.0, 2.5, 3, 4, 6, 10, 13.6, 20]:
            x = z / np.sqrt(n)
            if 0 < x < 1:
                xs.add(float(x))
        for x in [0.4 / n, 0.6 / n, 0.9 / n, 1.0 / n, 1.5 / n, 0.45, 0.5, 0.55, 0.9, 1 - 1.0 / n, 1 - 0.5 / n]:
            if 0 < x < 1:
                xs.add(float(x))
        for u in rng.uniform(0, 1, 4):
            xs.add(float(u) ** 3)
        for x in sorted(xs):
            grid.append({"n": n, "x": x, "kstwoSf": float(stats.kstwo.sf(x, n)),
                         "smirnov": float(smirnov(n, x))})
    from_d = []
    pairs = [(5, 5), (30, 30), (1000, 1000), (5000, 5000), (10000, 10000), (40, 55), (3000, 2000),
             (10000, 9973), (7, 10000), (1, 1), (1, 9000), (10001, 40), (20000, 15000), (15000, 20000),
             (10001, 10001)]
    for n1, n2 in pairs:
        lcm = n1 // gcd(n1, n2) * n2
        hs = {1, 2, 3, lcm // 50, lcm // 10, lcm // 4, lcm // 2, lcm - 1, lcm}
        for h in sorted(x for x in hs if 0 < x <= lcm):
            d = h / lcm
            r = ks_from_d(n1, n2, d)
            from_d.append({"n1": n1, "n2": n2, "d": d, **r})
    chi2 = []
    for dof in [1, 2, 3, 4, 5, 7, 10, 15, 30, 40, 99, 500]:
        for q in [1e-9, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999999]:
            x = float(stats.chi2.isf(q, dof))
            chi2.append({"dof": dof, "x": x, "sf": float(stats.chi2.sf(x, dof))})
        for x in [1e-3, 0.5, 2.0, 50.0, 200.0]:
            chi2.append({"dof": dof, "x": x, "sf": float(stats.chi2.sf(x, dof))})
    return {"kstwo": grid, "ksFromStatistic": from_d, "chi2": chi2}


def ks_from_d(n1, n2, d):
    """The p-value part of scipy 1.10.1 ks_2samp (two-sided, method='auto') for a given D."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exact = False
        if max(n1, n2) <= 10000:
            ok, d, prob = _attempt_exact_2kssamp(n1, n2, gcd(n1, n2), d, "two-sided")
            exact = ok
        if not exact:
            m, n = sorted([float(n1), float(n2)], reverse=True)
            prob = stats.kstwo.sf(d, np.round(m * n / (m + n)))
    return {"statistic": float(d), "pValue": float(np.clip(prob, 0, 1)), "exact": bool(exact)}


def numeric_fixture():
    def n4(n, seed, loc=0.0, scale=1.0, every=0):
        return {"kind": "normal4", "n": n, "seed": seed, "loc": loc, "scale": scale, "missing_every": every}

    def ints(n, seed, k, loc=0.0, every=0):
        return {"kind": "int", "n": n, "seed": seed, "k": k, "loc": loc, "missing_every": every}

    rng = np.random.default_rng(7)
    small_r = np.round(rng.normal(50, 10, 40), 3)
    small_p = np.round(rng.normal(54, 12, 55), 3)
    eq_r = np.round(rng.normal(0, 1, 30), 4)
    eq_p = np.round(rng.normal(0.4, 1, 30), 4)
    miss_r = rng.normal(0, 1, 60)
    miss_r[rng.uniform(size=60) < 0.2] = np.nan
    miss_p = rng.normal(0.3, 1.2, 45)
    miss_p[rng.uniform(size=45) < 0.3] = np.nan
    cases = [
        ("small exact n != m", small_r, small_p),
        ("small exact n == m", eq_r, eq_p),
        ("exact n == m = 1000 shifted", n4(1000, 11), n4(1000, 12, loc=0.08)),
        ("exact 3000 vs 2000", n4(3000, 13), n4(2000, 14, loc=0.03)),
        ("exact 10000 vs 9973 coprime", n4(10000, 15), n4(9973, 16, loc=0.01)),
        ("exact identical samples", n4(500, 17), n4(500, 17)),
        ("asymptotic 20000 vs 15000 no shift", n4(20000, 21), n4(15000, 22)),
        ("asymptotic 20000 vs 15000 small shift", n4(20000, 23), n4(15000, 24, loc=0.02)),
        ("asymptotic 20000 vs 15000 shift", n4(20000, 25), n4(15000, 26, loc=0.06, scale=1.1)),
        ("asymptotic strong shift", n4(20000, 27), n4(15000, 28, loc=1.0)),
        ("asymptotic 20000 vs 50", n4(20000, 29), n4(50, 30, loc=0.2)),
        ("asymptotic 20000 vs 3", n4(20000, 31), n4(3, 32)),
        ("asymptotic 12000 vs 1 (one-row batch)", n4(12000, 33), [0.25]),
        ("asymptotic 300000 vs 250000 (Pelz-Good)", n4(300000, 34), n4(250000, 35, loc=0.002)),
        ("heavy ties exact", ints(300, 41, 5), ints(400, 42, 5)),
        ("heavy ties exact shifted", ints(300, 43, 5), ints(350, 44, 6)),
        ("heavy ties asymptotic", ints(20000, 45, 7), ints(12000, 46, 8)),
        ("heavy ties asymptotic same", ints(20000, 47, 7, loc=100.0), ints(12000, 48, 7, loc=100.0)),
        ("constant reference", {"kind": "const", "n": 50, "seed": 0, "value": 3.0}, n4(40, 51, loc=3.0)),
        ("both constant, same value", {"kind": "const", "n": 20, "seed": 0, "value": 2.0},
         {"kind": "const", "n": 10, "seed": 0, "value": 2.0}),
        ("both constant, different values", {"kind": "const", "n": 20, "seed": 0, "value": 1.0},
         {"kind": "const", "n": 10, "seed": 0, "value": 2.0}),
        ("missing values inline", miss_r, miss_p),
        ("missing values generated", n4(15000, 52, every=7), n4(12000, 53, loc=0.05, every=3)),
        ("one-row batch exact", small_r, [61.5]),
        ("one-row batch below reference minimum", n4(200, 54), [-5.0]),
        ("production outside reference range", n4(2000, 55), n4(1500, 56, loc=0.5, scale=2.0)),
    ]
    out = []
    for name, r_in, p_in in cases:
        r_json, r = column(r_in)
        p_json, p = column(p_in)
        out.append({"name": name, "reference": r_json, "production": p_json,
                    "expected": numeric_expected(r, p)})
        print("  numeric:", name, file=sys.stderr)
    return out


def categorical_fixture():
    ref_dict = ["a", "b", "c", "d", "unused"]
    prod_dict = ["d", "b", "e", "a", "zz-unused"]
    rng = np.random.default_rng(9)
    ref_codes = rng.choice([-1, 0, 1, 2, 3], size=120, p=[0.05, 0.4, 0.3, 0.2, 0.05])
    prod_codes = rng.choice([-1, 0, 1, 2, 3], size=90, p=[0.1, 0.1, 0.3, 0.2, 0.3])
    cases = [
        ("categories on one side only, missing, different dictionaries",
         ref_dict, ref_codes.tolist(), prod_dict, prod_codes.tolist()),
        ("single category on both sides", ["x"], [0] * 30, ["x"], [0] * 10 + [-1]),
        ("production uses a category unused in the reference dictionary",
         ["p", "q", "r"], [0, 0, 1, 1, 1, 0, -1, 1, 0, 0], ["r", "q", "p"], [0, 1, 2, 1, 0, 0, 2, 1]),
        ("one-row batch", ["lo", "mid", "hi"], [0, 1, 2, 1, 1, 0, 2, 2, 1, 0, 1, 1], ["hi"], [0]),
        ("identical distributions", ["u", "v"], [0, 1] * 20, ["v", "u"], [1, 0] * 20),
    ]
    gen_cases = [
        ("generated 20000 vs 15000 shifted", ["k0", "k1", "k2", "k3", "k4"],
         {"n": 20000, "seed": 61, "cum": [0.3, 0.55, 0.75, 0.9], "missing_every": 0},
         ["k4", "k3", "k2", "k1", "k0", "k5"],
         {"n": 15000, "seed": 62, "cum": [0.05, 0.2, 0.4, 0.6, 0.85], "missing_every": 11}),
        ("generated 20000 vs 15000 same", ["k0", "k1", "k2"],
         {"n": 20000, "seed": 63, "cum": [0.5, 0.8], "missing_every": 13},
         ["k0", "k1", "k2"],
         {"n": 15000, "seed": 64, "cum": [0.5, 0.8], "missing_every": 0}),
    ]
    out = []
    for name, rd, rc, pd, pc in cases:
        out.append({"name": name, "reference": {"dictionary": rd, "codes": list(map(int, rc))},
                    "production": {"dictionary": pd, "codes": list(map(int, pc))},
                    "expected": categorical_expected(rd, rc, pd, pc)})
    for name, rd, rspec, pd, pspec in gen_cases:
        rc, pc = generate_codes(rspec), generate_codes(pspec)
        out.append({"name": name, "reference": {"dictionary": rd, "gen": rspec},
                    "production": {"dictionary": pd, "gen": pspec},
                    "expected": categorical_expected(rd, rc, pd, pc)})
    return out


def tests_fixture():
    """The optional drift tests of docs/metrics.md on their own: Cramer-von Mises on both of
    scipy's branches (exact when both sizes are <= 20, else asymptotic) with and without ties, the
    asymptotic CvM tail and the Bessel K_{1/4} it is built on, Anderson-Darling with interpolated,
    capped and floored significance levels, the G-test on 2 x k tables, and Hellinger distances."""
    rng = np.random.default_rng(2026)
    seeds = iter(range(101, 1000))

    def normal(n, loc=0.0, scale=1.0, digits=4, seed=None):
        """Up to 40 values inline, larger samples as a generator spec (the file stays small); an
        explicit seed pins a case whose name says what scipy reports (capped, interpolated)."""
        if n > 40:
            return {"kind": "normal4", "n": n, "seed": next(seeds) if seed is None else seed, "loc": loc,
                    "scale": scale * np.sqrt(3.0)}
        return np.round(rng.normal(loc, scale, n), digits)

    def ints(n, k, loc=0):
        if n > 40:
            return {"kind": "int", "n": n, "seed": next(seeds), "k": k, "loc": float(loc)}
        return (loc + rng.integers(0, k, n)).astype(np.float64)

    def pair(r_in, p_in):
        r_json, r = column(r_in)
        p_json, p = (r_json, r) if p_in is None else column(p_in)
        return r_json, r, p_json, p

    cvm_pairs = [
        ("exact 2 vs 2", [1.0, 2.0], [3.0, 4.0]),
        ("exact 2 vs 2 interleaved", [1.0, 3.0], [2.0, 4.0]),
        ("exact 3 vs 2", normal(3), normal(2, 1.0)),
        ("exact 5 vs 7", normal(5), normal(7, 0.8)),
        ("exact 7 vs 6", normal(7), normal(6, 0.2, 2.0)),
        ("exact 10 vs 10 identical samples", normal(10), None),
        ("exact 10 vs 10 shifted", normal(10), normal(10, 1.5)),
        ("exact 17 vs 13", normal(17), normal(13, 0.3)),
        ("exact 20 vs 2", normal(20), normal(2, 0.5)),
        ("exact 20 vs 19", normal(20), normal(19, 0.6)),
        ("exact 20 vs 20", normal(20), normal(20, 0.4)),
        ("exact 20 vs 20 disjoint", normal(20), normal(20, 10.0)),
        ("exact ties within and across", ints(12, 4), ints(15, 4, 1)),
        ("exact heavy ties 20 vs 20", ints(20, 2), ints(20, 3)),
        ("exact one value repeated on both sides", [5.0] * 6, [5.0] * 3 + [6.0]),
        ("asymptotic 21 vs 20", normal(21), normal(20, 0.5)),
        ("asymptotic 20 vs 21", normal(20), normal(21, 0.5)),
        ("asymptotic 40 vs 3", normal(40), normal(3, 0.1)),
        ("asymptotic 200 vs 150 same distribution", normal(200), normal(150)),
        ("asymptotic 200 vs 150 shifted", normal(200), normal(150, 0.3)),
        ("asymptotic 1000 vs 1000 identical samples", normal(1000), None),
        ("asymptotic 5000 vs 3000 small shift", normal(5000), normal(3000, 0.05)),
        ("asymptotic 5000 vs 3000 strong shift", normal(5000), normal(3000, 0.3)),
        ("asymptotic 5000 vs 3000 disjoint", normal(5000), normal(3000, 100.0)),
        ("asymptotic heavy ties", ints(3000, 6), ints(2000, 6)),
        ("asymptotic heavy ties shifted", ints(3000, 6), ints(2000, 7)),
    ]
    cvm = []
    for name, r_in, p_in in cvm_pairs:
        r_json, r, p_json, p = pair(r_in, p_in)
        res = stats.cramervonmises_2samp(r, p, method="auto")
        cvm.append({"name": name, "reference": r_json, "production": p_json,
                    "statistic": float(res.statistic), "pValue": float(res.pvalue),
                    "exact": bool(max(len(r), len(p)) <= 20)})

    xs = sorted({0.003, 0.004, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.46, 0.5, 0.75, 1.0, 1.2, 1.5, 2.0,
                 2.5, 3.0, *np.round(rng.uniform(0.003, 3.0, 12), 6).tolist()})
    cvm_tail = [{"x": float(x), "sf": float(1.0 - _cdf_cvm_inf(x))} for x in xs]
    qs = sorted({1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 12.0, 20.0, 40.0, 80.0,
                 150.0, 300.0, 600.0, *np.round(rng.uniform(0.001, 30.0, 10), 6).tolist()})
    bessel = [{"q": float(q), "kv": float(kv(0.25, q))} for q in qs]

    ad_pairs = [
        ("same distribution, capped at 0.25", normal(300, seed=700), normal(250, seed=701)),
        ("identical samples, capped", normal(100), None),
        ("moderate shift, interpolated", normal(300, seed=506), normal(250, 0.2, seed=507)),
        ("small shift, interpolated", normal(2000, seed=600), normal(1500, 0.08, seed=601)),
        ("strong shift, floored at 0.001", normal(300), normal(250, 1.0)),
        ("heavy ties", ints(400, 5), ints(300, 5)),
        ("heavy ties shifted", ints(400, 5), ints(300, 6)),
        ("small samples 3 vs 2", normal(3), normal(2, 0.5)),
        ("two distinct values", [0.0, 0.0, 1.0, 1.0, 1.0], [0.0, 1.0, 1.0]),
        ("one-row batch", normal(50), [0.7]),
        ("three values in all (zero variance denominator)", [0.5, 1.5], [1.0]),
        ("large 20000 vs 15000 shift", normal(20000), normal(15000, 0.03)),
    ]
    ad_pairs.append(("a single value over both samples (scipy raises)", [2.0, 2.0, 2.0], [2.0, 2.0]))
    ad = []
    for name, r_in, p_in in ad_pairs:
        r_json, r, p_json, p = pair(r_in, p_in)
        ad.append({"name": name, "reference": r_json, "production": p_json, **ad_reference(r, p)})

    tables = [
        ("2 categories", [30, 70], [45, 55]),
        ("5 categories", [120, 80, 60, 30, 10], [90, 85, 70, 40, 15]),
        ("zero in the production row", [20, 30, 50], [25, 35, 0]),
        ("zero in the reference row", [0, 40, 60], [5, 30, 65]),
        ("single category", [40], [12]),
        ("identical shares", [10, 20, 30], [20, 40, 60]),
        ("strong shift", [900, 50, 50], [50, 50, 900]),
        ("large counts", [200000, 150000, 100000, 50000], [101000, 75500, 49000, 24500]),
    ]
    gtest = []
    for name, a, b in tables:
        table = np.array([a, b])
        gtest.append({"name": name, "reference": a, "production": b, **g_reference(table),
                      "dof": int(len(a) - 1)})

    share_cases = [
        ("identical", [3, 5, 2], [6, 10, 4]),
        ("disjoint", [4, 0, 0], [0, 2, 5]),
        ("empty bin on one side", [10, 20, 0, 5], [8, 25, 3, 0]),
        ("nearly identical", [100000, 100001, 99999], [100001, 100000, 99999]),
        ("ten bins", [9, 11, 10, 10, 12, 8, 10, 10, 9, 11], [5, 7, 9, 10, 12, 14, 13, 11, 10, 9]),
    ]
    hell = [{"name": name, "reference": a, "production": b, "hellinger": hellinger(a, b)}
            for name, a, b in share_cases]
    return {"cramerVonMises": cvm, "cramerVonMisesTail": cvm_tail, "besselK025": bessel,
            "andersonDarling": ad, "gTest": gtest, "hellinger": hell}


def bh_fixture():
    rng = np.random.default_rng(3)
    vectors = [
        [0.01, 0.04, 0.03, 0.2, 0.5],
        [0.001, 0.001, 0.001, 0.9, 0.04, 0.04],
        [0.0, 1.0, 0.5, 0.049, 0.051],
        [0.3],
        [1e-12, 3e-11, 0.02, 0.8, 0.6, 0.059, 0.06, 0.07],
        rng.uniform(0, 0.1, 25).tolist(),
        (rng.uniform(0, 1, 40) ** 4).tolist(),
    ]
    bh = [{"p": v, "adjusted": multipletests(np.array(v), method="fdr_bh")[1].tolist()} for v in vectors]
    # decision: adjusted p < alpha and psi >= threshold, share >= dataset share
    p = [0.001, 0.02, 0.03, 0.2, 0.0001, 0.04]
    psi = [0.3, 0.05, 0.12, 0.5, 0.1, 0.2]
    adj = multipletests(np.array(p), method="fdr_bh")[1]
    drifted = [bool(a < 0.05 and s >= 0.1) for a, s in zip(adj, psi)]
    decision = {"p": p, "psi": psi, "alpha": 0.05, "psiThreshold": 0.1, "share": 0.5,
                "adjusted": adj.tolist(), "drifted": drifted,
                "driftShare": sum(drifted) / len(drifted), "datasetDrift": sum(drifted) / len(drifted) >= 0.5}
    return {"bh": bh, "decision": decision}


ADULT_COLUMNS = ["age", "workclass", "fnlwgt", "education", "education-num", "marital-status",
                 "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss",
                 "hours-per-week", "native-country", "income"]
ADULT_NUMERIC = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
ADULT_CATEGORICAL = ["workclass", "education", "marital-status", "occupation", "relationship", "race",
                     "sex", "native-country", "income"]


def read_adult(path):
    """Rows of comma-separated fields, stripped; '|' comment lines and blank lines skipped;
    the trailing '.' of adult.test labels removed; '?' = missing."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("|"):
                continue
            fields = [x.strip() for x in line.split(",")]
            fields[14] = fields[14].rstrip(".")
            rows.append(fields)
    return rows


def adult_fixture():
    train_path = os.path.join(DATA_DIR, "adult.data")
    test_path = os.path.join(DATA_DIR, "adult.test")
    if not (os.path.exists(train_path) and os.path.exists(test_path)):
        print(f"SKIP adult fixture: {DATA_DIR}/adult.data or adult.test not found", file=sys.stderr)
        return None
    ref, prod = read_adult(train_path), read_adult(test_path)
    out = {"referenceRows": len(ref), "productionRows": len(prod), "numeric": [], "categorical": []}
    for name in ADULT_NUMERIC:
        i = ADULT_COLUMNS.index(name)
        r = np.array([np.nan if row[i] == "?" else float(row[i]) for row in ref])
        p = np.array([np.nan if row[i] == "?" else float(row[i]) for row in prod])
        out["numeric"].append({"column": name, "expected": numeric_expected(r, p)})
    for name in ADULT_CATEGORICAL:
        i = ADULT_COLUMNS.index(name)
        dicts, codes = [], []
        for rows in (ref, prod):
            d = sorted({row[i] for row in rows if row[i] != "?"})
            pos = {s: k for k, s in enumerate(d)}
            dicts.append(d)
            codes.append([-1 if row[i] == "?" else pos[row[i]] for row in rows])
        out["categorical"].append({"column": name, "expected": categorical_expected(
            dicts[0], codes[0], dicts[1], codes[1])})
    return out


def write(name, payload):
    payload = {"generatedBy": "drift-service/src/test/python/generate_fixtures.py",
               "scipy": scipy.__version__, "numpy": np.__version__, **payload}
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(payload, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", os.path.relpath(path, REPO_ROOT), file=sys.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    write("drift_distributions.json", distribution_fixture())
    write("drift_numeric.json", {"cases": numeric_fixture()})
    write("drift_categorical.json", {"cases": categorical_fixture()})
    write("drift_bh.json", bh_fixture())
    write("drift_tests.json", tests_fixture())
    adult = adult_fixture()
    if adult is not None:
        write("drift_adult.json", adult)


if __name__ == "__main__":
    main()
