#!/usr/bin/env python3
"""Runs the code blocks of a guide (default docs/getting-started.md) against a running platform, in order, so
the guide cannot drift from what the platform does.

    MODELTRUST_URL=http://127.0.0.1:8081 MODELTRUST_ALERTS_URL=http://127.0.0.1:8085 MODELTRUST_API_KEY=... \
      /usr/bin/python3 deploy/local/run-doc-blocks.py [docs/getting-started.md]

- Every ```bash block goes to one bash process (`set -euo pipefail`), every ```python block to one Python
  process (with clients/python/src on the path, so the client needs no install), each in the order the
  guide has them: consecutive blocks of the same language share a process (variables carry over), and a
  process ends with an error status or an uncaught exception -> the run fails and names the block.
- A block after `<!-- doc-blocks: skip -->` is not run (installing, starting the platform).
- A block after `<!-- doc-blocks: file PATH -->` must equal that file of the repository (JSON compared
  as JSON), so a spec shown on the page is the one the commands upload.
- The guide's model ids are made unique per run (`MODEL=churn` becomes `MODEL=churn-doc-<suffix>`), so a
  run against a platform that already saw the guide starts afresh. MODELTRUST_DOC_SUFFIX fixes the suffix.
- Blocks run from the repository root. The URLs and the key reach them through the environment
  (MODELTRUST_URL, MODELTRUST_ALERTS_URL, MODELTRUST_API_KEY), which the guide's commands read.
"""
import json
import os
import re
import subprocess
import sys
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNNABLE = ("bash", "python")
DIRECTIVE = re.compile(r"^<!--\s*doc-blocks:\s*(skip|file\s+(\S+))\s*-->\s*$")
FENCE = re.compile(r"^(```+|~~~+)\s*([A-Za-z0-9_+-]*)\s*$")
# The lines that name the guide's models: a run gives them a suffix of its own.
MODEL_LINES = (re.compile(r'^(\s*(?:export\s+)?MODEL=)([a-z0-9][a-z0-9._-]*)\s*$'),
               re.compile(r'^(\s*MODEL\s*=\s*")([a-z0-9][a-z0-9._-]*)("\s*)$'))


class Block:
    def __init__(self, lang, line, text, directive):
        self.lang, self.line, self.text, self.directive = lang, line, text, directive


def blocks(path):
    """The fenced blocks of a markdown file, each with the directive comment right before it (if any)."""
    out, directive, fence, lang, start, body = [], None, None, None, 0, []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines, 1):
        if fence is None:
            m = FENCE.match(line)
            if m:
                fence, lang, start, body = m.group(1), m.group(2).lower(), number, []
                continue
            d = DIRECTIVE.match(line.strip())
            if d:
                directive = d.group(1)
            elif line.strip():
                directive = None
        elif line.strip() == fence:
            out.append(Block(lang, start, "\n".join(body) + "\n", directive))
            fence, directive = None, None
        else:
            body.append(line)
    if fence is not None:
        raise SystemExit(f"{path}:{start}: the block opened here is never closed")
    return out


def check_file(block, relative, where):
    target = os.path.join(ROOT, relative)
    if not os.path.isfile(target):
        return f"{where}: the block names {relative}, which does not exist"
    with open(target, encoding="utf-8") as f:
        expected = f.read()
    if block.lang == "json":
        same = json.loads(block.text) == json.loads(expected)
    else:
        same = block.text.strip() == expected.strip()
    return None if same else f"{where}: the block differs from {relative}"


def unique_models(text, suffix):
    out = []
    for line in text.split("\n"):
        for pattern in MODEL_LINES:
            m = pattern.match(line)
            if m:
                line = m.group(1) + m.group(2) + "-doc-" + suffix + (m.group(3) if m.lastindex >= 3 else "")
                break
        out.append(line)
    return "\n".join(out)


def segments(runnable):
    """Consecutive blocks of one language, as (lang, [blocks])."""
    out = []
    for block in runnable:
        if out and out[-1][0] == block.lang:
            out[-1][1].append(block)
        else:
            out.append((block.lang, [block]))
    return out


def script(lang, group, suffix, rel):
    parts = []
    for block in group:
        banner = f"{rel}:{block.line}"
        body = unique_models(block.text, suffix)
        if lang == "bash":
            parts.append(f"echo '--- {banner}' >&2\n{body}")
        else:
            parts.append(f"print('--- {banner}', file=__import__('sys').stderr, flush=True)\n{body}")
    head = "set -euo pipefail\n" if lang == "bash" else ""
    return head + "\n".join(parts)


def run(lang, source):
    env = dict(os.environ)
    if lang == "python":
        env["PYTHONPATH"] = os.path.join(ROOT, "clients", "python", "src") + (
            os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        env["PYTHONUNBUFFERED"] = "1"
        command = [sys.executable, "-"]
    else:
        command = ["bash", "-s"]
    return subprocess.run(command, input=source, text=True, cwd=ROOT, env=env).returncode


def main(argv):
    path = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(ROOT, "docs", "getting-started.md"))
    rel = os.path.relpath(path, ROOT)
    for name in ("MODELTRUST_URL", "MODELTRUST_ALERTS_URL"):
        if not os.environ.get(name):
            print(f"doc blocks: {name} is not set; the guide would run against the default local ports",
                  file=sys.stderr)
    suffix = os.environ.get("MODELTRUST_DOC_SUFFIX") or uuid.uuid4().hex[:8]
    found = blocks(path)
    problems, runnable, skipped = [], [], 0
    for block in found:
        where = f"{rel}:{block.line}"
        if block.directive == "skip":
            skipped += 1
        elif block.directive and block.directive.startswith("file"):
            problem = check_file(block, block.directive.split(None, 1)[1], where)
            if problem:
                problems.append(problem)
        elif block.lang in RUNNABLE:
            runnable.append(block)
    if problems:
        print("doc blocks: FAIL\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    if not runnable:
        print(f"doc blocks: {rel} has no bash or python block to run: FAIL", file=sys.stderr)
        return 1
    started = time.monotonic()
    for lang, group in segments(runnable):
        code = run(lang, script(lang, group, suffix, rel))
        if code != 0:
            print(f"doc blocks: the {lang} blocks from {rel}:{group[0].line} to {rel}:{group[-1].line} "
                  f"failed (exit {code}; the last '---' line above names the block): FAIL", file=sys.stderr)
            return 1
    counts = {lang: sum(1 for b in runnable if b.lang == lang) for lang in RUNNABLE}
    print(f"doc blocks: {rel}: {counts['bash']} bash and {counts['python']} python blocks ran, {skipped} skipped, "
          f"models suffixed -doc-{suffix}, {time.monotonic() - started:.0f} s: PASS", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
