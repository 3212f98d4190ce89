"""``docgen bundle show``: how a variable's default is printed."""

from __future__ import annotations

import dataclasses
import re

import pytest
from click.testing import CliRunner

from docgen.bundle import Bundle
from docgen.bundle.compiled import Var
from docgen.bundle.describe import describe_recipe
from docgen.cli import main
from docgen.i18n import language


def _line(var: Var, lang: str = "zh") -> str:
    """The ``bundle show`` line of ``var``, as a recipe holding only it prints it."""
    recipe = dataclasses.replace(Bundle.load("dangfei").recipe, vars=(var,))
    with language(lang):
        text = describe_recipe(recipe)
    (line,) = [ln for ln in text.splitlines() if ln.startswith(f"  {var.name} ←")]
    return line


@pytest.mark.parametrize(
    ("default", "zh_note", "en_note"),
    [
        ("", "默认：空", "default: empty"),
        ("  ", "默认：空", "default: empty"),
        ("本阶段", "默认：本阶段", "default: 本阶段"),
        (0, "默认：0", "default: 0"),
        (False, "默认：否", "default: no"),
        (["草稿"], '默认：["草稿"]', 'default: ["草稿"]'),
    ],
)
def test_a_default_is_printed_with_its_value(default: object, zh_note: str, en_note: str) -> None:
    var = Var("mark", default, ("水印",), required=False, keep_empty=True)
    assert zh_note in _line(var)
    assert en_note in _line(var, "en")


def test_a_variable_without_a_default_says_nothing_of_one() -> None:
    line = _line(Var("dues_file", None, ("党费数据",), required=True))
    assert "默认" not in line


def test_bundle_show_prints_the_empty_mark_default() -> None:
    """The shipped bundles' ``mark`` variable defaults to empty: the CLI says so, and no
    line ends a note with a bare “默认 ” (the bug this guards)."""
    text = CliRunner().invoke(main, ["bundle", "show", "dangfei"]).output
    (mark,) = [ln for ln in text.splitlines() if ln.strip().startswith("mark ←")]
    assert "（空格保留原值，默认：空）" in mark
    assert not re.search(r"默认\s*[）,，]", text)
