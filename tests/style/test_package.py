"""The package around a body: sections, page-number footers, settings, deterministic zip."""

from __future__ import annotations

import io
import zipfile

from docgen.style.house import DEFAULT_STYLE, HouseStyle
from docgen.style.package import (
    ZIP_TIME,
    Properties,
    footer_xml,
    package_parts,
    section_xml,
    settings_xml,
    zip_parts,
)


def test_section_portrait_and_landscape() -> None:
    """A4 portrait with GB/T 9704 margins; landscape swaps the page and turns the margins."""
    portrait = section_xml(DEFAULT_STYLE)
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in portrait
    assert 'w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"' in portrait
    assert 'w:footer="1417"' in portrait
    assert '<w:docGrid w:type="lines" w:linePitch="579"/>' in portrait
    landscape = section_xml(DEFAULT_STYLE, landscape=True)
    assert 'w:w="16838" w:h="11906" w:orient="landscape"' in landscape
    assert 'w:top="1587"' in landscape


def test_page_number_footers() -> None:
    """— PAGE — in 宋体; odd pages right with one character, even pages left with one."""
    odd = footer_xml(DEFAULT_STYLE, "odd")
    even = footer_xml(DEFAULT_STYLE, "even")
    assert "\u2014 " in odd
    assert " \u2014" in odd
    assert "> PAGE <" in odd
    assert 'w:jc w:val="right"' in odd
    assert 'w:rightChars="100"' in odd
    assert 'w:jc w:val="left"' in even
    assert 'w:leftChars="100"' in even
    assert 'w:eastAsia="宋体"' in odd


def test_odd_even_switch() -> None:
    """evenAndOddHeaders by default; centred page numbers drop it and the even footer."""
    assert "<w:evenAndOddHeaders/>" in settings_xml(DEFAULT_STYLE)
    centred = HouseStyle(centred_page_numbers=True)
    assert "<w:evenAndOddHeaders/>" not in settings_xml(centred)
    assert 'w:type="even"' not in section_xml(centred)
    assert 'w:jc w:val="center"' in footer_xml(centred, "centre")


def test_zip_is_deterministic() -> None:
    """Same parts, same bytes; fixed timestamps; core.xml written by hand."""
    parts = package_parts(DEFAULT_STYLE, section_xml(DEFAULT_STYLE), Properties("整改方案"))
    first, second = zip_parts(parts), zip_parts(parts)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
        assert next(i.filename for i in infos) == "[Content_Types].xml"
        assert {i.date_time for i in infos} == {ZIP_TIME}
        core = archive.read("docProps/core.xml").decode()
    assert "<dc:title>整改方案</dc:title>" in core
