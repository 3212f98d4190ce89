"""Output names: safe single file names, Chinese kept."""

from __future__ import annotations

import pytest

from docgen.bundle.names import MAX_NAME_BYTES, safe_folder, safe_name
from docgen.exceptions import BundleError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("整改方案", "整改方案.docx"),
        ("整改方案.docx", "整改方案.docx"),
        ("2025/2026学年\\计划", "2025_2026学年_计划.docx"),
        ("../../etc/passwd", "_.._etc_passwd.docx"),
        ('a:b*c?"d"<e>|f', "a_b_c__d__e__f.docx"),
        ("  .隐藏 ", "隐藏.docx"),
        ("CON", "_CON.docx"),
        ("第一：问题", "第一：问题.docx"),
    ],
)
def test_safe_name_table(raw: str, expected: str) -> None:
    """Separators and forbidden characters become _, Chinese and full-width marks stay."""
    assert safe_name(raw, suffix=".docx") == expected


@pytest.mark.parametrize(
    "raw", ["COM¹", "lpt²", "COM³.报告", "CONIN$", "conout$", "COM0", "LPT9", "NUL .txt", "AUX"]
)
def test_windows_device_names_are_neutralised(raw: str) -> None:
    """Every name Windows takes for a device (superscript digits included) gets a ``_`` first."""
    assert safe_name(raw, suffix=".docx") == "_" + raw + ".docx"


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200f", "\u061c"])
def test_bidi_controls_in_names_are_neutralised(control: str) -> None:
    """A bidi control cannot reorder how a name displays: it becomes a visible ``_``."""
    name = safe_name(f"通知{control}xcod.exe", suffix=".docx")
    assert name == "通知_xcod.exe.docx"


def test_long_name_is_cut_before_the_suffix() -> None:
    """A name longer than the limit keeps its suffix and whole characters."""
    name = safe_name("党" * 300, suffix=".docx")
    assert name.endswith(".docx")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert set(name.removesuffix(".docx")) == {"党"}


@pytest.mark.parametrize("raw", ["", "///", " . "])
def test_empty_name_is_an_error(raw: str) -> None:
    """Nothing usable left is an error that quotes the raw name."""
    with pytest.raises(BundleError, match="文件名"):
        safe_name(raw, suffix=".docx")


def test_blank_folder_means_no_folder() -> None:
    """An empty folder pattern writes into the output folder itself."""
    assert safe_folder("  ") == ""
    assert safe_folder("一支部/二组") == "一支部_二组"
