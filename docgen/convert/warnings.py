"""Font warnings gathered before a PDF conversion (see :mod:`docgen.fonts.glyphs`)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from docgen.exceptions import Location, Problem
from docgen.fonts.glyphs import check_fonts_installed, check_glyphs

__all__ = ["font_warnings"]

_CHECKED_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")


def font_warnings(sources: Iterable[Path], *, installed: bool = True) -> list[Problem]:
    """Missing Fandol fonts (unless ``installed=False``), then glyph fallbacks of every Word
    file among ``sources``."""
    problems = check_fonts_installed() if installed else []
    for source in sources:
        if source.suffix.lower() not in _CHECKED_SUFFIXES or not source.is_file():
            continue
        try:
            problems.extend(check_glyphs(source))
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as err:
            # The conversion itself will report a broken file; here it only cannot be checked.
            problems.append(
                Problem(
                    "glyph_check_skipped",
                    f"无法检查字形：{err}",
                    f"glyphs not checked: {err}",
                    location=Location(file=str(source)),
                    severity="warning",
                )
            )
    return problems
