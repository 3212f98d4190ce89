"""Loading 发展党员 data for the view tests: the sample roster, or a few candidates typed in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docgen.data import load_data
from docgen.data.models.development import Development
from docgen.views import context_for

ROOT = Path(__file__).resolve().parents[2]
ROSTER = ROOT / "fixtures/school/xxgc-jg1/2026/development.yaml"


def roster() -> Development:
    """The sample branch's ten candidates."""
    model = load_data(ROSTER)
    assert isinstance(model, Development)
    return model


def development(data: dict[str, Any]) -> Development:
    """``data`` (the file's keys, without ``kind``) loaded and checked as a development file."""
    model = load_data({"kind": "development", **data})
    assert isinstance(model, Development)
    return model


def context(model: Development | dict[str, Any] | None = None) -> dict[str, Any]:
    """The view's context of ``model``, of ``data`` typed in, or of the roster."""
    if model is None:
        model = roster()
    elif isinstance(model, dict):
        model = development(model)
    return context_for(model)


__all__ = ["ROSTER", "context", "development", "roster"]
