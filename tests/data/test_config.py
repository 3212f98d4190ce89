"""Configurable vocabularies: defaults, a school's settings file, a document's own config."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.data import DEFAULT_CONFIG, load_config, load_data, validate_files
from docgen.data.models import Problem
from docgen.exceptions import DataError
from tests.data.conftest import REPO


def test_synonyms_map_to_listed_values() -> None:
    """Other spellings become the listed value (党员大会 → 支部党员大会)."""
    assert DEFAULT_CONFIG.canonical("meeting_types", "党员大会") == "支部党员大会"
    assert DEFAULT_CONFIG.canonical("meeting_types", "茶话会") is None


def test_document_config_extends_categories(tmp_path: Path) -> None:
    """A document's config: may replace a list; the same value fails without it."""
    body = "problems:\n  - {title: 甲, category: 服务师生}\n"
    plain = tmp_path / "a.yaml"
    plain.write_text("kind: rectification\n" + body, "utf-8")
    with pytest.raises(DataError):
        load_data(plain)
    configured = tmp_path / "b.yaml"
    configured.write_text(
        "kind: rectification\nconfig:\n  rectification_categories: [服务师生]\n" + body, "utf-8"
    )
    model = load_data(configured)
    assert model.problems[0].category == "服务师生"  # type: ignore[attr-defined]


def test_university_settings_apply_to_files_alongside(tmp_path: Path) -> None:
    """validate_files applies a university file's settings to the other files."""
    school = REPO / "fixtures" / "school" / "university.yaml"
    config = load_config(school)
    assert config.local_rules.dangke_every_quarter is True
    doc = tmp_path / "r.yaml"
    doc.write_text("kind: rectification\nproblems:\n  - {title: 甲, category: 廉洁纪律}\n", "utf-8")
    assert validate_files([doc]) == []
    codes = [p.code for p in validate_files([school, doc])]
    assert codes == ["not_in_list"]


def test_vocabulary_checked_with_context() -> None:
    """Models validated directly use the config passed as context."""
    config = DEFAULT_CONFIG.merged({"statuses": ["办理中"]})
    ok = Problem.model_validate({"title": "甲", "status": "办理中"}, context={"config": config})
    assert ok.status == "办理中"
