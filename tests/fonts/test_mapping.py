"""The Windows-name → free-font table and the fonts.conf generated from it."""

from __future__ import annotations

from lxml import etree

from docgen.fonts import SHIPPED_CONF, stand_in
from docgen.fonts.mapping import GROUPS, fontconfig_xml

REQUIRED = {
    "仿宋_GB2312": "FandolFang",
    "仿宋": "FandolFang",
    "FangSong": "FandolFang",
    "FangSong_GB2312": "FandolFang",
    "楷体_GB2312": "FandolKai",
    "楷体": "FandolKai",
    "KaiTi": "FandolKai",
    "KaiTi_GB2312": "FandolKai",
    "黑体": "FandolHei",
    "SimHei": "FandolHei",
    "宋体": "FandolSong",
    "SimSun": "FandolSong",
    "方正小标宋简体": "FandolSong",
    "FZXiaoBiaoSong-B05S": "FandolSong",
}


def test_shipped_file_is_the_generated_one() -> None:
    """fonts.conf in the package equals what mapping.py generates (regenerate when this fails)."""
    assert SHIPPED_CONF.read_text(encoding="utf-8") == fontconfig_xml()


def test_required_names_map_to_their_stand_ins() -> None:
    """Every Windows name of the issue is mapped, case-insensitively; others are not."""
    assert {name: stand_in(name) for name in REQUIRED} == REQUIRED
    assert stand_in("fangsong") == "FandolFang"
    assert stand_in("Arial") is None


def test_one_rule_per_name_and_no_name_twice() -> None:
    """fontconfig tests one value per <test>, so there is one <match> per name, each name once."""
    root = etree.fromstring(SHIPPED_CONF.read_bytes())
    tested = [t.findtext("string") or "" for t in root.iterfind("match[@target='pattern']/test")]
    names = [n for g in GROUPS for n in g.names]
    assert sorted(tested) == sorted(names)
    assert len(set(names)) == len(names)


def test_title_face_is_bold_and_bold_faces_are_fixed() -> None:
    """小标宋 forces bold; Fandol's bold faces get their real weight when scanned."""
    root = etree.fromstring(SHIPPED_CONF.read_bytes())
    for match in root.iterfind("match[@target='pattern']"):
        if match.findtext("test/string") == "方正小标宋简体":
            assert match.findtext("edit[@name='weight']/const") == "bold"
    scanned = {m.findtext("test/string") for m in root.iterfind("match[@target='scan']")}
    assert scanned == {"FandolSong-Bold", "FandolHei-Bold"}
