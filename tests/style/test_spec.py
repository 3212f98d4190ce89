"""TemplateSpec: manifests described from the data models, parsed back by the library."""

from __future__ import annotations

import tomllib
from pathlib import Path

from docgen.library import read_manifest
from docgen.style.catalog import catalog
from docgen.style.spec import TemplateSpec, _type_name


def test_manifest_round_trip(tmp_path: Path) -> None:
    """The manifest text parses as TOML and reads back with labels, types and required flags."""
    spec = next(s for s in catalog() if s.key == "plans/zhenggai-fangan")
    folder = tmp_path / "plans" / "zhenggai-fangan"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text(spec.manifest(), encoding="utf-8")
    data = tomllib.loads(spec.manifest())
    assert data["kind"] == "rectification"
    assert data["output"] == "{branch}整改方案.docx"
    manifest = read_manifest(folder)
    fields = {f.name: f for f in manifest.fields}
    assert fields["problems"].required
    assert fields["problems"].type == "list"
    assert fields["problems"].label == "问题清单"
    assert fields["signoff"].type == "dict"
    assert not fields["signoff"].required
    assert manifest.output_name({"branch": "第一党支部"}) == "第一党支部整改方案.docx"


def test_type_names() -> None:
    """Annotations become short words for people."""
    assert _type_name(str | None) == "str"
    assert _type_name(int | None) == "int"
    assert _type_name(list[str]) == "list"


def test_catalogue_specs_are_consistent() -> None:
    """Keys are unique, required fields are among the fields, fixtures are named."""
    specs: list[TemplateSpec] = catalog()
    assert len({s.key for s in specs}) == len(specs)
    for spec in specs:
        assert set(spec.required) <= set(spec.fields)
        assert spec.fixture
        assert spec.minimal.startswith("fixtures/library/")
