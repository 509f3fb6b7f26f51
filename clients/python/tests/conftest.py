"""A tiny HTTP server in a thread that records what the client sent and answers from a script."""

import gzip
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, List, Optional
from urllib.parse import parse_qs, urlsplit

import pytest


@dataclass
class Recorded:
    method: str
    path: str
    query: Dict[str, List[str]]
    headers: Dict[str, str]
    raw: bytes
    chunked: bool

    @property
    def text(self) -> str:
        data = gzip.decompress(self.raw) if self.headers.get("content-encoding") == "gzip" else self.raw
        return data.decode("utf-8")

    def param(self, name: str) -> Optional[str]:
        values = self.query.get(name)
        return values[0] if values else None


@dataclass
class Answer:
    status: int = 200
    body: object = None  # a dict/list is sent as JSON, bytes/str as they are
    headers: Optional[Dict[str, str]] = None
    content_type: str = "application/json"
    drop: bool = False  # close the connection without answering


class Stub:
    def __init__(self):
        self.requests: List[Recorded] = []
        self.answers: List[Answer] = []
        self.fallback = Answer(200, {})
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _handle(self):
                raw, chunked = self._body()
                url = urlsplit(self.path)
                recorded = Recorded(self.command, url.path, parse_qs(url.query, keep_blank_values=True),
                                    {k.lower(): v for k, v in self.headers.items()}, raw, chunked)
                with stub._lock:
                    stub.requests.append(recorded)
                    answer = stub.answers.pop(0) if stub.answers else stub.fallback
                if answer.drop:
                    self.close_connection = True
                    return
                if isinstance(answer.body, (dict, list)):
                    payload = json.dumps(answer.body).encode()
                elif isinstance(answer.body, str):
                    payload = answer.body.encode()
                else:
                    payload = answer.body or b""
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(payload)))
                for k, v in (answer.headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(payload)

            def _body(self):
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    out = bytearray()
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                        if size == 0:
                            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                                pass  # trailers
                            return bytes(out), True
                        out += self.rfile.read(size)
                        self.rfile.readline()
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length), False

            do_GET = do_POST = do_PUT = do_DELETE = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, status=200, body=None, headers=None, content_type="application/json", drop=False):
        self.answers.append(Answer(status, body, headers, content_type, drop))

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stub():
    s = Stub()
    yield s
    s.close()


class Waits:
    """Stands in for time.sleep and time.monotonic: records each delay and moves the clock by it."""

    def __init__(self):
        self.delays: List[float] = []
        self.now = 1000.0

    def sleep(self, seconds: float):
        self.delays.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def client_for(stub):
    """A Client on the stub whose waits are recorded rather than slept."""
    from modeltrust import Client

    def make(**kwargs):
        kwargs.setdefault("alerts_url", stub.url)
        c = Client(stub.url, **kwargs)
        waits = Waits()
        c.transport.sleep = waits.sleep
        c._clock = waits.clock
        c.waits = waits
        return c

    return make
