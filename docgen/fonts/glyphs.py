"""Before converting: does every character have a glyph in the font its run is mapped to?

A font name is resolved the way LibreOffice will resolve it, through ``fc-match`` under docgen's
fontconfig set-up (:mod:`docgen.fonts.runtime`); the character map of the font file it returns is
read with fontTools. A character missing from that map is drawn from some other font (the
"fallback"), which looks wrong in print, so each one is reported as a warning
(:class:`~docgen.exceptions.Problem` with ``severity="warning"``), not an error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from docgen.exceptions import Location, Problem
from docgen.fonts.cmaps import codepoints
from docgen.fonts.docx_fonts import fonts_of_characters
from docgen.fonts.runtime import find_font_dir, font_dir_candidates, fontconfig_env

__all__ = ["MatchedFont", "check_fonts_installed", "check_glyphs", "match_font", "missing_glyphs"]

_MAX_LISTED = 20


class MatchedFont(tuple[str, int, str]):
    """``(file, index, family)`` of the font fontconfig picks for a name."""

    __slots__ = ()

    @property
    def file(self) -> str:
        """Path of the font file."""
        return self[0]

    @property
    def family(self) -> str:
        """The family fontconfig reports (first name only)."""
        return self[2]


def check_fonts_installed() -> list[Problem]:
    """A warning when the Fandol fonts are not installed (Chinese text would print in 黑体)."""
    if find_font_dir() is not None:
        return []
    places = "、".join(str(p) for p in font_dir_candidates())
    return [
        Problem(
            "fonts_missing",
            f"未找到 Fandol 字体（查找了 {places}），仿宋、楷体等将被替换成其他字体；"
            "请运行 scripts/install-fonts.sh 安装",
            f"the Fandol fonts were not found (looked in {places}); 仿宋, 楷体 and the like "
            "will print in another font. Run scripts/install-fonts.sh to install them",
            severity="warning",
        )
    ]


def check_glyphs(path: str | os.PathLike[str]) -> list[Problem]:
    """One warning per font that lacks glyphs for characters of the document at ``path``."""
    source = Path(path)
    problems: list[Problem] = []
    for name, chars in sorted(fonts_of_characters(source.read_bytes()).items()):
        missing = missing_glyphs(name, "".join(chars))
        if missing:
            problems.append(_fallback_problem(source, name, missing))
    return problems


def missing_glyphs(font_name: str, text: str) -> list[str]:
    """The characters of ``text`` (sorted, unique) that the font mapped from ``font_name`` lacks."""
    matched = match_font(font_name)
    if matched is None:
        return []
    cmap = _codepoints(matched.file, matched[1])
    return sorted({c for c in text if ord(c) not in cmap})


@lru_cache(maxsize=256)
def match_font(font_name: str) -> MatchedFont | None:
    """The font fontconfig picks for ``font_name`` under docgen's aliases; None without fc-match."""
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    # fontconfig's pattern syntax gives '-', ':' and ',' a meaning; a backslash keeps them literal.
    pattern = "".join("\\" + c if c in "-:,\\" else c for c in font_name)
    done = subprocess.run(  # noqa: S603 - fixed argument list, no shell
        [exe, "-f", "%{file}\\n%{index}\\n%{family}", pattern],
        capture_output=True,
        text=True,
        env=fontconfig_env(),
        check=False,
    )
    lines = done.stdout.split("\n")
    if done.returncode != 0 or len(lines) < 3 or not lines[0]:
        return None
    index = int(lines[1]) if lines[1].isdigit() else 0
    return MatchedFont((lines[0], index, lines[2].split(",")[0]))


@lru_cache(maxsize=32)
def _codepoints(file: str, index: int) -> frozenset[int]:
    return codepoints(file, index)


def _fallback_problem(source: Path, name: str, missing: list[str]) -> Problem:
    matched = match_font(name)
    family = matched.family if matched else name
    listed = " ".join(f"{c}(U+{ord(c):04X})" for c in missing[:_MAX_LISTED])
    if len(missing) > _MAX_LISTED:
        listed += f" …(+{len(missing) - _MAX_LISTED})"
    return Problem(
        "glyph_fallback",
        f"字体「{name}」（实际使用 {family}）没有这些字的字形，转换时将用其他字体代替：{listed}",
        f"font '{name}' (printed in {family}) has no glyph for these characters; "
        f"they will fall back to another font: {listed}",
        location=Location(file=str(source)),
        severity="warning",
    )
