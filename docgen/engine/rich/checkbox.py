"""Checkboxes from yes/no values: ``{{ done|checkbox }}`` prints ☑ or ☐.

Two forms. The plain symbol (the default) is text set in a symbol font, right
for a printed record. ``form=True`` writes a Word content-control checkbox
(``w14:checkbox``), which Word and WPS let the reader tick with a click: right
for a form to be filled in later. Both show the same symbol in the PDF.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from lxml import etree
from markupsafe import Markup, escape

from docgen.engine import ooxml
from docgen.i18n import tr

if TYPE_CHECKING:
    from docgen.engine.values import RenderState

CHECKED = "\u2611"  # ☑
UNCHECKED = "\u2610"  # ☐
#: Has both symbols on Windows; fontconfig sends it to DejaVu Sans on Linux.
SYMBOL_FONT = "Segoe UI Symbol"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"

_TRUE = frozenset({"true", "yes", "y", "1", "是", "√", "✓", "✔", "☑", "on"})
_FALSE = frozenset({"false", "no", "n", "0", "否", "×", "✗", "☐", "off", ""})


def as_checked(value: object) -> bool:
    """Read a yes/no value from data: booleans, 0/1, 是/否, √/×, true/false; nothing is no.

    Anything else is an error: a typo such as ``ture`` must not print an empty box.
    """
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError(
        tr(
            f"无法把 {value!r} 当作是否勾选：请写 是/否、√/×、true/false 或 1/0",
            f"cannot read {value!r} as ticked or not: write yes/no, true/false or 1/0",
        )
    )


class Checkbox:
    """☑/☐ for ``checked``; ``form=True`` makes it a clickable Word checkbox named ``name``."""

    docgen_kind = "custom"

    def __init__(self, checked: object, *, form: bool = False, name: str = "") -> None:
        self.checked = as_checked(checked)
        self.form = form
        self.name = name

    @property
    def symbol(self) -> str:
        """The character shown."""
        return CHECKED if self.checked else UNCHECKED

    def __str__(self) -> str:
        return self.symbol

    def docgen_render(self, state: RenderState, index: int) -> Markup:
        """The XML at site ``index``: a run, or a content control holding one."""
        site = state.site(index)
        if site.level in ("attr", "plain"):
            return state.text(index, self.symbol)  # properties hold text only
        rpr = symbol_rpr(site.rpr)
        run = f'<w:r>{rpr}<w:t xml:space="preserve">{self.symbol}</w:t></w:r>'
        if not self.form:
            return state.fragment(index, run, "run")
        name = escape(self.name)
        label = f'<w:alias w:val="{name}"/><w:tag w:val="{name}"/>' if self.name else ""
        sdt = (
            f'<w:sdt><w:sdtPr>{rpr}{label}<w:id w:val="{state.new_id()}"/>'
            f'<w14:checkbox xmlns:w14="{W14}">'
            f'<w14:checked w14:val="{int(self.checked)}"/>'
            f'<w14:checkedState w14:val="{ord(CHECKED):04X}" w14:font="{SYMBOL_FONT}"/>'
            f'<w14:uncheckedState w14:val="{ord(UNCHECKED):04X}" w14:font="{SYMBOL_FONT}"/>'
            f"</w14:checkbox></w:sdtPr><w:sdtContent>{run}</w:sdtContent></w:sdt>"
        )
        return state.fragment(index, sdt, "run")


@functools.lru_cache(maxsize=64)
def symbol_rpr(rpr: str) -> str:
    """The site's run properties with the symbol font in every slot (size, colour kept)."""
    props = ooxml.parse(_wrap(rpr or "<w:rPr/>")).find(ooxml.qn("w:rPr"))
    assert props is not None  # noqa: S101 -- wrapped above
    for old in props.findall(ooxml.qn("w:rFonts")):
        props.remove(old)
    fonts = etree.Element(ooxml.qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(ooxml.qn(slot), SYMBOL_FONT)
    style = props.find(ooxml.qn("w:rStyle"))
    props.insert(0 if style is None else 1, fonts)
    return _DECLARATIONS.sub("", etree.tostring(props, encoding="unicode"))


_DECLARATIONS = re.compile(r' xmlns:\w+="[^"]*"')


def _wrap(rpr: str) -> bytes:
    spaces = " ".join(f'xmlns:{k}="{v}"' for k, v in ooxml.NSMAP.items())
    return f"<dg {spaces}>{rpr}</dg>".encode()


def checkbox_filter(value: object, form: bool = False, name: str = "") -> Checkbox:
    """``{{ done|checkbox }}`` → ☑/☐; ``{{ ok|checkbox(form=true, name='同意') }}`` → a form box."""
    return Checkbox(value, form=bool(form), name=str(name))
