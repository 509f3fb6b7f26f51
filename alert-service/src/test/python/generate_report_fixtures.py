"""Reference values for the report's pooled fairness statistics (io.modeltrust.alert.report.Proportions).

Run: /usr/bin/python3 alert-service/src/test/python/generate_report_fixtures.py
Writes alert-service/src/test/resources/fixtures/report-proportions.json, which ProportionsTest reads.
"""
import json
import os

import numpy as np
from scipy.stats import fisher_exact
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "fixtures", "report-proportions.json")

# Pooled counts as a period report sees them: (selected, rows) of a group and of its reference group.
CASES = [
    (936, 2400, 1800, 3600),   # the ReportApiTest period: female against male
    (12, 40, 30, 50),
    (3, 9, 20, 25),            # expected cell below 5: Fisher
    (0, 35, 10, 60),
    (480, 1000, 520, 1000),
    (1, 4, 3, 4),
    (150000, 400000, 170000, 410000),
]

wilson = []
tests = []
for k, n, kr, nr in CASES:
    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    wilson.append({"count": k, "nobs": n, "low": lo, "high": hi})
    table = [[k, n - k], [kr, nr - kr]]
    z_p = float(proportions_ztest([k, kr], [n, nr])[1])
    f_p = float(fisher_exact(table)[1])
    tests.append({"table": table, "zPValue": z_p, "fisherPValue": f_p})

raw = [0.001, 0.04, 0.03, 0.2, 0.5, 0.0001, 0.049, 0.9]
bh = multipletests(raw, method="fdr_bh")[1].tolist()

with open(OUT, "w") as f:
    json.dump({"wilson": wilson, "tests": tests, "bh": {"p": raw, "adjusted": bh}}, f, indent=1)
    f.write("\n")
print("wrote", OUT)
