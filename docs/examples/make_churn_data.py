"""Writes the small churn data set of docs/getting-started.md (seeded, so every run writes the same files).

    /usr/bin/python3 docs/examples/make_churn_data.py      # from the repository root; needs numpy

- churn-reference.csv: 1,000 customers of the training period, with the model's score, its decision and
  the true outcome (the label);
- churn-2026-11-02.csv: a day like the reference (nothing should fire);
- churn-2026-11-03.csv: a price rise moves monthly_charges up by about 25, and long-standing customers
  start leaving for a competitor, which the model never learnt: feature drift at once, an accuracy drop
  once the labels are in;
- churn-labels.csv: the true outcomes of both days, as they become known a month later.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PLANS = np.array(["basic", "standard", "premium"])
PLAN_EFFECT = {"basic": 0.4, "standard": 0.0, "premium": -0.5}


def customers(rng, n, first_id, charge_shift=0.0):
    tenure = rng.integers(1, 73, n)
    charges = np.clip(rng.normal(70.0 + charge_shift, 20.0, n), 18.0, 160.0).round(2)
    plan = rng.choice(PLANS, n, p=[0.5, 0.3, 0.2])
    ids = np.array([f"C{first_id + i:06d}" for i in range(n)])
    return ids, tenure, charges, plan


def model_logit(tenure, charges, plan):
    """What the model learnt: churn rises with the monthly charge and falls with tenure."""
    return -0.2 - 0.06 * (tenure - 30) + 0.05 * (charges - 70) + np.vectorize(PLAN_EFFECT.get)(plan)


def write(name, header, columns):
    with open(os.path.join(HERE, name), "w", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in zip(*columns):
            out.write(",".join(str(v) for v in row) + "\n")


def day(rng, n, first_id, charge_shift=0.0, loyal_leave=0.0):
    ids, tenure, charges, plan = customers(rng, n, first_id, charge_shift)
    logit = model_logit(tenure, charges, plan)
    score = (1.0 / (1.0 + np.exp(-logit))).round(4)
    predicted = (score >= 0.5).astype(int)
    # The truth: the model's relation, plus (on the bad day) customers of over three years who now leave.
    true_logit = logit + loyal_leave * (tenure > 36)
    churned = (rng.random(n) < 1.0 / (1.0 + np.exp(-true_logit))).astype(int)
    return ids, tenure, charges, plan, score, predicted, churned


def main():
    rng = np.random.default_rng(20261101)
    header = ["customer_id", "tenure_months", "monthly_charges", "plan", "score", "churn_predicted", "churned"]
    ref = day(rng, 1000, 1)
    write("churn-reference.csv", header, ref)
    stable = day(rng, 500, 100001)
    write("churn-2026-11-02.csv", header[:-1], stable[:-1])
    shifted = day(rng, 500, 200001, charge_shift=25.0, loyal_leave=3.5)
    write("churn-2026-11-03.csv", header[:-1], shifted[:-1])
    write("churn-labels.csv", ["customer_id", "churned"],
          [np.concatenate([stable[0], shifted[0]]), np.concatenate([stable[-1], shifted[-1]])])
    for name, d in (("reference", ref), ("2026-11-02", stable), ("2026-11-03", shifted)):
        print(f"{name}: {len(d[0])} rows, accuracy {np.mean(d[5] == d[6]):.3f}, "
              f"mean monthly_charges {d[2].mean():.1f}, churn rate {d[6].mean():.3f}")


if __name__ == "__main__":
    main()
