"""The platform's application/problem+json answers (RFC 9457) as an exception."""

from __future__ import annotations

from typing import Any, Dict, List, Optional


class ProblemError(Exception):
    """An answer that is not a success: a 4xx, or a 5xx that stayed after the retries.

    ``errors`` holds the validation problems of a refused upload or spec, each
    ``{"row", "column", "message"}`` (``row`` counts data rows from 1; ``row`` or ``column`` is None
    when the problem concerns no single row or column). ``total_errors`` is how many there were in
    all: the platform lists at most the first 100.
    """

    def __init__(self, status: int, title: Optional[str] = None, detail: Optional[str] = None,
                 errors: Optional[List[Dict[str, Any]]] = None, total_errors: Optional[int] = None,
                 body: Any = None, method: Optional[str] = None, url: Optional[str] = None):
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = list(errors or [])
        self.total_errors = total_errors if total_errors is not None else len(self.errors)
        self.body = body
        self.method = method
        self.url = url
        super().__init__(self._message())

    @classmethod
    def from_response(cls, response) -> "ProblemError":
        """Builds the error from a requests.Response, problem+json or not (a proxy may answer in HTML)."""
        body: Any = None
        title = detail = None
        errors: List[Dict[str, Any]] = []
        total = None
        try:
            body = response.json()
        except ValueError:
            body = response.text
        if isinstance(body, dict):
            title = body.get("title")
            detail = body.get("detail")
            raw = body.get("errors")
            errors = [e for e in raw if isinstance(e, dict)] if isinstance(raw, list) else []
            total = body.get("totalErrors")
        else:
            title = response.reason
            text = (body or "").strip()
            detail = text[:500] if text else None
        request = getattr(response, "request", None)
        return cls(response.status_code, title=title, detail=detail, errors=errors, total_errors=total, body=body,
                   method=getattr(request, "method", None), url=getattr(response, "url", None))

    def columns(self) -> List[str]:
        """The distinct columns the problems name, in the order they first appear."""
        seen: List[str] = []
        for e in self.errors:
            column = e.get("column")
            if column is not None and column not in seen:
                seen.append(column)
        return seen

    def _message(self) -> str:
        where = f"{self.method} {self.url}: " if self.method and self.url else ""
        text = f"{where}{self.status} {self.title or ''}".rstrip()
        if self.detail:
            text += f": {self.detail}"
        shown = self.errors[:5]
        for e in shown:
            text += f"\n  row {e.get('row')}, column {e.get('column')}: {e.get('message')}"
        if self.total_errors > len(shown):
            text += f"\n  ... {self.total_errors - len(shown)} more"
        return text
