"""Which typeface family an embedded PDF font name belongs to (仿宋, 楷体, 黑体, 宋体, 小标宋).

A PDF names its fonts by PostScript name with a subset tag (``BAAAAA+FandolFang-Regular``).
docgen's fontconfig file maps the Windows names in the documents to free fonts (``domain.md``
§4.5), and on Windows or with WPS the real fonts are embedded, so each family lists both the
Windows/Founder names and the free substitutes. Matching ignores case, spaces, ``-`` and ``_``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_NOISE = re.compile(r"[\s_\-]+")


@dataclass(frozen=True)
class Family:
    """A typeface family: its Chinese and English names and the font names that count as it."""

    zh: str
    en: str
    #: The free font docgen maps this family to on Linux, shown in reports.
    sample: str
    names: tuple[str, ...]
    #: Names that count only in a bold (or heavier) weight: bold 宋体 stands in for 小标宋.
    bold_names: tuple[str, ...] = ()

    def matches(self, font: str) -> bool:
        """Whether the embedded font ``font`` is a member of this family."""
        key = normalise(font)
        if any(name in key for name in self.names):
            return True
        heavy = any(weight in key for weight in ("bold", "heavy", "black"))
        return heavy and any(name in key for name in self.bold_names)

    def label(self, english: bool) -> str:
        """``仿宋（FandolFang…）`` / ``FangSong (FandolFang…)``."""
        return f"{self.en} ({self.sample}…)" if english else f"{self.zh}（{self.sample}…）"


_SONG = (
    "fandolsong",
    "simsun",
    "nsimsun",
    "songti",
    "宋体",
    "stsong",
    "notoserifcjk",
    "sourcehanserif",
    "fzshusong",
    "armingcn",
    "arplumingcn",
)

FAMILIES: dict[str, Family] = {
    "fangsong": Family(
        "仿宋",
        "FangSong",
        "FandolFang",
        ("fandolfang", "fangsong", "仿宋", "simfang", "stfangsong", "fzfangsong", "fzfs"),
    ),
    "kaiti": Family(
        "楷体",
        "KaiTi",
        "FandolKai",
        ("fandolkai", "kaiti", "楷体", "simkai", "stkaiti", "fzkai", "ukai", "wenkai", "kaitim"),
    ),
    "heiti": Family(
        "黑体",
        "HeiTi",
        "FandolHei",
        (
            "fandolhei",
            "simhei",
            "heiti",
            "黑体",
            "stheiti",
            "fzhei",
            "notosanscjk",
            "sourcehansans",
            "wenquanyizenhei",
            "wenquanyimicrohei",
            "wqy",
        ),
    ),
    "songti": Family("宋体", "SongTi", "FandolSong", _SONG),
    "xiaobiaosong": Family(
        "小标宋",
        "XiaoBiaoSong",
        "FandolSong-Bold",
        ("xiaobiaosong", "小标宋", "fzxbs"),
        bold_names=_SONG,
    ),
}


def normalise(font: str) -> str:
    """The font name without its subset tag, lower-cased, without spaces, ``-`` or ``_``."""
    return _NOISE.sub("", _SUBSET.sub("", font)).lower()


def strip_subset(font: str) -> str:
    """``BAAAAA+FandolFang-Regular`` → ``FandolFang-Regular``."""
    return _SUBSET.sub("", font)


def family_of(font: str) -> str | None:
    """The key of the first family ``font`` belongs to (小标宋 before 宋体), or ``None``."""
    for key in ("xiaobiaosong", "fangsong", "kaiti", "heiti", "songti"):
        if FAMILIES[key].matches(font):
            return key
    return None
