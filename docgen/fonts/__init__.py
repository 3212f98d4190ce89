"""Chinese fonts for conversion: the shipped fontconfig aliases, the font folder, glyph checks."""

from __future__ import annotations

from docgen.fonts.glyphs import check_fonts_installed as check_fonts_installed
from docgen.fonts.glyphs import check_glyphs as check_glyphs
from docgen.fonts.glyphs import match_font as match_font
from docgen.fonts.glyphs import missing_glyphs as missing_glyphs
from docgen.fonts.mapping import GROUPS as GROUPS
from docgen.fonts.mapping import stand_in as stand_in
from docgen.fonts.runtime import SHIPPED_CONF as SHIPPED_CONF
from docgen.fonts.runtime import find_font_dir as find_font_dir
from docgen.fonts.runtime import fontconfig_env as fontconfig_env
from docgen.fonts.runtime import fontconfig_file as fontconfig_file

__all__ = [
    "GROUPS",
    "SHIPPED_CONF",
    "check_fonts_installed",
    "check_glyphs",
    "find_font_dir",
    "fontconfig_env",
    "fontconfig_file",
    "match_font",
    "missing_glyphs",
    "stand_in",
]
