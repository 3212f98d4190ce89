"""Start-up: the modules ``import docgen`` and a ``docgen render`` call load, pinned.

Each case runs in a fresh interpreter and lists what was imported on top of the
interpreter's own start: docgen's subpackages (``docgen.engine``, not every module
inside it) and the third-party distributions. A change that makes a plain render
load the conversion, inspection, batch, bundle, web or workbook code, or a heavy
library (openpyxl, pdfplumber, fontTools…), fails here with the names it added.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Runs argv through the CLI as `docgen` would and prints what it loaded, at exit
# (click ends the process with SystemExit, so the listing is made by atexit).
_PROBE = """\
import atexit, json, sys
before = set(sys.modules)
def listing():
    new = set(sys.modules) - before
    own = sorted({".".join(m.split(".")[:2]) for m in new if m.startswith("docgen")})
    # Private names (_cython_3_2_9, cython_runtime) are compiled extensions' internals.
    tops = {m.split(".")[0] for m in new if not m.startswith(("docgen", "_", "cython_"))}
    outside = sorted(tops - set(sys.stdlib_module_names))
    data = sorted(m for m in new if m.startswith(("docgen.data", "docgen.engine.rich.")))
    sys.stdout.write("\\n" + json.dumps([own, outside, data]) + "\\n")
    sys.stdout.flush()
atexit.register(listing)
args = json.loads(sys.argv[1])
if args:
    from docgen.cli import main
    main(args, prog_name="docgen")
else:
    import docgen
"""

#: What every docgen render runs on: the engine, the data door and the CLI.
_RENDER = {
    "docgen",
    "docgen.api",
    "docgen.cli",
    "docgen.context",
    "docgen.data",
    "docgen.engine",
    "docgen.exceptions",
    "docgen.fileio",
    "docgen.i18n",
    "docgen.lazy",
    "docgen.library",
    "docgen.processes",
    "docgen.stamp",
    "docgen.suggest",
    "docgen.zh",
}
#: The declared dependencies every render needs (and what they import themselves).
_RENDER_DEPS = ["click", "jinja2", "lxml", "markupsafe", "yaml"]
#: What typed data adds: its kind's pydantic model (and what pydantic imports).
_MODEL_DEPS = [
    "annotated_types",
    "pydantic",
    "pydantic_core",
    "typing_extensions",
    "typing_inspection",
]
#: The data modules a plain YAML context is read with: the loader, the one rule that
#: tells plain from typed data, and the kinds' names for its warning; no model, no rule.
#: And of the rich values, only the filters' table and their template check: a template
#: that uses no chart, QR code, HTML… loads none of their modules.
_PLAIN_DATA = [
    "docgen.data",
    "docgen.data.kinds",
    "docgen.data.loaders",
    "docgen.data.loaders.base",
    "docgen.data.loaders.guard",
    "docgen.data.loaders.ime",
    "docgen.data.loaders.text",
    "docgen.data.loaders.yaml_bounds",
    "docgen.data.loaders.yaml_errors",
    "docgen.data.loaders.yaml_source",
    "docgen.data.positions",
    "docgen.data.result",
    "docgen.data.source",
    "docgen.engine.rich.check",
    "docgen.engine.rich.filters",
]


def _loaded(args: list[str], cwd: Path) -> tuple[set[str], list[str], list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "DOCGEN_LANG": "zh", "PATH": "/usr/bin:/bin"},
    ).stdout
    own, outside, data = json.loads(out.strip().splitlines()[-1])
    return set(own), outside, data


def test_import_docgen_loads_exceptions_and_messages_only(tmp_path: Path) -> None:
    own, outside, _data = _loaded([], tmp_path)
    assert own == {"docgen", "docgen.exceptions", "docgen.i18n", "docgen.lazy"}
    assert outside == []


@pytest.mark.parametrize(
    ("template", "data", "extra", "deps"),
    [
        # A .docx of one's own with a plain context: no kind's model or view, no house
        # style, no pydantic at all.
        (str(ROOT / "bench/rectification.docx"), "bench/sample.yaml", set(), []),
        # A library template: its kind's model and view, and the house style they use.
        (
            "reports/zhiweihui-jilu",
            "fixtures/school/xxgc-jg1/2026/minutes/2026-03-zhiweihui.yaml",
            {"docgen.views", "docgen.style"},
            _MODEL_DEPS,
        ),
    ],
)
def test_render_loads_only_what_a_render_needs(
    template: str, data: str, extra: set[str], deps: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out.docx"
    own, outside, _data = _loaded(["render", template, str(ROOT / data), "-o", str(out)], tmp_path)
    assert out.stat().st_size > 0  # the call did render: the listing is of a real run
    assert own == _RENDER | extra
    assert outside == sorted([*_RENDER_DEPS, *deps])


@pytest.mark.parametrize("check", ["--check", "--no-check"])
def test_plain_render_reads_its_data_without_models(check: str, tmp_path: Path) -> None:
    """A plain YAML context is read by the YAML loader and the plain/typed rule only, and a
    template without rich filters loads none of their modules."""
    out = tmp_path / "out.docx"
    template, data = ROOT / "bench/rectification.docx", ROOT / "bench/sample.yaml"
    _own, _outside, loaded = _loaded(
        ["render", str(template), str(data), "-o", str(out), check], tmp_path
    )
    assert out.stat().st_size > 0
    assert loaded == _PLAIN_DATA
