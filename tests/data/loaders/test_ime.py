"""YAML typed with a Chinese input method: each case in fixtures/ime either loads
equal to its clean twin (with a warning saying what was repaired) or fails with a
Chinese message on the line its first comment names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.data import load_result, validate_files
from docgen.data.loaders.ime import repair
from tests.data.conftest import REPO

IME = REPO / "fixtures" / "ime"
ACCEPTED = sorted(
    p
    for p in IME.glob("*.yaml")
    if not p.name.startswith("fail_") and not p.name.endswith(".clean.yaml")
)
REFUSED = sorted(IME.glob("fail_*.yaml"))
_CJK = re.compile(r"[\u4e00-\u9fff]")


def test_there_are_at_least_fifteen_cases() -> None:
    """The issue asks for at least 15 IME-typed files."""
    assert len(ACCEPTED) + len(REFUSED) >= 15
    assert len(ACCEPTED) >= 10
    assert len(REFUSED) >= 5


@pytest.mark.parametrize("path", ACCEPTED, ids=lambda p: p.stem)
def test_ime_file_loads_equal_to_its_clean_twin(path: Path) -> None:
    """Same model as the clean twin; the repairs are reported as warnings only."""
    twin = path.with_name(path.stem + ".clean.yaml")
    typed, clean = load_result(path), load_result(twin)
    assert clean.problems == [], [p.describe() for p in clean.problems]
    assert typed.errors == [], [p.describe() for p in typed.errors]
    assert typed.model is not None
    assert clean.model is not None
    assert typed.model.model_dump() == clean.model.model_dump()
    warnings = [p for p in typed.problems if p.code == "ime_repaired"]
    assert warnings, "a repair must be reported"
    assert all(p.severity == "warning" and _CJK.search(p.message_zh) for p in warnings)
    assert path.read_bytes() != twin.read_bytes()


@pytest.mark.parametrize("path", REFUSED, ids=lambda p: p.stem)
def test_ime_file_fails_in_chinese_on_the_right_line(path: Path, in_repo: Path) -> None:
    """The error is on the line the fixture's comment names, in Chinese, as expected."""
    relative = path.relative_to(in_repo)
    problems = validate_files([relative])
    errors = [p for p in problems if p.severity == "error"]
    named = re.search(r"应报第 (\d+) 行", path.read_text(encoding="utf-8"))
    assert named is not None, "the fixture's comment names the line to report"
    wanted = int(named[1])
    assert errors
    assert errors[0].location.line == wanted
    assert _CJK.search(errors[0].message_zh.split("：", 1)[-1])
    expected = path.with_name(path.name + ".expected").read_text(encoding="utf-8").splitlines()
    assert [f"{p.severity} {p.describe()}" for p in problems] == expected


def test_text_items_with_a_colon_stay_texts() -> None:
    """A list of texts keeps ``议题一：…`` as written: no mapping, no warning."""
    text = "agenda:\n  - 议题一：学习文件\n  - 姓名：不是字段\n"
    fixed = repair(text, "x.yaml")
    assert fixed.text == text
    assert fixed.warnings == []


def test_block_scalars_comments_and_times_are_left_alone() -> None:
    """Inside ``|`` blocks, comments and ``14:30`` nothing is rewritten."""
    text = "# 标题：注释\nnote: |\n  标题：正文里的冒号\n\t缩进\ntime: 2026-03-05 14:30\n"
    assert repair(text, "x.yaml").text == text


def test_ambiguous_tabs_are_refused_naming_the_line() -> None:
    """Tab widths 2 and 4 read differently here, so the file is refused at line 4."""
    from docgen.exceptions import DataError

    with pytest.raises(DataError) as caught:
        repair("a:\n  b:\n    c: 1\n\td: 2\n", "x.yaml")
    assert caught.value.problems[0].location.line == 4


def test_english_when_asked(in_repo: Path) -> None:
    """The same syntax error reads in English when English is chosen."""
    from docgen.i18n import set_language

    set_language("en")
    problems = validate_files([Path("fixtures/ime/fail_missing_colon.yaml")])
    assert "could not find expected ':'" in problems[0].describe()
