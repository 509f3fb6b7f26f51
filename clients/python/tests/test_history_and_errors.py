import pandas as pd
import pytest

from modeltrust import Client, ProblemError

PROBLEM = {
    "type": "about:blank", "title": "Invalid production upload", "status": 400,
    "detail": "2 problem(s); nothing was published. First: row 3, column income: not a finite number: '12k'",
    "errors": [{"row": 3, "column": "income", "message": "not a finite number: '12k'"},
               {"row": 7, "column": "approved", "message": "'yes' is none of the model's classes 0, 1"},
               {"row": None, "column": None, "message": "spec problem"}],
    "totalErrors": 250,
}


def test_a_problem_json_400_carries_status_title_detail_and_errors(stub, client_for):
    stub.answer(400, PROBLEM, content_type="application/problem+json")
    with pytest.raises(ProblemError) as caught:
        client_for().post_batch("credit", pd.DataFrame({"income": ["12k"]}))
    e = caught.value
    assert (e.status, e.title, e.detail) == (400, PROBLEM["title"], PROBLEM["detail"])
    assert e.errors == PROBLEM["errors"]
    assert e.total_errors == 250
    assert e.columns() == ["income", "approved"]
    assert e.method == "POST" and e.url.endswith("/api/v1/models/credit/batches")
    text = str(e)
    assert "400 Invalid production upload" in text and "column income" in text and "247 more" in text


def test_an_answer_that_is_not_json_still_gives_a_problem_error(stub, client_for):
    stub.answer(405, "<html>Method Not Allowed</html>", content_type="text/html")
    with pytest.raises(ProblemError) as caught:
        client_for().delete_model("credit")
    e = caught.value
    assert e.status == 405 and e.title == "Method Not Allowed" and e.errors == [] and e.total_errors == 0
    assert "Method Not Allowed" in e.detail


def test_delete_model_sends_a_delete_and_returns_the_deletion(stub, client_for):
    deletion = {"eventId": "e1", "kind": "model_deleted", "modelId": "credit/x", "batchId": None,
                "actor": "ops", "at": "2026-12-03T08:00:00Z", "publishedAt": "2026-12-03T08:00:00.1Z"}
    stub.answer(202, deletion)
    stub.answer(202, dict(deletion, kind="batch_deleted", batchId="b 1"))
    stub.answer(200, [deletion])
    c = client_for()
    assert c.delete_model("credit/x") == deletion
    assert c.delete_batch("credit/x", "b 1")["batchId"] == "b 1"
    assert c.audit("credit/x") == [deletion]
    first, second, third = stub.requests
    assert (first.method, first.path) == ("DELETE", "/api/v1/models/credit%2Fx")
    assert (second.method, second.path) == ("DELETE", "/api/v1/models/credit%2Fx/batches/b%201")
    assert (third.method, third.path, third.param("modelId")) == ("GET", "/api/v1/audit", "credit/x")


def test_an_unauthorized_answer_is_a_problem_error(stub, client_for):
    stub.answer(401, {"title": "Unauthorized", "status": 401, "detail": "no API key"},
                headers={"WWW-Authenticate": 'ApiKey header="X-API-Key"'})
    with pytest.raises(ProblemError) as caught:
        client_for().alerts()
    assert caught.value.status == 401 and caught.value.title == "Unauthorized"


def report(drift=None, performance=None, fairness=None):
    return {"modelId": "credit", "batchId": "b-1", "at": "2026-11-21T10:00:00Z", "drift": drift,
            "performance": performance, "fairness": fairness, "revisions": {}, "alerts": []}


def test_wait_for_report_polls_through_404_and_partial_reports(stub, client_for):
    stub.answer(404, {"title": "Not Found", "status": 404})
    stub.answer(200, report(drift={"revision": 1}))
    stub.answer(200, report(drift={"revision": 1}, performance={"revision": 1, "metrics": {}}))
    c = client_for()
    got = c.wait_for_report("credit", "b-1", timeout=60, poll_interval=2)
    assert got["performance"] == {"revision": 1, "metrics": {}}
    assert [r.path for r in stub.requests] == ["/api/v1/models/credit/batches/b-1/report"] * 3
    assert c.waits.delays == [2, 2]


def test_wait_for_report_waits_for_a_later_revision_when_asked(stub, client_for):
    stub.answer(200, report(performance={"revision": 1}))
    stub.answer(200, report(performance={"revision": 2}))
    got = client_for().wait_for_report("credit", "b-1", kinds="performance", min_revision={"performance": 2})
    assert got["performance"]["revision"] == 2 and len(stub.requests) == 2


def test_wait_for_report_times_out_naming_what_is_missing(stub, client_for):
    stub.fallback.body = report(drift={"revision": 1})
    c = client_for()
    with pytest.raises(TimeoutError, match="lacks performance after 5 s"):
        c.wait_for_report("credit", "b-1", timeout=5, poll_interval=1)
    assert sum(c.waits.delays) == 5


def test_wait_for_report_passes_on_errors_other_than_404(stub, client_for):
    stub.answer(403, {"title": "Forbidden", "status": 403})
    with pytest.raises(ProblemError) as caught:
        client_for().wait_for_report("credit", "b-1")
    assert caught.value.status == 403


def test_wait_for_report_refuses_unknown_kinds(client_for):
    with pytest.raises(ValueError):
        client_for().wait_for_report("credit", "b-1", kinds=("drift", "quality"))


def test_series_asks_alert_service_and_returns_a_typed_frame(stub, client_for):
    stub.answer(200, [{"batchId": "b-1", "at": "2026-11-21T10:00:00Z", "value": 0.12},
                      {"batchId": "b-2", "at": "2026-11-22T10:00:00.5Z", "value": 0.31}],
                headers={"X-Metric-Path": "drift.features.income.psi"})
    s = client_for().series("credit", "psi", feature="income", from_="2026-11-01T00:00:00Z", limit=10)
    [r] = stub.requests
    assert r.path == "/api/v1/models/credit/metrics/psi"
    assert (r.param("feature"), r.param("from"), r.param("limit"), r.param("group")) == \
        ("income", "2026-11-01T00:00:00Z", "10", None)
    assert list(s.columns) == ["batchId", "at", "value"]
    assert list(s["batchId"]) == ["b-1", "b-2"] and list(s["value"]) == [0.12, 0.31]
    assert s["at"].iloc[1] == pd.Timestamp("2026-11-22T10:00:00.5Z")
    assert str(s["at"].dt.tz) == "UTC"
    assert s.attrs["path"] == "drift.features.income.psi"


def test_series_takes_a_model_wide_name_a_group_or_a_full_path(stub, client_for):
    c = client_for()
    stub.fallback.body = []
    c.series("credit", "accuracy")
    c.series("credit", "selectionRate", feature="sex", group="female")
    empty = c.series("credit", path="fairness.sex.groups.female.selectionRate")
    a, b, d = stub.requests
    assert a.path == "/api/v1/models/credit/metrics/accuracy" and a.query == {}
    assert b.path == "/api/v1/models/credit/metrics/selectionRate" and b.param("group") == "female"
    assert d.path == "/api/v1/models/credit/metrics/fairness.sex.groups.female.selectionRate"
    assert empty.empty and list(empty.columns) == ["batchId", "at", "value"]
    assert str(empty["value"].dtype) == "float64"


def test_series_needs_exactly_one_of_metric_and_path(client_for):
    c = client_for()
    with pytest.raises(ValueError):
        c.series("credit")
    with pytest.raises(ValueError):
        c.series("credit", "psi", path="drift.driftShare")
    with pytest.raises(ValueError):
        c.series("credit", path="drift.features.x.psi", feature="x")


def test_alerts_passes_the_filters(stub, client_for):
    stub.answer(200, [{"alertId": "a-1", "modelId": "credit", "status": "open"}])
    got = client_for().alerts(model_id="credit", status="open", severity="critical", limit=5)
    [r] = stub.requests
    assert r.path == "/api/v1/alerts"
    assert r.query == {"modelId": ["credit"], "status": ["open"], "severity": ["critical"], "limit": ["5"]}
    assert got == [{"alertId": "a-1", "modelId": "credit", "status": "open"}]


def test_history_calls_without_alerts_url_say_what_is_missing(stub):
    c = Client(stub.url)
    with pytest.raises(ValueError, match="alerts_url"):
        c.alerts()
    assert stub.requests == []
