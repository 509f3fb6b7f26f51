#!/usr/bin/env python3
"""Golden fixtures for the fairness metrics (docs/metrics.md "Fairness").

Run from the repository root:  /usr/bin/python3 fairness-service/src/test/python/generate_fixtures.py
Writes fairness-service/src/test/resources/fixtures/fairness_cases.json and, when the German
Credit data is found (system: env SHARED_DATA_DIR, else ../shared/data beside the repository),
fairness_german.json holding only computed figures and the fitted model's parameters.
Deterministic: every case draws from its own seeded numpy Generator.
"""
import json
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fairness_reference as ref  # noqa: E402

ROOT = Path(__file__).resolve().parents[4]
OUT = ROOT / "fairness-service" / "src" / "test" / "resources" / "fixtures"


def clean(o):
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [clean(v) for v in o]
    if isinstance(o, (np.bool_, bool)):
        return bool(o)
    if isinstance(o, np.integer):
        return int(o)
    if isinstance(o, (np.floating, float)):
        return None if np.isnan(o) else float(o)
    return o


# ---- inputs -------------------------------------------------------------------------------

def categorical(name, dictionary, codes):
    return {"name": name, "dictionary": list(dictionary), "codes": [int(c) for c in codes]}


def numeric(name, values, edges):
    return {"name": name, "values": [None if np.isnan(v) else float(v) for v in values], "edges": list(edges)}


def names_of(attr):
    if "codes" in attr:
        d = attr["dictionary"]
        return np.array([ref.MISSING if c < 0 else d[c] for c in attr["codes"]], dtype=object)
    values = np.array([np.nan if v is None else v for v in attr["values"]], dtype=float)
    return ref.bucket_names(values, attr["edges"])


def codes_with(rng, sizes, missing=0):
    """Shuffled codes with exact group sizes (index = code), plus `missing` rows of -1."""
    codes = np.concatenate([np.full(n, c) for c, n in enumerate(sizes)] + [np.full(missing, -1)])
    return rng.permutation(codes).astype(int)


def decisions(rng, codes, rates, missing_rate=0.3):
    r = np.array([missing_rate if c < 0 else rates[c] for c in codes])
    return rng.random(len(codes)) < r


def labels_for(rng, predicted, agree=0.8, unknown=0.0):
    y = np.where(rng.random(len(predicted)) < agree, predicted, ~predicted).astype(np.int64)
    y[rng.random(len(predicted)) < unknown] = -1
    return y


def compute(inputs):
    pred = np.array(inputs["predicted"], dtype=bool)
    labels = None if inputs["labels"] is None else np.array(inputs["labels"], dtype=np.int64)
    names = {a["name"]: names_of(a) for a in inputs["attributes"]}
    order = [a["name"] for a in inputs["attributes"]]
    for a, b in inputs["pairs"]:
        names[a + "|" + b] = ref.cross_names(names[a], names[b])
        order.append(a + "|" + b)
    privileged = with_intersections(inputs["privileged"], inputs["pairs"], names)
    return [ref.attribute_fairness(n, names[n], pred, labels, inputs["minGroupSize"],
                                   privileged.get(n), check_with_sklearn=True) for n in order]


def with_intersections(privileged, pairs, names):
    """The privileged groups, with each intersection's reference cell derived where it has none of its own."""
    out = dict(privileged)
    for a, b in pairs:
        if a + "|" + b not in out and (a in out or b in out):
            out[a + "|" + b] = privileged_cell(names[a + "|" + b], out.get(a), out.get(b))
    return out


def privileged_cell(cells, first, second):
    """An intersection's reference without its own privileged group: the largest cell holding the
    privileged value of each attribute that names one (FairnessEngine.privilegedCell)."""
    values, counts = np.unique(np.asarray(cells), return_counts=True)
    best, best_rows = None, 0
    for v, n in zip(values, counts):
        if (first is None or v.startswith(first + "|")) and (second is None or v.endswith("|" + second)) \
                and n > best_rows:
            best, best_rows = v, n
    return best


def explanations(report, noun):
    ex = [ref.explain(a, noun) for a in report]
    valued = [e for e in ex if e["value"] is not None]
    worst = min(valued, key=lambda e: e["value"]) if valued else None  # min keeps the first on ties
    return {"noun": noun, "demographicParity": ex,
            "equalOpportunity": [ref.explain_equal_opportunity(a) for a in report], "worst": worst}


def case(name, description, inputs, noun="Selection rate"):
    report = compute(inputs)
    return {"name": name, "description": description, "inputs": inputs,
            "expected": {"attributes": report, "explanations": explanations(report, noun)}}


def inputs_of(predicted, labels, attributes, pairs=(), min_group_size=30, privileged=None):
    return {"predicted": [int(p) for p in predicted],
            "labels": None if labels is None else [int(y) for y in labels],
            "attributes": attributes, "pairs": [list(p) for p in pairs],
            "minGroupSize": min_group_size, "privileged": privileged or {}}


# ---- cases --------------------------------------------------------------------------------

def random_groups():
    rng = np.random.default_rng(101)
    sizes = [2000, 1200, 700, 12, 75, 0]  # "unused" has no rows
    codes = codes_with(rng, sizes)
    pred = decisions(rng, codes, [0.45, 0.30, 0.38, 0.4, 0.6, 0])
    labels = labels_for(rng, pred)
    attr = categorical("group", ["a", "b", "c", "d", "e", "unused"], codes)
    return case("random_groups", "five groups of varied size, one under minGroupSize, an unused dictionary entry",
                inputs_of(pred, labels, [attr]))


def degenerate_groups():
    rng = np.random.default_rng(202)
    dictionary = ["big", "tiny", "noSelections", "noActualPositives", "noActualNegatives"]
    codes = codes_with(rng, [400, 1, 60, 50, 40])
    pred = decisions(rng, codes, [0.5, 1.0, 0.0, 0.4, 0.5])
    labels = labels_for(rng, pred)
    labels[codes == 3] = 0
    labels[codes == 4] = 1
    return case("degenerate_groups", "a group of size 1, a group without positive decisions, groups without "
                "actual positives / negatives; privileged group configured",
                inputs_of(pred, labels, [categorical("segment", dictionary, codes)],
                          privileged={"segment": "big"}))


def reference_rate_zero():
    rng = np.random.default_rng(303)
    codes = codes_with(rng, [50, 100, 120])
    pred = decisions(rng, codes, [0.0, 0.3, 0.35])
    return case("reference_rate_zero", "privileged group with selection rate 0: ratios undefined, parity ratio 0",
                inputs_of(pred, None, [categorical("region", ["ref", "north", "south"], codes)],
                          privileged={"region": "ref"}))


def no_selections():
    rng = np.random.default_rng(404)
    codes = codes_with(rng, [80, 90])
    pred = np.zeros(len(codes), dtype=bool)
    labels = labels_for(rng, pred, agree=0.6)
    return case("no_selections", "no positive decision at all",
                inputs_of(pred, labels, [categorical("sex", ["female", "male"], codes)]))


def single_group():
    rng = np.random.default_rng(505)
    codes = codes_with(rng, [200])
    pred = decisions(rng, codes, [0.4])
    labels = labels_for(rng, pred)
    return case("single_group", "one group only: between-group figures are null",
                inputs_of(pred, labels, [categorical("country", ["DE"], codes)],
                          privileged={"country": "FR"}))


def tie_largest():
    rng = np.random.default_rng(606)
    codes = codes_with(rng, [100, 100, 50])
    pred = decisions(rng, codes, [0.5, 0.4, 0.3])
    return case("tie_largest", "two largest groups of equal size (first by name is the reference), no labels",
                inputs_of(pred, None, [categorical("team", ["b", "a", "c"], codes)]))


def missing_and_partial_labels():
    rng = np.random.default_rng(707)
    codes = codes_with(rng, [1400, 900, 400], missing=300)
    pred = decisions(rng, codes, [0.35, 0.5, 0.42], missing_rate=0.3)
    labels = labels_for(rng, pred, agree=0.75, unknown=0.35)
    labels[codes == 2] = -1
    return case("missing_and_partial_labels", "missing sensitive values form '(missing)'; 35% of labels unknown, "
                "group z fully unlabelled; privileged group configured",
                inputs_of(pred, labels, [categorical("zone", ["x", "y", "z"], codes)], privileged={"zone": "y"}))


def intersection():
    rng = np.random.default_rng(808)
    sex = codes_with(rng, [1300, 1500], missing=150)
    age = codes_with(rng, [500, 900, 1000, 500], missing=50)
    n = len(sex)
    rate = 0.25 + 0.15 * (sex == 1) + 0.05 * np.where(age < 0, 1, age)
    pred = rng.random(n) < rate
    labels = labels_for(rng, pred, agree=0.78, unknown=0.1)
    attrs = [categorical("sex", ["female", "male"], sex),
             categorical("age_band", ["18-24", "25-34", "35-49", "50+"], age)]
    return case("intersection", "sex x age_band with missing values on both sides; privileged groups for sex and "
                "the intersection",
                inputs_of(pred, labels, attrs, pairs=[("sex", "age_band")],
                          privileged={"sex": "male", "sex|age_band": "male|35-49"}),
                noun="Approval rate")


def numeric_bucketing():
    rng = np.random.default_rng(909)
    n = 2500
    age = rng.uniform(18, 75, n).round(1)
    age[rng.random(n) < 0.05] = np.nan
    age[:30] = [25.0] * 10 + [35.0] * 10 + [50.0] * 10  # exact edges go to the bucket above
    income = rng.lognormal(0.5, 1.5, n)
    income[rng.random(n) < 0.02] = np.nan
    sex = codes_with(rng, [1200, 1300])
    pred = rng.random(n) < np.where(np.isnan(age), 0.3, 0.2 + age / 150)
    labels = labels_for(rng, pred, agree=0.8, unknown=0.2)
    attrs = [numeric("age", age, [25, 35, 50]), numeric("income", income, [0.1, 2.5, 1000]),
             categorical("sex", ["female", "male"], sex)]
    return case("numeric_bucketing", "numeric attributes bucketed by edges, values on the edges, NaN values, "
                "non-integer edges; intersection of a categorical and a bucketed attribute",
                inputs_of(pred, labels, attrs, pairs=[("sex", "age")]))


def rare_decisions():
    rng = np.random.default_rng(1010)
    codes = codes_with(rng, [3000, 1500, 500, 60])
    pred = decisions(rng, codes, [0.004, 0.006, 0.01, 0.05])
    labels = labels_for(rng, pred, agree=0.9)
    return case("rare_decisions", "rare positive decisions: Fisher's exact test for eligible groups; "
                "minGroupSize 100",
                inputs_of(pred, labels, [categorical("channel", ["web", "branch", "phone", "partner"], codes)],
                          min_group_size=100))


def drift():
    rng = np.random.default_rng(1111)
    base_codes = codes_with(rng, [1500, 1000, 500])
    base_pred = decisions(rng, base_codes, [0.4, 0.35, 0.3])
    base_labels = labels_for(rng, base_pred)
    base_age = rng.uniform(18, 75, len(base_codes)).round()
    base_inputs = inputs_of(base_pred, base_labels,
                            [categorical("grp", ["a", "b", "c"], base_codes), numeric("age", base_age, [30, 50])])
    baseline = compute(base_inputs)
    cur_codes = codes_with(rng, [900, 1300, 300])
    cur_pred = decisions(rng, cur_codes, [0.45, 0.25, 0.2])
    cur_labels = labels_for(rng, cur_pred, unknown=0.5)
    cur_age = rng.uniform(18, 75, len(cur_codes)).round()
    # compared with the baseline's reference groups so the ratios stay comparable
    cur_inputs = inputs_of(cur_pred, cur_labels,
                           [categorical("grp", ["a", "b", "d"], cur_codes), numeric("age", cur_age, [30, 50])],
                           privileged={a["attribute"]: a["referenceGroup"] for a in baseline})
    current = compute(cur_inputs)
    return {"name": "drift", "description": "baseline on reference data, current batch with a group gone and a new one",
            "baselineInputs": base_inputs, "inputs": cur_inputs,
            "expected": {"baseline": baseline, "attributes": current,
                         "explanations": explanations(current, "Selection rate"),
                         "drift": ref.fairness_drift(current, baseline)}}


MULTICLASS_CLASSES = ["approve", "review", "decline"]


def multiclass_compute(inputs, label_classes):
    classes = inputs["classes"]
    pred = np.array([classes[c] for c in inputs["predictedClasses"]], dtype=object)
    lab = np.array([None if c < 0 else classes[c] for c in label_classes], dtype=object)
    names = {a["name"]: names_of(a) for a in inputs["attributes"]}
    order = [a["name"] for a in inputs["attributes"]]
    for a, b in inputs["pairs"]:
        names[a + "|" + b] = ref.cross_names(names[a], names[b])
        order.append(a + "|" + b)
    privileged = with_intersections(inputs["privileged"], inputs["pairs"], names)
    return [ref.multiclass_fairness(n, names[n], pred, lab, inputs["favorableClass"], inputs["minGroupSize"],
                                    privileged.get(n), check_with_sklearn=True) for n in order]


def multiclass_states(predicted_classes, label_classes, favorable):
    """What the engine is given: decision, label state (1 / 0 / -1) and correctness (1 / 0 / -1) per row."""
    p = np.asarray(predicted_classes)
    y = np.asarray(label_classes)
    labels = np.where(y < 0, -1, (y == favorable).astype(int))
    correct = np.where(y < 0, -1, (p == y).astype(int))
    return p == favorable, labels, correct


def multiclass():
    """A three-class model whose favourable class is "approve", with delayed labels and corrections.

    Also the input of FairnessMulticlassPipelineTest: the batch carries predictedClasses and
    labelClasses as class names; labels arrive late, then corrections that swap "review" and
    "decline" only, so the binarised figures stay and only the multiclass accuracy moves."""
    rng = np.random.default_rng(1313)
    classes = MULTICLASS_CLASSES
    favorable = 0
    sex = codes_with(rng, [1100, 1500, 60], missing=40)
    n = len(sex)
    age = rng.uniform(18, 75, n).round()
    age[rng.random(n) < 0.02] = np.nan
    shares = {0: [0.28, 0.37, 0.35], 1: [0.45, 0.30, 0.25], 2: [0.40, 0.30, 0.30], -1: [0.40, 0.30, 0.30]}
    predicted_classes = np.array([rng.choice(3, p=shares[int(s)]) for s in sex])
    right = rng.random(n) < np.where(sex == 0, 0.65, 0.8)
    other = (predicted_classes + rng.integers(1, 3, n)) % 3
    label_classes = np.where(right, predicted_classes, other)
    label_classes[rng.random(n) < 0.15] = -1
    corrected = label_classes.copy()
    swap = (label_classes > 0) & (rng.random(n) < 0.12)
    corrected[swap] = 3 - label_classes[swap]  # review (1) <-> decline (2)
    predicted, labels, correct = multiclass_states(predicted_classes, label_classes, favorable)
    _, labels_after, correct_after = multiclass_states(predicted_classes, corrected, favorable)
    assert np.array_equal(labels, labels_after), "corrections must leave the binarised labels alone"
    attrs = [categorical("sex", ["female", "male", "non-binary"], sex), numeric("age", age, [30, 50])]
    inputs = inputs_of(predicted, labels, attrs, pairs=[("sex", "age")], privileged={"sex": "male"})
    inputs.update(classes=classes, favorableClass=classes[favorable],
                  predictedClasses=[int(c) for c in predicted_classes],
                  labelClasses=[int(c) for c in label_classes], correct=[int(c) for c in correct])
    report = multiclass_compute(inputs, label_classes)
    report_after = multiclass_compute(inputs, corrected)
    corrections = np.flatnonzero(swap)
    return {"name": "multiclass", "description": "three classes, favourable class approve: one-vs-rest figures of "
            "approve and the multiclass accuracy; labels corrected between review and decline",
            "inputs": inputs,
            "corrections": {"rows": [int(i) for i in corrections],
                            "labelClasses": [int(corrected[i]) for i in corrections],
                            "correct": [int(c) for c in correct_after]},
            "expected": {"attributes": report, "explanations": explanations(report, "Approval rate"),
                         "corrected": report_after}}


# ---- the tests on their own --------------------------------------------------------------

def proportion_tests():
    """Fisher / z-test / Wilson on tables chosen for their edges: ties, zeros, large N, tiny p."""
    from scipy.stats import fisher_exact
    from statsmodels.stats.proportion import proportion_confint, proportions_ztest
    rng = np.random.default_rng(1212)
    tables = [[[3, 7], [7, 3]], [[5, 5], [5, 5]], [[2, 8], [8, 2]], [[1, 0], [0, 1]], [[10, 0], [0, 10]],
              [[0, 5], [0, 9]], [[6, 2], [1, 4]], [[8, 2], [1, 5]], [[0, 1], [500, 500]], [[1, 0], [500, 500]],
              [[3, 57], [4000, 96000]], [[2, 998], [300, 999700]], [[40, 60], [1000, 1000000]],
              [[0, 60], [202, 198]], [[1, 59], [12, 2988]], [[25, 25], [25, 25]], [[4, 6], [6, 4]],
              [[100, 0], [0, 100]], [[0, 300], [5, 995]], [[7, 7], [14, 14]]]
    tables += rng.integers(0, 20, size=(25, 2, 2)).tolist()
    tables += [[[int(a), int(b)], [int(c), int(d)]] for a, b, c, d in
               zip(rng.integers(0, 6, 10), rng.integers(20, 400, 10), rng.integers(0, 60, 10),
                   rng.integers(2000, 50000, 10))]
    fisher, ztest = [], []
    for t in tables:
        fisher.append({"table": t, "pValue": float(fisher_exact(t, alternative='two-sided')[1]),
                       "expectedBelowFive": ref.expected_below_five(t)})
        (a, b), (c, d) = t
        pooled = (a + c) / (a + b + c + d)
        if a + b > 0 and c + d > 0 and 0 < pooled < 1:
            _, p = proportions_ztest(np.array([a, c]), np.array([a + b, c + d]))
            ztest.append({"count1": a, "nobs1": a + b, "count2": c, "nobs2": c + d, "pValue": float(p)})
    pairs = [(0, 1), (1, 1), (0, 1000), (1000, 1000), (5, 1000000), (1, 3), (17, 40), (499999, 1000000),
             (2, 7), (30, 30)] + [(int(k), int(n)) for n in rng.integers(1, 5000, 15) for k in [rng.integers(0, n + 1)]]
    wilson = []
    for k, n in pairs:
        low, high = proportion_confint(k, n, alpha=0.05, method='wilson')
        wilson.append({"count": k, "nobs": n, "low": float(low), "high": float(high)})
    return {"fisher": fisher, "ztest": ztest, "wilson": wilson}


# ---- German credit ------------------------------------------------------------------------

GERMAN_NUMERIC = [1, 4, 7, 10, 12, 15, 17]  # duration, amount, installment rate, residence, age, credits, liable


def german(data_dir):
    path = data_dir / "german.data"
    if not path.exists():
        print(f"SKIP German credit fixture: {path} not found (set SHARED_DATA_DIR)")
        return None
    rows = [line.split() for line in path.read_text().splitlines() if line.strip()]
    x = np.array([[float(r[i]) for i in GERMAN_NUMERIC] for r in rows])
    y = np.array([1 if r[20] == "1" else 0 for r in rows])  # 1 = good credit = positive
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(x, y)
    scaler, lr = model[0], model[1]
    margin = lr.decision_function(scaler.transform(x))
    pred = model.predict(x) == 1
    assert np.array_equal(pred, margin > 0)
    assert np.abs(margin).min() > 1e-6, "a row lies on the decision boundary; Java could decide it differently"
    sex = np.array(["female" if r[8] == "A92" else "male" for r in rows], dtype=object)
    age = x[:, GERMAN_NUMERIC.index(12)]
    age_band = ref.bucket_names(age, [25, 35, 50])
    names = {"sex": sex, "age": age_band, "sex|age": ref.cross_names(sex, age_band)}
    privileged = {"sex": "male"}
    derived = with_intersections(privileged, [("sex", "age")], names)
    report = [ref.attribute_fairness(n, g, pred, y, 30, derived.get(n), check_with_sklearn=True)
              for n, g in names.items()]
    return {"name": "german_credit", "description": "UCI German Credit: A9 = A92 female else male, A13 age "
            "bucketed [25, 35, 50], label 1 (good) positive, decisions of a logistic regression on the numeric columns",
            "model": {"columns": GERMAN_NUMERIC, "mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist(),
                      "coef": lr.coef_[0].tolist(), "intercept": float(lr.intercept_[0]),
                      "minAbsMargin": float(np.abs(margin).min()), "positives": int(pred.sum())},
            "inputs": {"ageEdges": [25, 35, 50], "pairs": [["sex", "age"]], "minGroupSize": 30,
                       "privileged": privileged},
            "expected": {"attributes": report, "explanations": explanations(report, "Approval rate")}}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    cases = [random_groups(), degenerate_groups(), reference_rate_zero(), no_selections(), single_group(),
             tie_largest(), missing_and_partial_labels(), intersection(), numeric_bucketing(), rare_decisions(),
             drift(), multiclass()]
    fixture = {"cases": cases, "proportionTests": proportion_tests()}
    (OUT / "fairness_cases.json").write_text(json.dumps(clean(fixture), separators=(",", ":")) + "\n")
    print(f"wrote {len(cases)} cases to {OUT / 'fairness_cases.json'}")
    data_dir = Path(os.environ.get("SHARED_DATA_DIR", ROOT.parent / "shared" / "data"))
    g = german(data_dir)
    if g is not None:
        (OUT / "fairness_german.json").write_text(json.dumps(clean(g), indent=1) + "\n")
        print(f"wrote German credit fixture to {OUT / 'fairness_german.json'}")


if __name__ == "__main__":
    main()
