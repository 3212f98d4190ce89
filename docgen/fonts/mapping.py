"""Which free font stands in for each Windows Chinese font name (domain.md §4.5).

The documents keep the Windows names (仿宋_GB2312, 楷体_GB2312, 黑体, 方正小标宋简体 …) so Word and
WPS pick the licensed fonts; on Linux, fontconfig sends each name to a free font with full
simplified-Chinese coverage. This table is the one source of that mapping: the shipped
``fonts.conf`` is generated from it (``python -m docgen.fonts.mapping``, and a test keeps the two
equal), and layout checks can ask :func:`stand_in` which family a name prints in.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from xml.sax.saxutils import escape

__all__ = ["BOLD_FACES", "GROUPS", "FontGroup", "fontconfig_xml", "stand_in"]


@dataclass(frozen=True)
class FontGroup:
    """One style of Chinese type (仿宋, 楷体 …): its Windows names and their free stand-ins."""

    style: str
    names: tuple[str, ...]
    stand_ins: tuple[str, ...]
    #: "bold" makes every run of the group bold (小标宋 is a bold face by design).
    weight: str | None = None
    note: str = ""


GROUPS: tuple[FontGroup, ...] = (
    FontGroup(
        "仿宋",
        (
            "仿宋_GB2312",
            "仿宋",
            "仿宋体",
            "FangSong",
            "FangSong_GB2312",
            "STFangsong",
            "华文仿宋",
            "方正仿宋简体",
            "方正仿宋_GBK",
            "FZFangSong-Z02S",
        ),
        ("FandolFang",),
        note="body text and heading levels 3-4; FandolFang is the only simplified 仿宋 on Debian",
    ),
    FontGroup(
        "楷体",
        (
            "楷体_GB2312",
            "楷体",
            "楷体_GBK",
            "KaiTi",
            "KaiTi_GB2312",
            "STKaiti",
            "华文楷体",
            "方正楷体简体",
            "方正楷体_GBK",
            "FZKai-Z03S",
        ),
        ("FandolKai", "AR PL UKai CN"),
        note="heading level 2",
    ),
    FontGroup(
        "黑体",
        (
            "黑体",
            "SimHei",
            "方正黑体简体",
            "方正黑体_GBK",
            "FZHei-B01S",
            "STHeiti",
            "华文黑体",
            "微软雅黑",
            "Microsoft YaHei",
            "等线",
            "DengXian",
        ),
        ("FandolHei", "Noto Sans CJK SC"),
        note="heading level 1",
    ),
    FontGroup(
        "宋体",
        (
            "宋体",
            "SimSun",
            "新宋体",
            "NSimSun",
            "宋体-方正超大字符集",
            "STSong",
            "华文宋体",
            "方正书宋简体",
            "方正书宋_GBK",
        ),
        ("FandolSong", "Noto Serif CJK SC"),
        note="page numbers and tables",
    ),
    FontGroup(
        "小标宋",
        (
            "方正小标宋简体",
            "方正小标宋_GBK",
            "方正小标宋",
            "小标宋",
            "小标宋体",
            "FZXiaoBiaoSong-B05S",
            "FZXiaoBiaoSong-B05",
            "华文中宋",
            "STZhongsong",
        ),
        ("FandolSong", "Noto Serif CJK SC"),
        weight="bold",
        note="titles; a commercial font: FandolSong Bold stands in (Noto Serif CJK SC Bold embeds "
        "as a JP-named face and may use JP glyph variants)",
    ),
)


#: Fandol's bold faces say "weight 400" inside the font, so fontconfig lists them as regular and
#: LibreOffice never picks them (a bold title came out as FandolSong-Regular, synthetically
#: emboldened). A scan rule gives them their real weight; see docgen.fonts.runtime for why that
#: needs docgen's own font cache.
BOLD_FACES: tuple[str, ...] = ("FandolSong-Bold", "FandolHei-Bold")


def stand_in(name: str) -> str | None:
    """The free family a Windows font name prints in, or ``None`` when docgen does not map it."""
    wanted = name.strip().casefold()
    for group in GROUPS:
        if any(n.casefold() == wanted for n in group.names):
            return group.stand_ins[0]
    return None


def fontconfig_xml() -> str:
    """The shipped ``fonts.conf``: one ``<match>`` per Windows name.

    fontconfig tests one value per ``<test>`` (several values only raise a warning), hence one
    rule per name. ``binding="strong"`` with ``prepend`` puts the stand-in ahead of the
    "sans-serif" that fontconfig adds to every unknown family, which is how every Chinese run
    ended up in one 黑体 without these rules.
    """
    lines = [_HEADER, "  <!-- Fandol bold faces: give them the weight their name says. -->"]
    lines.extend(_scan_rule(face) for face in BOLD_FACES)
    lines.append("")
    for group in GROUPS:
        lines.append(f"  <!-- {group.style}: {escape(group.note)} -->")
        lines.extend(_match(name, group) for name in group.names)
        lines.append("")
    lines.append("</fontconfig>\n")
    return "\n".join(lines)


def _match(name: str, group: FontGroup) -> str:
    families = "".join(f"<string>{escape(f)}</string>" for f in group.stand_ins)
    rule = [
        '  <match target="pattern">',
        f'    <test qual="first" name="family"><string>{escape(name)}</string></test>',
    ]
    rule.append(f'    <edit name="family" mode="prepend" binding="strong">{families}</edit>')
    if group.weight is not None:
        weight = f"<const>{group.weight}</const>"
        rule.append(f'    <edit name="weight" mode="assign" binding="strong">{weight}</edit>')
    rule.append("  </match>")
    return "\n".join(rule)


def _scan_rule(postscript_name: str) -> str:
    return (
        '  <match target="scan">\n'
        f'    <test name="postscriptname"><string>{postscript_name}</string></test>\n'
        '    <edit name="weight" mode="assign"><const>bold</const></edit>\n'
        "  </match>"
    )


_HEADER = """\
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!--
  docgen: free stand-ins for the Windows Chinese font names used in the documents.
  Generated from docgen/fonts/mapping.py (python -m docgen.fonts.mapping); do not edit by hand.

  仿宋 → FandolFang · 楷体 → FandolKai · 黑体 → FandolHei · 宋体 → FandolSong ·
  小标宋 → FandolSong Bold. The Fandol fonts come from scripts/install-fonts.sh.

  docgen runs LibreOffice with FONTCONFIG_FILE pointing at a generated file that includes this
  file, the font folder (with docgen's own font cache, so the scan rules below take effect) and
  the system configuration. This file alone can also go into ~/.config/fontconfig/conf.d/ for
  the same aliases everywhere (the bold fix then needs the fonts scanned after it is in place).
-->
<fontconfig>
"""


if __name__ == "__main__":  # pragma: no cover - the generator of fonts.conf
    sys.stdout.write(fontconfig_xml())
