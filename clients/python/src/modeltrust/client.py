"""The client of the platform's HTTP API (docs/api.md): ingest for models and uploads, alert-service for history."""

from __future__ import annotations

import datetime as _dt
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union
from urllib.parse import quote

import pandas as pd

from .bodies import DEFAULT_CHUNK_ROWS, CsvBody, Data
from .errors import ProblemError
from .http import RetryPolicy, Transport

REPORT_KINDS = ("drift", "performance", "fairness")
Instant = Union[str, _dt.datetime]


@dataclass(frozen=True)
class Receipt:
    """What ingest answered for an accepted upload. ``raw`` is the whole answer."""

    model_id: str
    batch_id: str
    kind: str
    rows: int
    reference_version: Optional[int] = None
    received_at: Optional[str] = None
    at: Optional[str] = None
    matched: Optional[int] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, body: Dict[str, Any]) -> "Receipt":
        return cls(model_id=body.get("modelId"), batch_id=body.get("batchId"), kind=body.get("kind"),
                   rows=body.get("rows"), reference_version=body.get("referenceVersion"),
                   received_at=body.get("receivedAt"), at=body.get("at"), matched=body.get("matched"), raw=body)


class Client:
    """``url`` is ingest-service (8081); ``alerts_url`` is alert-service (8085), needed for reports, alerts and series.

    ``api_key`` goes along as ``X-API-Key`` on every request. ``timeout`` is requests' (connect, read)
    timeout in seconds; an upload's answer comes after Kafka acknowledged the whole batch, so the read
    timeout is generous. ``retry`` says how 503s and failed connections are retried.
    """

    def __init__(self, url: str, alerts_url: Optional[str] = None, api_key: Optional[str] = None, *,
                 timeout=(10.0, 300.0), retry: Optional[RetryPolicy] = None, session=None,
                 chunk_rows: int = DEFAULT_CHUNK_ROWS):
        if not url:
            raise ValueError("url (ingest-service, e.g. http://127.0.0.1:8081) is required")
        self.url = url.rstrip("/")
        self.alerts_url = alerts_url.rstrip("/") if alerts_url else None
        self.chunk_rows = chunk_rows
        self.transport = Transport(api_key, timeout, retry or RetryPolicy(), session)
        # Replaced in tests, so that waiting is checked without a real clock.
        self._clock = time.monotonic

    # --- models (ingest) -------------------------------------------------------------------------------------

    def register_model(self, model_id: str, spec: Mapping[str, Any]) -> Dict[str, Any]:
        """Creates or updates the model; returns it as stored (with ``version`` and ``referenceVersion``)."""
        return self._ingest("PUT", _model_path(model_id), json=dict(spec)).json()

    def get_model(self, model_id: str) -> Dict[str, Any]:
        return self._ingest("GET", _model_path(model_id)).json()

    def delete_model(self, model_id: str) -> Optional[Dict[str, Any]]:
        """Removes the model and everything of it in every service (``202``); returns the deletion record
        (``eventId``, ``kind``, ``actor``, ``at``, ``publishedAt``). A repeat answers the first deletion."""
        response = self._ingest("DELETE", _model_path(model_id))
        return _json_or_none(response)

    def delete_batch(self, model_id: str, batch_id: str) -> Optional[Dict[str, Any]]:
        """Removes one production batch everywhere (``202``); returns the deletion record."""
        response = self._ingest("DELETE", _model_path(model_id) + "/batches/" + _segment(batch_id))
        return _json_or_none(response)

    def audit(self, model_id: Optional[str] = None) -> List[Dict[str, Any]]:
        """The audit log of deletions, newest first: who deleted what and when."""
        return self._ingest("GET", "/api/v1/audit", params={"modelId": model_id}).json()

    # --- uploads (ingest) ------------------------------------------------------------------------------------

    def upload_reference(self, model_id: str, data: Data) -> Receipt:
        """Uploads the reference: a DataFrame or the path of a CSV file (plain or gzip)."""
        # A reference sent twice becomes a new referenceVersion, so it is repeated only when the
        # server surely did not get it (a 503, or a connection that was never made).
        response = self._upload(_model_path(model_id) + "/reference", data, repeatable=False)
        return Receipt.from_json(response.json())

    def post_batch(self, model_id: str, data: Data, at: Optional[Instant] = None,
                   idempotency_key: Optional[str] = None) -> Receipt:
        """Posts a production batch. Every call sends an Idempotency-Key (a new uuid4 unless one is given),
        so a retry after a lost answer returns the first upload's receipt instead of a second batch.
        Pass your own key (e.g. ``"credit-2026-11-21"``) to make a re-run of a whole job safe too."""
        key = idempotency_key if idempotency_key is not None else str(uuid.uuid4())
        if not key.strip() or len(key.strip()) > 200:
            raise ValueError("idempotency_key must have 1 to 200 characters")
        response = self._upload(_model_path(model_id) + "/batches", data, params={"at": _instant(at, "at")},
                                headers={"Idempotency-Key": key}, repeatable=True)
        return Receipt.from_json(response.json())

    def post_labels(self, model_id: str, data: Data) -> Receipt:
        """Posts delayed ground truth: exactly the model's ``id`` and ``label`` columns."""
        # Labels posted again with the same values publish no new revision, so a retry is harmless.
        response = self._upload(_model_path(model_id) + "/labels", data, repeatable=True)
        return Receipt.from_json(response.json())

    # --- history (alert-service) -----------------------------------------------------------------------------

    def report(self, model_id: str, batch_id: str) -> Dict[str, Any]:
        """The batch's report: the latest result of each kind (None until it arrived), revisions and alerts."""
        return self._alerts("GET", _model_path(model_id) + "/batches/" + _segment(batch_id) + "/report").json()

    def wait_for_report(self, model_id: str, batch_id: str, kinds: Iterable[str] = ("drift", "performance"),
                        timeout: float = 120, poll_interval: float = 1.0,
                        min_revision: Union[None, int, Mapping[str, int]] = None) -> Dict[str, Any]:
        """Polls the batch's report until every kind in ``kinds`` has arrived; returns the report.

        ``min_revision`` (an int for every kind, or ``{kind: revision}``) waits for a later revision,
        e.g. ``{"performance": 2}`` after posting labels. Raises TimeoutError naming what is missing.
        """
        wanted = _kinds(kinds)
        revisions = _revisions(wanted, min_revision)
        deadline = self._clock() + timeout
        report: Optional[Dict[str, Any]] = None
        while True:
            try:
                report = self.report(model_id, batch_id)
            except ProblemError as e:
                if e.status != 404:  # 404: the batch has not reached alert-service yet
                    raise
            missing = _missing(report, revisions)
            if not missing:
                return report
            if self._clock() >= deadline:
                raise TimeoutError(f"the report of batch {batch_id} of model {model_id} still lacks "
                                   f"{', '.join(missing)} after {timeout:g} s")
            self.transport.sleep(poll_interval)

    def alerts(self, model_id: Optional[str] = None, *, status: Optional[str] = None, severity: Optional[str] = None,
               kind: Optional[str] = None, rule: Optional[str] = None, from_: Optional[Instant] = None,
               to: Optional[Instant] = None, limit: Optional[int] = None,
               offset: Optional[int] = None) -> List[Dict[str, Any]]:
        """Alerts, newest first (the platform's default limit is 100, at most 1000)."""
        params = {"modelId": model_id, "status": status, "severity": severity, "kind": kind, "rule": rule,
                  "from": _instant(from_, "from_"), "to": _instant(to, "to"), "limit": limit, "offset": offset}
        return self._alerts("GET", "/api/v1/alerts", params=params).json()

    def alert(self, alert_id: str) -> Dict[str, Any]:
        """One alert with its audit trail."""
        return self._alerts("GET", "/api/v1/alerts/" + _segment(alert_id)).json()

    def series(self, model_id: str, metric: Optional[str] = None, feature: Optional[str] = None,
               group: Optional[str] = None, *, path: Optional[str] = None, from_: Optional[Instant] = None,
               to: Optional[Instant] = None, limit: Optional[int] = None) -> pd.DataFrame:
        """A metric's time series as a DataFrame of ``batchId``, ``at`` (UTC) and ``value``, oldest first.

        ``metric`` is a short name: model-wide (``"accuracy"`` is ``performance.accuracy``,
        ``"driftShare"`` is ``drift.driftShare``), per feature with ``feature=`` (``"psi", feature="x"``
        is ``drift.features.x.psi``; also data-quality and fairness-attribute figures), or per fairness
        group with ``feature=`` (the attribute) and ``group=``. ``path=`` gives a full path instead
        (``"fairness.sex.groups.female.selectionRate"``). alert-service resolves the name; the path it
        used is in ``frame.attrs["path"]``.
        """
        if (metric is None) == (path is None):
            raise ValueError("give either metric (with feature= / group=) or path=")
        if path is not None and (feature is not None or group is not None):
            raise ValueError("path= is a full path; feature= and group= go with a short metric name")
        response = self._alerts("GET", _model_path(model_id) + "/metrics/" + _segment(metric or path),
                                params={"feature": feature, "group": group, "from": _instant(from_, "from_"),
                                        "to": _instant(to, "to"), "limit": limit})
        frame = pd.DataFrame(response.json(), columns=["batchId", "at", "value"])
        frame["batchId"] = frame["batchId"].astype(object)
        frame["at"] = pd.to_datetime(frame["at"], utc=True)
        frame["value"] = frame["value"].astype(float)
        frame.attrs["path"] = response.headers.get("X-Metric-Path")
        return frame

    # --- plumbing --------------------------------------------------------------------------------------------

    def _upload(self, path: str, data: Data, *, params=None, headers=None, repeatable: bool):
        body = CsvBody(data, self.chunk_rows)
        sent = {"Content-Type": body.content_type, "Content-Encoding": body.content_encoding}
        sent.update(headers or {})
        return self._ingest("POST", path, params=params, body=body, headers=sent, repeatable=repeatable)

    def _ingest(self, method: str, path: str, **kwargs):
        return self.transport.request(method, self.url + path, **kwargs)

    def _alerts(self, method: str, path: str, **kwargs):
        if not self.alerts_url:
            raise ValueError("this needs alert-service: create the Client with alerts_url= (e.g. http://127.0.0.1:8085)")
        return self.transport.request(method, self.alerts_url + path, **kwargs)


def _segment(value: str) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"expected a non-empty string, got {value!r}")
    return quote(value, safe="")  # "/" and ".." stay inside the one path segment


def _model_path(model_id: str) -> str:
    return "/api/v1/models/" + _segment(model_id)


def _instant(value: Optional[Instant], name: str) -> Optional[str]:
    """An ISO-8601 instant for the API. A naive datetime is refused: its zone would be a guess."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{name} is a naive datetime; give it a timezone (e.g. datetime.timezone.utc)")
        return value.isoformat()
    raise TypeError(f"{name} must be an ISO-8601 string or a timezone-aware datetime, got {type(value).__name__}")


def _kinds(kinds: Iterable[str]) -> List[str]:
    wanted = [kinds] if isinstance(kinds, str) else list(kinds)
    unknown = [k for k in wanted if k not in REPORT_KINDS]
    if unknown or not wanted:
        raise ValueError(f"kinds must be some of {', '.join(REPORT_KINDS)}; got {wanted}")
    return wanted


def _revisions(kinds: List[str], min_revision) -> Dict[str, int]:
    if min_revision is None:
        return {k: 1 for k in kinds}
    if isinstance(min_revision, int):
        return {k: min_revision for k in kinds}
    extra = [k for k in min_revision if k not in kinds]
    if extra:
        raise ValueError(f"min_revision names {extra}, which are not among kinds {kinds}")
    return {k: int(min_revision.get(k, 1)) for k in kinds}


def _missing(report: Optional[Dict[str, Any]], revisions: Dict[str, int]) -> List[str]:
    missing = []
    for kind, revision in revisions.items():
        result = report.get(kind) if report else None
        if result is None:
            missing.append(kind)
        elif int(result.get("revision", 1)) < revision:
            missing.append(f"{kind} revision {revision} (has {result.get('revision', 1)})")
    return missing


def _json_or_none(response) -> Optional[Dict[str, Any]]:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return None
