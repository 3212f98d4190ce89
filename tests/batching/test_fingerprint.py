"""Row fingerprints change with everything an output is made from."""

from __future__ import annotations

import os
from pathlib import Path

from docgen.batching.fingerprint import row_fingerprint
from docgen.bundle.loader import load_recipe
from docgen.bundle.production import RenderOptions


def test_fingerprint_follows_values_inputs_and_options(tmp_path: Path) -> None:
    """Row values, the named input file's bytes and render options all change it."""
    (tmp_path / "tiny.docx").write_bytes((Path(__file__).parent / "conftest.py").read_bytes())
    data = tmp_path / "d.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    recipe_path = tmp_path / "r.yaml"
    recipe_path.write_text(
        "name: r\nvars: {f: d.yaml}\ninputs: {d: '{{ f }}'}\n"
        "steps: [{id: a, template: tiny.docx}]\n",
        encoding="utf-8",
    )
    recipe = load_recipe(recipe_path)
    options = RenderOptions()
    base = row_fingerprint(recipe, {"x": 1}, options)
    assert base is not None
    assert base == row_fingerprint(recipe, {"x": 1}, options)
    assert base != row_fingerprint(recipe, {"x": 2}, options)
    assert base != row_fingerprint(recipe, {"x": 1}, RenderOptions(strip_invalid=True))
    data.write_text("a: 2\n", encoding="utf-8")
    os.utime(data, ns=(1, 1))
    assert base != row_fingerprint(recipe, {"x": 1}, options)
