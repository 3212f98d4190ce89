"""A model written the way ``docgen init`` writes it loads back equal."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.data import load_data
from docgen.data.kinds import KINDS
from docgen.data.starters import STARTERS
from docgen.data.writer import dump_json, dump_yaml
from docgen.data.xlsx_writer import write_xlsx


@pytest.mark.parametrize("kind", sorted(STARTERS))
def test_starter_is_valid_and_round_trips_yaml_and_json(kind: str, tmp_path: Path) -> None:
    """Each starter validates without problems and survives YAML and JSON unchanged."""
    model = KINDS[kind].model.model_validate(STARTERS[kind])
    for name, text in (("a.yaml", dump_yaml(model)), ("a.json", dump_json(model))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert load_data(path) == model


def test_yaml_has_chinese_comments() -> None:
    """The starter explains fields by their Chinese names."""
    model = KINDS["rectification"].model.model_validate(STARTERS["rectification"])
    text = dump_yaml(model)
    assert "# 整改措施：整改措施，一条一项" in text
    assert text.startswith("kind: rectification")


@pytest.mark.parametrize("kind", sorted(STARTERS))
def test_xlsx_round_trip(kind: str, tmp_path: Path) -> None:
    """Every kind survives a workbook unchanged, nested parts included."""
    model = KINDS[kind].model.model_validate(STARTERS[kind])
    path = tmp_path / "a.xlsx"
    write_xlsx(model, path)
    assert load_data(path) == model
