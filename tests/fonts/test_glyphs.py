"""Glyph coverage through fc-match and the font files (needs fontconfig and the Fandol fonts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.fonts import check_fonts_installed, check_glyphs, match_font, missing_glyphs
from docgen.fonts import glyphs as glyphs_module
from tests.convert.chinese_docs import house_document

pytestmark = pytest.mark.real

ORDINARY = (
    "中国共产党支部委员会会议记录赞成反对弃权整改措施责任人完成时限二〇二六年，。、：；“”（）《》"
)


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("仿宋_GB2312", "FandolFang-Regular.otf"),
        ("FangSong", "FandolFang-Regular.otf"),
        ("楷体_GB2312", "FandolKai-Regular.otf"),
        ("黑体", "FandolHei-Regular.otf"),
        ("宋体", "FandolSong-Regular.otf"),
        ("方正小标宋简体", "FandolSong-Bold.otf"),
        ("FZXiaoBiaoSong-B05S", "FandolSong-Bold.otf"),  # '-' must not be read as a size
    ],
)
def test_names_resolve_to_fandol_files(name: str, file: str) -> None:
    """fc-match under docgen's set-up picks the intended Fandol face."""
    matched = match_font(name)
    assert matched is not None
    assert Path(matched.file).name == file


@pytest.mark.parametrize("name", ["仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "方正小标宋简体"])
def test_ordinary_text_and_ling_are_covered(name: str) -> None:
    """Everyday document characters, 〇 included, have glyphs in every mapped font."""
    assert missing_glyphs(name, ORDINARY) == []
    assert missing_glyphs(name, "〇") == []


def test_extension_b_character_is_reported(tmp_path: Path) -> None:
    """A CJK Extension B character is named, with its code point; ordinary text gives nothing."""
    assert check_glyphs(house_document(tmp_path / "plain.docx")) == []
    problems = check_glyphs(house_document(tmp_path / "rare.docx", extra_body="人名𠀀𠀁"))
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.code, problem.severity) == ("glyph_fallback", "warning")
    assert "仿宋_GB2312" in problem.message_zh
    assert "FandolFang" in problem.message_zh
    assert "𠀀(U+20000) 𠀁(U+20001)" in problem.message_en
    assert problem.location.file == str(tmp_path / "rare.docx")


def test_missing_fonts_give_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the Fandol folder the warning points at scripts/install-fonts.sh."""
    assert check_fonts_installed() == []
    monkeypatch.setattr(glyphs_module, "find_font_dir", lambda: None)
    (problem,) = check_fonts_installed()
    assert problem.code == "fonts_missing"
    assert "scripts/install-fonts.sh" in problem.message_zh
