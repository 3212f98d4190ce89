"""Issue 9 §1 on paper: every shipped template with its minimal fixture, and every built-in
bundle's merged volume, prints every character of its .docx, in order. (With the full fixtures
the templates are checked by ``test_shipped_templates``, whose inspection includes this check.)

Conversions are batched: each shard renders its documents and hands them to one LibreOffice in
one pool call, and the shards and the bundle test run side by side under pytest-xdist.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.bundle import Bundle
from docgen.context import read_data
from docgen.convert import to_pdf
from docgen.inspect.fidelity import TextFidelity, check_text
from tests.templates.conftest import built_templates, cases

pytestmark = [pytest.mark.real, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SHARDS = 2
BUILTIN = ("niandu", "zhenggai", "zuzhi-shenghuohui")


def _lost(results: dict[str, TextFidelity]) -> dict[str, str]:
    return {name: r.describe() for name, r in results.items() if not r.passed}


def _convert_and_check(docs: dict[str, Path], folder: Path) -> dict[str, TextFidelity]:
    converted = to_pdf(list(docs.values()), folder / "pdf", workers=1)
    assert converted.failures == [], converted.failures
    return {
        name: check_text(path, folder / "pdf" / f"{path.stem}.pdf") for name, path in docs.items()
    }


def _minimal_cases() -> list[tuple[str, str]]:
    return [c for c in cases() if c[1] == "min"]


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_template_with_minimal_data_prints_every_character(
    shard: int, tmp_path: Path
) -> None:
    """Zero characters lost from .docx to PDF for this shard's templates (minimal fixtures)."""
    manifests = {m.name: m for m in built_templates()}
    mine = _minimal_cases()[shard::SHARDS]
    docs = {}
    for name, variant in mine:
        manifest = manifests[name]
        data = manifest.fixture if variant == "full" else manifest.minimal
        target = tmp_path / f"{name.replace('/', '__')}-{variant}.docx"
        target.write_bytes(
            docgen.load(manifest.template).render(
                read_data(ROOT / data, manifest.kind, wanted_by=name).context
            )
        )
        docs[f"{name} ({variant})"] = target
    results = _convert_and_check(docs, tmp_path)
    assert _lost(results) == {}
    assert len(results) == len(mine) > 0
    assert all(r.expected > 0 for r in results.values())


def test_every_case_is_checked_once() -> None:
    """Each minimal case falls in one shard; each full case is a shipped-template inspection."""
    from tests.inspect.test_shipped_templates import MANIFESTS, _name

    shards = [_minimal_cases()[k::SHARDS] for k in range(SHARDS)]
    assert sorted(c for s in shards for c in s) == sorted(_minimal_cases())
    full = {name for name, variant in cases() if variant == "full"}
    assert full == {_name(m) for m in MANIFESTS}
    assert len(cases()) == 2 * len(built_templates())


def test_every_bundle_merged_volume_prints_every_character(tmp_path: Path) -> None:
    """The merged .docx of each built-in bundle loses no character on its way to PDF."""
    docs = {}
    for name in BUILTIN:
        result = Bundle.load(name).build(tmp_path / name, sample=True)
        assert result.failures == []
        merged = next(o.path for o in result.outputs if o.kind == "merged")
        docs[name] = merged.rename(tmp_path / f"{name}-merged.docx")
    results = _convert_and_check(docs, tmp_path)
    assert _lost(results) == {}
    assert all(r.expected > 1000 for r in results.values())
