"""A batch of plain data loads no kind's model, rule or view: the batch parent imports
before its workers fork, so what it imports is start-up every batch pays serially."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[2]

# Runs the CLI as `docgen` would and prints the docgen modules it loaded, at exit.
_PROBE = """\
import atexit, json, sys
before = set(sys.modules)
atexit.register(lambda: sys.stdout.write(
    "\\n" + json.dumps(sorted(m for m in set(sys.modules) - before if m.startswith("docgen")))
    + "\\n"))
from docgen.cli import main
main(json.loads(sys.argv[1]), prog_name="docgen")
"""


def _plain_batch(folder: Path) -> tuple[Path, Path]:
    recipe = folder / "recipe.yaml"
    recipe.write_text(
        "name: 整改措施批量\n"
        "vars:\n  branch: {column: 支部名称, required: true}\n"
        f'inputs:\n  base: {{path: "{ROOT / "bench/sample.yaml"}", kind: plain}}\n'
        "steps:\n  - id: cuoshi\n"
        f'    template: "{ROOT / "bench/rectification.docx"}"\n'
        "    data: base\n"
        '    with:\n      branch: "{{ branch }}"\n'
        "    output: \"{{ row['编号'] }}-{{ branch }}\"\n",
        encoding="utf-8",
    )
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号", "支部名称"])
    sheet.append(["01", "第一党支部"])
    sheet.append(["02", "第二党支部"])
    roster = folder / "名单.xlsx"
    book.save(roster)
    return recipe, roster


def test_plain_batch_loads_no_model_rule_or_view(tmp_path: Path) -> None:
    recipe, roster = _plain_batch(tmp_path)
    out = tmp_path / "out"
    # One worker: the rows run in this process, so the listing covers the rows' code too.
    args = ["batch", str(recipe), "--roster", str(roster), "-o", str(out), "--workers", "1"]
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "DOCGEN_LANG": "zh", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in out.glob("*.docx"))
    assert written == ["01-第一党支部.docx", "02-第二党支部.docx"]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    typed = [
        m
        for m in loaded
        if m.startswith(("docgen.data.models", "docgen.data.rules", "docgen.bundle.forms"))
        or (m.startswith("docgen.views.") and m != "docgen.views.common")
    ]
    assert typed == []
    assert "docgen.batching.runner" in loaded  # the probe saw the batch's own code
