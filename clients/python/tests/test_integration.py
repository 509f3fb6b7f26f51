"""Against a running platform: MODELTRUST_URL (ingest) and MODELTRUST_ALERTS_URL (alert-service), optionally
MODELTRUST_API_KEY (a write key). Skipped when MODELTRUST_URL is not set."""

import os
import time
import uuid

import numpy as np
import pandas as pd
import pytest

from modeltrust import Client, ProblemError

URL = os.environ.get("MODELTRUST_URL")
ALERTS_URL = os.environ.get("MODELTRUST_ALERTS_URL")
WAIT = float(os.environ.get("MODELTRUST_WAIT_SECONDS", "180"))

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(not URL or not ALERTS_URL,
                                 reason="set MODELTRUST_URL and MODELTRUST_ALERTS_URL to run against a live platform")]

SPEC = {
    "task": "binary_classification",
    "features": [{"name": "x", "type": "numeric"}, {"name": "c", "type": "categorical"}],
    "prediction": "pred",
    "score": "score",
    "label": "label",
    "classes": ["0", "1"],
    "id": "id",
}


def rows(n, shift, seed, prefix):
    rng = np.random.default_rng(seed)
    x = rng.normal(shift, 1.0, n)
    score = 1.0 / (1.0 + np.exp(-(x - shift + rng.normal(0, 0.5, n))))
    label = (rng.random(n) < score).astype(int)
    return pd.DataFrame({"id": [f"{prefix}-{i}" for i in range(n)], "x": x,
                         "c": rng.choice(["red", "green", "blue"], n, p=[0.5, 0.3, 0.2]),
                         "score": score, "pred": (score >= 0.5).astype(int), "label": label})


@pytest.fixture(scope="module")
def client():
    return Client(URL, alerts_url=ALERTS_URL, api_key=os.environ.get("MODELTRUST_API_KEY") or None)


@pytest.fixture(scope="module")
def model(client):
    """A registered model with a DataFrame reference and one drifted production batch whose labels come later."""
    model_id = f"py-client-{uuid.uuid4().hex[:10]}"
    stored = client.register_model(model_id, SPEC)
    assert stored["modelId"] == model_id and stored["version"] == 1
    reference = client.upload_reference(model_id, rows(3000, 0.0, 1, "r"))
    assert reference.kind == "reference" and reference.rows == 3000 and reference.reference_version == 1
    production = rows(800, 1.5, 2, "p")
    receipt = client.post_batch(model_id, production.drop(columns=["label"]), at="2026-11-21T10:00:00Z",
                                idempotency_key=f"{model_id}-2026-11-21")
    return {"id": model_id, "receipt": receipt, "production": production}


def test_the_batch_report_arrives_with_drift_and_performance(client, model):
    receipt = model["receipt"]
    assert receipt.kind == "production" and receipt.rows == 800 and receipt.at == "2026-11-21T10:00:00Z"
    report = client.wait_for_report(model["id"], receipt.batch_id, timeout=WAIT)
    assert report["batchId"] == receipt.batch_id
    x = next(f for f in report["drift"]["features"] if f["feature"] == "x")
    assert x["drifted"] is True and x["psi"] > 0.5  # a shift of 1.5 standard deviations
    assert report["performance"]["rows"] == 800 and report["performance"]["labeledRows"] == 0


def test_the_same_idempotency_key_returns_the_first_receipt(client, model):
    again = client.post_batch(model["id"], model["production"].drop(columns=["label"]),
                              at="2026-11-21T10:00:00Z", idempotency_key=f"{model['id']}-2026-11-21")
    assert again.batch_id == model["receipt"].batch_id


def test_labels_match_the_batch_and_bring_a_new_performance_revision(client, model):
    labels = client.post_labels(model["id"], model["production"][["id", "label"]])
    assert labels.kind == "labels" and labels.matched == 800
    report = client.wait_for_report(model["id"], model["receipt"].batch_id, kinds=("performance",),
                                    min_revision={"performance": 2}, timeout=WAIT)
    performance = report["performance"]
    assert performance["labeledRows"] == 800
    production = model["production"]
    assert performance["metrics"]["accuracy"] == pytest.approx((production["pred"] == production["label"]).mean(),
                                                               abs=1e-12)


def test_a_bad_batch_raises_a_400_naming_the_column(client, model):
    bad = model["production"].drop(columns=["label"]).head(5).copy()
    bad["id"] = [f"bad-{i}" for i in range(5)]
    bad["x"] = bad["x"].astype(object)
    bad.loc[bad.index[2], "x"] = "12k"
    with pytest.raises(ProblemError) as caught:
        client.post_batch(model["id"], bad)
    e = caught.value
    assert e.status == 400
    assert {"row": 3, "column": "x"}.items() <= e.errors[0].items()
    assert "12k" in e.errors[0]["message"]


def test_an_unknown_model_is_a_404(client):
    with pytest.raises(ProblemError) as caught:
        client.get_model(f"py-client-missing-{uuid.uuid4().hex[:8]}")
    assert caught.value.status == 404 and caught.value.title


def test_series_returns_the_batch_psi_as_a_dataframe(client, model):
    client.wait_for_report(model["id"], model["receipt"].batch_id, kinds=("drift",), timeout=WAIT)
    psi = client.series(model["id"], "psi", feature="x")
    assert isinstance(psi, pd.DataFrame) and list(psi.columns) == ["batchId", "at", "value"]
    assert list(psi["batchId"]) == [model["receipt"].batch_id]
    assert psi["at"].iloc[0] == pd.Timestamp("2026-11-21T10:00:00Z")
    assert psi.attrs["path"] == "drift.features.x.psi"
    report = client.report(model["id"], model["receipt"].batch_id)
    x = next(f for f in report["drift"]["features"] if f["feature"] == "x")
    assert psi["value"].iloc[0] == pytest.approx(x["psi"], rel=1e-12)
    share = client.series(model["id"], path="drift.driftShare")
    assert share.attrs["path"] == "drift.driftShare" and len(share) == 1


def test_alerts_returns_a_list_of_this_models_alerts(client, model):
    client.wait_for_report(model["id"], model["receipt"].batch_id, timeout=WAIT)
    alerts = client.alerts(model_id=model["id"])
    assert isinstance(alerts, list)
    assert all(a["modelId"] == model["id"] for a in alerts)
    assert any(a["kind"] == "drift" for a in alerts), "a 1.5-sigma shift of x should open a drift alert"


def test_zz_delete_model(client, model):
    """Runs last (by name): the model goes everywhere, the audit log says who deleted it, alert-service lets go of it."""
    deletion = client.delete_model(model["id"])
    assert deletion["kind"] == "model_deleted" and deletion["modelId"] == model["id"] and deletion["batchId"] is None
    assert deletion["actor"] and deletion["at"]
    assert client.delete_model(model["id"])["eventId"] == deletion["eventId"], "a repeat is a no-op"
    with pytest.raises(ProblemError) as caught:
        client.get_model(model["id"])
    assert caught.value.status == 404
    with pytest.raises(ProblemError) as refused:
        client.post_batch(model["id"], model["production"].drop(columns=["label"]))
    assert refused.value.status == 409
    assert [d["eventId"] for d in client.audit(model["id"])] == [deletion["eventId"]]
    deadline = time.monotonic() + 60
    while True:
        try:
            left = client.transport.request("GET", f"{ALERTS_URL}/api/v1/models/{model['id']}/batches").json()
        except ProblemError as e:
            assert e.status == 404
            break
        if left == []:
            break
        assert time.monotonic() < deadline, f"alert-service still lists {len(left)} batches of the deleted model"
        time.sleep(1)
