import datetime as dt
import gzip
import uuid

import numpy as np
import pandas as pd
import pytest
import requests

from modeltrust import Client, ProblemError, RetryPolicy
from modeltrust.http import retry_after_seconds

RECEIPT = {"modelId": "credit", "batchId": "b-1", "kind": "production", "rows": 3, "referenceVersion": 1,
           "receivedAt": "2026-11-21T10:00:01Z", "at": "2026-11-21T10:00:00Z"}


def frame(rows=3):
    purposes = ["car", "home", "car,van"]
    return pd.DataFrame({"income": [1000.5 + i for i in range(rows)], "purpose": [purposes[i % 3] for i in range(rows)],
                         "approved": [i % 2 for i in range(rows)]})


def test_a_dataframe_batch_goes_as_gzip_csv_without_the_index_with_a_uuid4_idempotency_key(stub, client_for):
    stub.answer(202, RECEIPT)
    df = frame().set_axis([10, 20, 30])
    receipt = client_for().post_batch("credit", df)

    [r] = stub.requests
    assert (r.method, r.path) == ("POST", "/api/v1/models/credit/batches")
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-encoding"] == "gzip"
    assert r.raw[:2] == b"\x1f\x8b"
    assert r.text == "income,purpose,approved\n1000.5,car,0\n1001.5,home,1\n1002.5,\"car,van\",0\n"
    assert uuid.UUID(r.headers["idempotency-key"]).version == 4
    assert r.param("at") is None
    assert receipt.batch_id == "b-1" and receipt.rows == 3 and receipt.reference_version == 1
    assert receipt.raw == RECEIPT


def test_a_large_frame_is_streamed_in_pieces_that_join_to_one_csv(stub, client_for):
    stub.answer(202, RECEIPT)
    df = frame(10)
    client_for(chunk_rows=3).post_batch("credit", df)
    [r] = stub.requests
    assert r.chunked and "content-length" not in r.headers
    assert r.text == df.to_csv(index=False)
    assert r.text.count("income") == 1  # one header, not one per piece


def test_missing_values_are_empty_fields_and_an_integer_column_with_nan_is_written_as_floats(stub, client_for):
    stub.answer(202, RECEIPT)
    df = pd.DataFrame({"x": [0.25, np.nan], "label": pd.Series([1, None], dtype="float64"), "c": ["a", None]})
    client_for().post_batch("credit", df)
    assert stub.requests[0].text == "x,label,c\n0.25,1.0,a\n,,\n"


def test_floats_keep_every_digit(stub, client_for):
    stub.answer(202, RECEIPT)
    values = [0.1 + 0.2, 1e-17, 123456789.123456789, 2.0 / 3.0]
    client_for().post_batch("credit", pd.DataFrame({"x": values}))
    written = [float(v) for v in stub.requests[0].text.splitlines()[1:]]
    assert written == values


def test_a_csv_path_is_gzipped_and_a_gzip_file_is_sent_as_it_is(stub, client_for, tmp_path):
    text = "income,approved\n1,0\n2,1\n"
    plain = tmp_path / "batch.csv"
    plain.write_text(text)
    packed = tmp_path / "batch.csv.gz"
    packed.write_bytes(gzip.compress(text.encode(), mtime=0))
    stub.answer(202, RECEIPT)
    stub.answer(202, RECEIPT)
    c = client_for()
    c.post_batch("credit", str(plain))
    c.post_batch("credit", packed)
    first, second = stub.requests
    assert first.headers["content-encoding"] == "gzip" and first.text == text
    assert second.raw == packed.read_bytes()


def test_a_missing_file_or_another_type_fails_before_any_request(stub, client_for, tmp_path):
    c = client_for()
    with pytest.raises(FileNotFoundError):
        c.post_batch("credit", tmp_path / "nope.csv")
    with pytest.raises(TypeError):
        c.post_batch("credit", [{"x": 1}])
    assert stub.requests == []


def test_a_given_idempotency_key_and_at_go_along_and_each_call_gets_its_own_key_otherwise(stub, client_for):
    for _ in range(3):
        stub.answer(202, RECEIPT)
    c = client_for()
    c.post_batch("credit", frame(), at="2026-11-21T10:00:00Z", idempotency_key="credit-2026-11-21")
    c.post_batch("credit", frame())
    c.post_batch("credit", frame(), at=dt.datetime(2026, 11, 21, 11, tzinfo=dt.timezone(dt.timedelta(hours=1))))
    a, b, d = stub.requests
    assert a.headers["idempotency-key"] == "credit-2026-11-21" and a.param("at") == "2026-11-21T10:00:00Z"
    assert b.headers["idempotency-key"] != d.headers["idempotency-key"]
    assert d.param("at") == "2026-11-21T11:00:00+01:00"


def test_a_naive_datetime_or_an_overlong_key_is_refused_before_any_request(stub, client_for):
    c = client_for()
    with pytest.raises(ValueError, match="naive"):
        c.post_batch("credit", frame(), at=dt.datetime(2026, 11, 21))
    with pytest.raises(ValueError, match="200"):
        c.post_batch("credit", frame(), idempotency_key="k" * 201)
    assert stub.requests == []


def test_a_503_is_retried_after_its_retry_after_with_the_same_key_and_body(stub, client_for):
    busy = {"type": "about:blank", "title": "Service Unavailable", "status": 503, "detail": "Kafka is not reachable"}
    stub.answer(503, busy, headers={"Retry-After": "5"}, content_type="application/problem+json")
    stub.answer(503, busy, headers={"Retry-After": "2"}, content_type="application/problem+json")
    stub.answer(202, RECEIPT)
    c = client_for()
    receipt = c.post_batch("credit", frame())
    assert receipt.batch_id == "b-1"
    assert len(stub.requests) == 3
    assert len({r.headers["idempotency-key"] for r in stub.requests}) == 1
    assert len({r.text for r in stub.requests}) == 1
    assert c.waits.delays == [5.0, 2.0]


def test_without_retry_after_the_waits_double(stub, client_for):
    for _ in range(3):
        stub.answer(503, {"status": 503})
    stub.answer(200, {"modelId": "m"})
    c = client_for(retry=RetryPolicy(attempts=4, backoff=0.5))
    c.register_model("m", {"task": "regression"})
    assert c.waits.delays == [0.5, 1.0, 2.0]


def test_retry_after_is_capped_and_after_the_last_attempt_the_503_is_raised(stub, client_for):
    for _ in range(3):
        stub.answer(503, {"title": "Service Unavailable", "status": 503, "detail": "database down"},
                    headers={"Retry-After": "3600"})
    c = client_for(retry=RetryPolicy(attempts=3, max_delay=30))
    with pytest.raises(ProblemError) as e:
        c.post_batch("credit", frame())
    assert e.value.status == 503 and e.value.detail == "database down"
    assert len(stub.requests) == 3
    assert c.waits.delays == [30.0, 30.0]


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_a_4xx_is_not_retried(stub, client_for):
    stub.answer(409, {"title": "Conflict", "status": 409, "detail": "no reference yet"})
    c = client_for()
    with pytest.raises(ProblemError) as e:
        c.post_batch("credit", frame())
    assert e.value.status == 409 and len(stub.requests) == 1 and c.waits.delays == []


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_refused_connection_is_retried_even_for_a_reference_then_raised():
    c = Client(f"http://127.0.0.1:{free_port()}", retry=RetryPolicy(attempts=3, backoff=1.0))
    delays = []
    c.transport.sleep = delays.append
    with pytest.raises(requests.ConnectionError):
        c.upload_reference("credit", frame())
    assert delays == [1.0, 2.0]


def test_a_connection_dropped_after_sending_is_retried_for_a_batch_with_the_same_key(stub, client_for):
    stub.answer(drop=True)
    stub.answer(202, RECEIPT)
    c = client_for()
    assert c.post_batch("credit", frame()).batch_id == "b-1"
    first, second = stub.requests
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert first.text == second.text


def test_a_connection_dropped_after_sending_a_reference_is_not_repeated(stub, client_for):
    # A second reference would become a new referenceVersion; the caller decides.
    stub.answer(drop=True)
    stub.answer(201, RECEIPT)
    with pytest.raises(requests.ConnectionError):
        client_for().upload_reference("credit", frame())
    assert len(stub.requests) == 1


def test_reference_and_labels_go_to_their_endpoints_as_gzip_csv(stub, client_for):
    stub.answer(201, dict(RECEIPT, kind="reference"))
    stub.answer(202, dict(RECEIPT, kind="labels", matched=2))
    c = client_for()
    ref = c.upload_reference("credit", frame())
    labels = c.post_labels("credit", pd.DataFrame({"application_id": ["A-1", "A-2"], "defaulted": [0, 1]}))
    a, b = stub.requests
    assert (a.method, a.path, b.path) == ("POST", "/api/v1/models/credit/reference", "/api/v1/models/credit/labels")
    assert "idempotency-key" not in a.headers and "idempotency-key" not in b.headers
    assert b.text == "application_id,defaulted\nA-1,0\nA-2,1\n"
    assert ref.kind == "reference" and labels.matched == 2


def test_the_api_key_goes_as_x_api_key_and_is_left_out_without_one(stub, client_for):
    client_for(api_key="s3cret").get_model("credit")
    client_for().get_model("credit")
    assert stub.requests[0].headers["x-api-key"] == "s3cret"
    assert "x-api-key" not in stub.requests[1].headers


def test_register_model_puts_the_spec_as_json_and_ids_stay_one_path_segment(stub, client_for):
    stub.answer(201, {"modelId": "credit", "version": 1})
    c = client_for()
    model = c.register_model("credit", {"task": "binary_classification", "features": []})
    c.get_model("../q/metrics")
    put, get = stub.requests
    assert (put.method, put.path) == ("PUT", "/api/v1/models/credit")
    assert put.headers["content-type"] == "application/json"
    assert put.raw == b'{"task": "binary_classification", "features": []}'
    assert model["version"] == 1
    assert get.path == "/api/v1/models/..%2Fq%2Fmetrics"


def test_delete_model_sends_delete_and_returns_the_answer(stub, client_for):
    stub.answer(202, {"modelId": "credit", "status": "deleting"})
    stub.answer(202, b"")
    c = client_for()
    assert c.delete_model("credit") == {"modelId": "credit", "status": "deleting"}
    assert c.delete_model("credit") is None
    assert [(r.method, r.path) for r in stub.requests] == [("DELETE", "/api/v1/models/credit")] * 2
