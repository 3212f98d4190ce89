"""context_for and render_context: typed data through its view, plain data as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.exceptions import DataError
from docgen.views import VIEWS, context_for, render_context

ROOT = Path(__file__).resolve().parents[2]


def test_typed_file_goes_through_its_view() -> None:
    """A file with kind: gets the derived fields of its view."""
    ctx = render_context(ROOT / "fixtures/library/reports/zhiweihui-jilu.min.yaml")
    assert ctx["title"] == "2026年3月支委会记录"
    assert ctx["absent_text"] == "无"


def test_plain_file_is_used_as_is() -> None:
    """Without kind:, the mapping is the context (templates for plain data keep working)."""
    ctx = render_context(ROOT / "bench/sample.yaml")
    assert ctx["year"] == 2025
    assert "absent_text" not in ctx


def test_typed_file_is_validated(tmp_path: Path) -> None:
    """Invalid typed data raises DataError naming the problem."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: minutes\nmeeting_type: 支委会\n", encoding="utf-8")
    with pytest.raises(DataError):
        render_context(bad)


def test_kind_without_view_gets_model_fields() -> None:
    """A kind with no view yet gets its fields and the branch name."""
    model = docgen.load_data(ROOT / "fixtures/school/branches/xxgc-jg1.yaml")
    assert getattr(model, "kind", None) not in VIEWS
    ctx = context_for(model)
    assert "branch" in ctx
    assert ctx["kind"] == getattr(model, "kind", None)
