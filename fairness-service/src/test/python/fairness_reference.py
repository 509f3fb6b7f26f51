"""Reference implementation of docs/metrics.md "Fairness" for the golden fixtures and the Python baseline.

Written independently of the Java code with pandas, scikit-learn, scipy and statsmodels, and
mirroring the choices the Java engine documents (io.modeltrust.fairness.metrics):

* groups are the attribute's values present in the rows; a missing value (None / NaN) is the
  group "(missing)"; an intersection "a|b" names its groups "x|y", "(missing)" standing for a
  missing part;
* rates over labelled rows (label 1 / 0; -1 = unknown is left out) are None when their
  denominator is 0 (Fairlearn, through sklearn's confusion_matrix(normalize='true'), would give 0);
* between-group figures (Fairlearn 0.10 max - min, min / max) over groups with count >=
  min_group_size, skipping undefined rates; None with fewer than two values; the ratio is None
  when the max is 0; equalized odds is None unless both the tpr and fpr spreads exist;
* reference group: the privileged group when present, else the largest group other than
  "(missing)" (ties: first by name), "(missing)" only when it is the only group;
* selection-rate test against the reference: Fisher's exact test when an expected count of the
  2x2 table is below 5, else the pooled two-proportion z-test;
* multiclass (multiclass_fairness): the decision is "predicted as the favourable class" and the
  label state "actually the favourable class", so selection rate, tpr, fpr, precision and the
  between-group figures are the favourable class's one-vs-rest figures; accuracy alone is the
  multiclass accuracy_score (prediction equal to the label across all classes).
"""
import math

import numpy as np
import pandas as pd
from scipy.stats import fisher_exact
from sklearn.metrics import accuracy_score, confusion_matrix, precision_score, recall_score
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

MISSING = "(missing)"


def group_names(values):
    """Object array of group names with MISSING for None/NaN."""
    s = pd.Series(values, dtype=object)
    return s.where(s.notna(), MISSING).to_numpy(dtype=object)


def format_edge(e):
    if e == 0:
        return "0"
    return np.format_float_positional(float(e), trim='-')


def bucket_names(values, edges):
    """Buckets [e_i, e_i+1), labels "<e0", "e0-e1", ..., ">=ek" (numpy searchsorted side='right')."""
    labels = ["<" + format_edge(edges[0])]
    labels += [format_edge(edges[i - 1]) + "-" + format_edge(edges[i]) for i in range(1, len(edges))]
    labels.append(">=" + format_edge(edges[-1]))
    values = np.asarray(values, dtype=float)
    idx = np.searchsorted(np.asarray(edges, dtype=float), values, side='right')
    out = np.array(labels, dtype=object)[idx]
    out[np.isnan(values)] = MISSING
    return out


def cross_names(a, b):
    return (pd.Series(a, dtype=object) + "|" + pd.Series(b, dtype=object)).to_numpy(dtype=object)


def _ratio(num, den):
    return None if den == 0 else num / den


def _spread(values):
    v = [x for x in values if x is not None]
    return None if len(v) < 2 else max(v) - min(v)


def expected_below_five(table):
    t = np.asarray(table, dtype=np.int64)
    expected = np.outer(t.sum(axis=1), t.sum(axis=0)) / t.sum()
    return bool((expected < 5).any())


def selection_test(sel_g, n_g, sel_r, n_r):
    table = [[sel_g, n_g - sel_g], [sel_r, n_r - sel_r]]
    if expected_below_five(table):
        return float(fisher_exact(table, alternative='two-sided')[1]), "fisher-exact"
    _, p = proportions_ztest(np.array([sel_g, sel_r]), np.array([n_g, n_r]))
    return float(p), "z-test"


def attribute_fairness(attribute, groups, predicted, labels, min_group_size=30, privileged=None,
                       check_with_sklearn=False, accuracy_by_group=None):
    """groups: object array of group names per row; predicted: bool array; labels: int array (1/0/-1) or None.

    accuracy_by_group: group -> accuracy replacing the binary (tp + tn) / labelled (multiclass)."""
    df = pd.DataFrame({"g": groups, "p": np.asarray(predicted, dtype=bool)})
    df["y"] = -1 if labels is None else np.asarray(labels, dtype=np.int64)
    basic = df.groupby("g", sort=True).agg(count=("p", "size"), selected=("p", "sum"))
    lab = df[df["y"] >= 0]
    cells = lab.groupby(["g", "y", "p"]).size()
    names = list(basic.index)
    counts = {g: int(basic.loc[g, "count"]) for g in names}
    if privileged is not None and privileged in counts:
        ref, is_priv = privileged, True
    else:
        candidates = [g for g in names if g != MISSING] or names
        ref, is_priv = sorted(candidates, key=lambda g: (-counts[g], g))[0], False
    n_ref = counts[ref]
    sel_ref = int(basic.loc[ref, "selected"])
    sr_ref = sel_ref / n_ref
    out = []
    for g in names:
        n = counts[g]
        sel = int(basic.loc[g, "selected"])
        sr = sel / n
        low, high = proportion_confint(sel, n, alpha=0.05, method='wilson')

        def cell(y, p):
            return int(cells.get((g, y, p), 0))
        tn, fp, fn, tp = cell(0, False), cell(0, True), cell(1, False), cell(1, True)
        if check_with_sklearn:
            sub = lab[lab["g"] == g]
            if len(sub):
                ctn, cfp, cfn, ctp = confusion_matrix(sub["y"], sub["p"].astype(int), labels=[0, 1]).ravel()
                assert (ctn, cfp, cfn, ctp) == (tn, fp, fn, tp), (attribute, g)
        labelled = tp + fp + tn + fn
        row = dict(group=g, count=n, selected=sel, selectionRate=sr,
                   selectionRateLow=float(low), selectionRateHigh=float(high), labelled=labelled,
                   truePositives=tp, falsePositives=fp, trueNegatives=tn, falseNegatives=fn,
                   tpr=_ratio(tp, tp + fn), fpr=_ratio(fp, fp + tn), precision=_ratio(tp, tp + fp),
                   accuracy=_ratio(tp + tn, labelled) if accuracy_by_group is None else accuracy_by_group.get(g),
                   eligible=n >= min_group_size, reference=g == ref,
                   statisticalParityDifference=None, disparateImpactRatio=None, pValue=None, test=None)
        if g != ref:
            row["statisticalParityDifference"] = sr - sr_ref
            row["disparateImpactRatio"] = None if sr_ref == 0 else sr / sr_ref
            row["pValue"], row["test"] = selection_test(sel, n, sel_ref, n_ref)
        out.append(row)
    eligible = [r for r in out if r["eligible"]]
    srs = pd.Series([r["selectionRate"] for r in eligible], dtype=float)
    dpd = None if len(srs) < 2 else float(srs.max() - srs.min())
    dpr = None if len(srs) < 2 or srs.max() == 0 else float(srs.min() / srs.max())
    eop = _spread([r["tpr"] for r in eligible])
    fpr_spread = _spread([r["fpr"] for r in eligible])
    eodds = None if eop is None or fpr_spread is None else max(eop, fpr_spread)
    return dict(attribute=attribute, referenceGroup=ref, referenceIsPrivileged=is_priv,
                minGroupSize=min_group_size, demographicParityDifference=dpd, demographicParityRatio=dpr,
                equalOpportunityDifference=eop, equalizedOddsDifference=eodds, groups=out)


def multiclass_fairness(attribute, groups, predicted_classes, label_classes, favorable, min_group_size=30,
                        privileged=None, check_with_sklearn=False):
    """predicted_classes / label_classes: object arrays of class names, None = unknown label.

    Binarises on the favourable class for every figure but accuracy, which sklearn's
    accuracy_score gives per group over the labelled rows."""
    pred = np.asarray(predicted_classes, dtype=object)
    lab = np.asarray(label_classes, dtype=object)
    known = np.array([y is not None for y in lab])
    predicted = pred == favorable
    labels = np.where(known, lab == favorable, -1).astype(np.int64)
    g = np.asarray(groups, dtype=object)
    accuracy = {}
    for name in pd.unique(g):
        rows = (g == name) & known
        accuracy[name] = float(accuracy_score(lab[rows].astype(str), pred[rows].astype(str))) if rows.any() else None
    out = attribute_fairness(attribute, groups, predicted, labels, min_group_size, privileged, check_with_sklearn,
                             accuracy_by_group=accuracy)
    if check_with_sklearn:
        for r in out["groups"]:
            rows = (g == r["group"]) & known
            y, p = lab[rows].astype(str), pred[rows].astype(str)
            if r["tpr"] is not None:
                assert math.isclose(r["tpr"], recall_score(y, p, labels=[favorable], average=None)[0],
                                    rel_tol=1e-12), (attribute, r["group"])
            if r["precision"] is not None:
                assert math.isclose(r["precision"], precision_score(y, p, labels=[favorable], average=None)[0],
                                    rel_tol=1e-12), (attribute, r["group"])
    return out


# ---- explanations -------------------------------------------------------------------------

def fmt_rate(x):
    """2 decimals, or 2 significant digits below 0.1."""
    d = 1 - math.floor(math.log10(x)) if 0 < x < 0.1 else 2
    return f"{x:.{d}f}"


def _extremes(a, key):
    el = [g for g in a["groups"] if g["eligible"] and g[key] is not None]
    if len(el) < 2:
        return None
    low = sorted(el, key=lambda g: (g[key], g["reference"], g["group"]))[0]
    high = sorted([g for g in el if g is not low], key=lambda g: (-g[key], not g["reference"], g["group"]))[0]
    return low, high


def explain(a, noun="Selection rate", threshold=0.8):
    attr = a["attribute"]
    pair = _extremes(a, "selectionRate")
    base = dict(attribute=attr, metric="demographicParityRatio", value=None, threshold=threshold, group=None,
                comparedGroup=None, subject=None, pValue=None)
    if pair is None:
        return dict(base, text=f"No comparison for {attr}: fewer than two groups have at least "
                               f"{a['minGroupSize']} rows.")
    low, high = pair
    p, _ = selection_test(low["selected"], low["count"], high["selected"], high["count"])
    if high["selectionRate"] == 0:
        return dict(base, text=f"{noun} is 0 for every group of {attr} with at least {a['minGroupSize']} rows.")
    ratio = low["selectionRate"] / high["selectionRate"]
    ptxt = "< 0.001" if p < 0.001 else f"= {p:.3f}"
    text = (f"{noun} for {attr}={low['group']} is {fmt_rate(low['selectionRate'])} (n={low['count']:,}) against "
            f"{fmt_rate(high['selectionRate'])} for {attr}={high['group']} (n={high['count']:,}): ratio {ratio:.2f}, "
            f"{'below' if ratio < threshold else 'not below'} {format_edge(threshold)}, p {ptxt}")
    return dict(base, value=ratio, group=low["group"], comparedGroup=high["group"],
                subject=f"{attr}={low['group']}", pValue=p, text=text)


def explain_equal_opportunity(a):
    attr = a["attribute"]
    pair = _extremes(a, "tpr")
    base = dict(attribute=attr, metric="equalOpportunityDifference", value=None, threshold=None, group=None,
                comparedGroup=None, subject=None, pValue=None)
    if pair is None:
        return dict(base, text=f"No comparison of true positive rates for {attr}: fewer than two groups with "
                               f"at least {a['minGroupSize']} rows have labelled positives.")
    low, high = pair
    diff = high["tpr"] - low["tpr"]
    pos_low = low["truePositives"] + low["falseNegatives"]
    pos_high = high["truePositives"] + high["falseNegatives"]
    text = (f"True positive rate for {attr}={low['group']} is {fmt_rate(low['tpr'])} (n={pos_low:,} actual positives) "
            f"against {fmt_rate(high['tpr'])} for {attr}={high['group']} (n={pos_high:,} actual positives): "
            f"difference {fmt_rate(diff)}")
    return dict(base, value=diff, group=low["group"], comparedGroup=high["group"],
                subject=f"{attr}={low['group']}", text=text)


# ---- drift ------------------------------------------------------------------------------

def _change(now, then):
    return None if now is None or then is None else now - then


def fairness_drift(current, baseline):
    """current / baseline: lists of attribute dicts; change = current - baseline."""
    cur = {a["attribute"]: a for a in current}
    base = {a["attribute"]: a for a in baseline}
    names = list(dict.fromkeys([a["attribute"] for a in current] + [a["attribute"] for a in baseline]))
    out = []
    for name in names:
        c, b = cur.get(name), base.get(name)
        cg = {g["group"]: g for g in (c["groups"] if c else [])}
        bg = {g["group"]: g for g in (b["groups"] if b else [])}
        groups = []
        for g in dict.fromkeys(list(cg) + list(bg)):
            now, then = cg.get(g), bg.get(g)
            sr_now = now["selectionRate"] if now else None
            sr_then = then["selectionRate"] if then else None
            dir_now = now["disparateImpactRatio"] if now else None
            dir_then = then["disparateImpactRatio"] if then else None
            groups.append(dict(group=g, baselineSelectionRate=sr_then, selectionRate=sr_now,
                               selectionRateChange=_change(sr_now, sr_then),
                               baselineDisparateImpactRatio=dir_then, disparateImpactRatio=dir_now,
                               disparateImpactRatioChange=_change(dir_now, dir_then)))
        ref_now = c["referenceGroup"] if c else None
        ref_then = b["referenceGroup"] if b else None
        dpr_now = c["demographicParityRatio"] if c else None
        dpr_then = b["demographicParityRatio"] if b else None
        out.append(dict(attribute=name, baselineReferenceGroup=ref_then, referenceGroup=ref_now,
                        referenceChanged=bool(c and b and ref_now != ref_then),
                        baselineDemographicParityRatio=dpr_then, demographicParityRatio=dpr_now,
                        demographicParityRatioChange=_change(dpr_now, dpr_then), groups=groups))
    return out
