import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from modeltrust.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(stub, monkeypatch):
    monkeypatch.setenv("MODELTRUST_URL", stub.url)
    monkeypatch.setenv("MODELTRUST_ALERTS_URL", stub.url)
    monkeypatch.setenv("MODELTRUST_API_KEY", "k-1")


def test_post_batch_posts_the_file_and_prints_the_receipt(stub, env, tmp_path, capsys):
    csv = tmp_path / "b.csv"
    csv.write_text("x,y\n1,0\n")
    stub.answer(202, {"modelId": "credit", "batchId": "b-9", "kind": "production", "rows": 1})
    assert main(["post-batch", "credit", str(csv), "--at", "2026-11-21T10:00:00Z"]) == 0
    [r] = stub.requests
    assert r.path == "/api/v1/models/credit/batches" and r.param("at") == "2026-11-21T10:00:00Z"
    assert r.headers["x-api-key"] == "k-1" and r.text == "x,y\n1,0\n"
    assert json.loads(capsys.readouterr().out)["batchId"] == "b-9"


def test_alerts_prints_the_list(stub, env, capsys):
    stub.answer(200, [{"alertId": "a-1"}])
    assert main(["alerts", "credit", "--status", "open"]) == 0
    assert stub.requests[0].query == {"modelId": ["credit"], "status": ["open"]}
    assert json.loads(capsys.readouterr().out) == [{"alertId": "a-1"}]


def test_a_refused_upload_exits_1_with_the_problem_on_stderr(stub, env, tmp_path, capsys):
    csv = tmp_path / "b.csv"
    csv.write_text("x\n12k\n")
    stub.answer(400, {"title": "Invalid production upload", "status": 400, "detail": "1 problem(s)",
                      "errors": [{"row": 1, "column": "x", "message": "not a finite number: '12k'"}]})
    assert main(["post-batch", "credit", str(csv)]) == 1
    err = capsys.readouterr().err
    assert "400 Invalid production upload" in err and "column x" in err


def test_a_missing_file_exits_2(env, capsys):
    assert main(["post-batch", "credit", "/nonexistent/b.csv"]) == 2
    assert "no CSV file" in capsys.readouterr().err


def test_it_installs_offline_with_a_modeltrust_script(tmp_path):
    """pip install --no-build-isolation --no-deps into a venv that sees the system's requests and pandas."""
    venv = tmp_path / "venv"
    made = subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot make a venv here: {made.stderr.strip()[:200]}")
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns("build", "*.egg-info", ".pytest_cache", "__pycache__"))
    python = venv / "bin" / "python"
    pip = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-index", "--no-build-isolation",
                          "--no-deps", str(source)], capture_output=True, text=True,
                         env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"))
    assert pip.returncode == 0, pip.stderr
    version = subprocess.run([str(venv / "bin" / "modeltrust"), "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.strip() == "modeltrust 0.1.0"
    where = subprocess.run([str(python), "-c", "import modeltrust; print(modeltrust.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert where.stdout.startswith(str(venv))
