"""The ``modeltrust`` command: post a batch from a CSV file, list a model's alerts.

It reads MODELTRUST_URL (ingest, default http://127.0.0.1:8081), MODELTRUST_ALERTS_URL (alert-service,
default http://127.0.0.1:8085) and MODELTRUST_API_KEY.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import List, Optional

import requests

from . import __version__
from .client import Client
from .errors import ProblemError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="modeltrust", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"modeltrust {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    post = commands.add_parser("post-batch", help="post a production batch from a CSV file (plain or gzip)")
    post.add_argument("model", metavar="MODEL")
    post.add_argument("file", metavar="FILE")
    post.add_argument("--at", metavar="ISO", help="the batch's time, e.g. 2026-11-21T10:00:00Z (default: now)")
    post.add_argument("--idempotency-key", metavar="KEY",
                      help="makes a re-run of the same post return the first receipt (default: a new uuid4)")

    alerts = commands.add_parser("alerts", help="list a model's alerts, newest first, as JSON")
    alerts.add_argument("model", metavar="MODEL")
    alerts.add_argument("--status", choices=["open", "acknowledged", "resolved"])
    alerts.add_argument("--limit", type=int)
    return parser


def _client() -> Client:
    return Client(os.environ.get("MODELTRUST_URL", "http://127.0.0.1:8081"),
                  alerts_url=os.environ.get("MODELTRUST_ALERTS_URL", "http://127.0.0.1:8085"),
                  api_key=os.environ.get("MODELTRUST_API_KEY") or None)


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    client = _client()
    try:
        if args.command == "post-batch":
            receipt = client.post_batch(args.model, args.file, at=args.at, idempotency_key=args.idempotency_key)
            out = receipt.raw
        else:
            out = client.alerts(model_id=args.model, status=args.status, limit=args.limit)
    except ProblemError as e:
        print(f"modeltrust: {e}", file=sys.stderr)
        return 1
    except (requests.RequestException, OSError, ValueError) as e:
        print(f"modeltrust: {e}", file=sys.stderr)
        return 2
    try:
        json.dump(out, sys.stdout, indent=2)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
