"""Issue 9 §1 on paper: every shipped template with its full and its minimal fixture, and every
built-in bundle's merged volume, prints every character of its .docx, in order.

Conversions are batched: each shard renders its documents and hands them to one LibreOffice in
one pool call, and the shards (and the bundle test) run side by side under pytest-xdist.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.bundle import Bundle
from docgen.convert import to_pdf
from docgen.inspect.fidelity import TextFidelity, check_text
from docgen.views import render_context
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


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_template_and_fixture_prints_every_character(shard: int, tmp_path: Path) -> None:
    """Zero characters lost from .docx to PDF for this shard's template × fixture cases."""
    manifests = {m.name: m for m in built_templates()}
    mine = cases()[shard::SHARDS]
    docs = {}
    for name, variant in mine:
        manifest = manifests[name]
        data = manifest.fixture if variant == "full" else manifest.minimal
        target = tmp_path / f"{name.replace('/', '__')}-{variant}.docx"
        target.write_bytes(docgen.load(manifest.template).render(render_context(ROOT / data)))
        docs[f"{name} ({variant})"] = target
    results = _convert_and_check(docs, tmp_path)
    assert _lost(results) == {}
    assert len(results) == len(mine) > 0
    assert all(r.expected > 0 for r in results.values())


def test_the_shards_cover_every_case() -> None:
    """Each template × fixture case falls in exactly one shard."""
    shards = [cases()[k::SHARDS] for k in range(SHARDS)]
    assert sorted(c for s in shards for c in s) == sorted(cases())
    assert len(cases()) == 2 * len(built_templates())


def test_every_bundle_merged_volume_prints_every_character(tmp_path: Path) -> None:
    """The merged .docx of each built-in bundle loses no character on its way to PDF."""
    docs = {}
    for name in BUILTIN:
        result = Bundle.load(name).build(tmp_path / name)
        assert result.failures == []
        merged = next(o.path for o in result.outputs if o.kind == "merged")
        docs[name] = merged.rename(tmp_path / f"{name}-merged.docx")
    results = _convert_and_check(docs, tmp_path)
    assert _lost(results) == {}
    assert all(r.expected > 1000 for r in results.values())
