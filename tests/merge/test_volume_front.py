"""merge() as a bound volume: right-hand starts, a 目录 of the parts, the cover, dc:title."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

import docgen
from docgen import stamp
from docgen.engine.core_props import dated_core
from docgen.exceptions import BundleError
from docgen.merge import CoverPage, Part, merge
from tests.core_dates import clock_window, dates, within
from tests.merge.support import W, doc_c, doc_d, xml
from tests.merge.test_compose import _rendered


def _types(blob: bytes) -> list[str | None]:
    """Each section's start type, in order (``None``: the default, next page)."""
    found = []
    for sect in xml(blob).iter(f"{W}sectPr"):
        kind = sect.find(f"{W}type")
        found.append(kind.get(f"{W}val") if kind is not None else None)
    return found


def _texts(blob: bytes) -> list[str]:
    doc = xml(blob)
    return [t for t in ("".join(p.itertext(f"{W}t")) for p in doc.iter(f"{W}p")) if t]


def test_right_hand_parts_and_contents_start_odd_pages() -> None:
    """With duplex the 目录 and the first part open odd pages; a right_hand part does too,
    and a part that is not right_hand starts on the next page."""
    parts = [Part(doc_c().build(), restart_page_numbers=True, right_hand=True),
             Part(doc_d().build()),
             Part(doc_c().build(), restart_page_numbers=True, right_hand=True)]  # fmt: skip
    merged = merge(parts, cover=CoverPage("汇编"), toc=True, toc_entries="parts", duplex=True)
    assert docgen.verify_package(merged) == []
    # cover, 目录, 丙, 丁, 丙: the cover opens the book, so its type is never set.
    assert _types(merged) == [None, "oddPage", "oddPage", "nextPage", "oddPage"]
    unmarked = [Part(doc_c().build(), restart_page_numbers=True), Part(doc_d().build())]
    plain = merge(unmarked, cover=CoverPage("汇编"), toc=True, toc_entries="parts")
    assert _types(plain) == [None, "nextPage", "nextPage", "nextPage"]


def test_contents_list_parts_by_title_with_given_pages() -> None:
    """One entry per part, by its dc:title (else its first line), with the pages given as the
    PAGEREF results; no TOC field that Word would rebuild from the headings."""
    blobs = _rendered(2)
    parts = [Part(blobs[0], restart_page_numbers=True), Part(doc_c().build())]
    merged = merge(parts, cover=CoverPage("汇编"), toc=True, toc_entries="parts",
                   toc_pages=[1, 7])  # fmt: skip
    doc = xml(merged)
    instr = [el.text or "" for el in doc.iter(f"{W}instrText")]
    assert not any("TOC" in i for i in instr)
    assert [i.split()[1] for i in instr if "PAGEREF" in i] == ["_TocMg1", "_TocMg2"]
    texts = _texts(merged)
    at = texts.index("目　录")
    own = xml(blobs[0], "docProps/core.xml").findtext("{http://purl.org/dc/elements/1.1/}title")
    assert own
    assert texts[at + 1] == f"{own}1"  # title, then the page number's result
    assert texts[at + 2] == "丙部分标题7"


def test_wrong_number_of_pages_is_an_error() -> None:
    parts = [Part(doc_c().build()), Part(doc_d().build())]
    with pytest.raises(BundleError, match="目录有 2 条，却给了 3 个页码"):
        merge(parts, toc=True, toc_entries="parts", toc_pages=[1, 2, 3])


def test_volume_title_and_cover_lines() -> None:
    """dc:title is the cover's title (or the one given); an empty cover line prints nothing."""
    blob = _rendered(1)[0]
    merged = merge([Part(blob), Part(blob)], cover=CoverPage("年度材料", ("某支部", " ", "2026年")))
    core = xml(merged, "docProps/core.xml")
    assert core.findtext("{http://purl.org/dc/elements/1.1/}title") == "年度材料"
    assert _texts(merged)[:3] == ["年度材料", "某支部", "2026年"]
    named = merge([Part(blob), Part(blob)], title="合订本")
    core = xml(named, "docProps/core.xml")
    assert core.findtext("{http://purl.org/dc/elements/1.1/}title") == "合订本"


def test_the_volume_is_dated_when_it_is_merged(monkeypatch: pytest.MonkeyPatch) -> None:
    """The merged package is a document made now (issue 9 §6): its created/modified are the
    merge's time, not its first part's; a given moment (a bundle's) wins; SOURCE_DATE_EPOCH
    fixes it."""
    monkeypatch.delenv(stamp.ENV, raising=False)
    old = dt.datetime(2020, 7, 1, 9, 30, tzinfo=dt.UTC)
    blob = _rendered(1)[0]
    parts = [Part(_dated(blob, old)), Part(blob)]
    with clock_window() as window:
        merged = merge(parts, title="合订本")
    assert within(merged, window)
    given = dt.datetime(2026, 12, 4, 20, 31, 7, tzinfo=dt.UTC)
    assert dates(merge(parts, moment=given)) == (given, given)
    monkeypatch.setenv(stamp.ENV, "1767312000")
    assert stamp.w3cdtf(dates(merge(parts))[0]) == "2026-01-02T00:00:00Z"


def _dated(blob: bytes, moment: dt.datetime) -> bytes:
    """``blob`` with its core properties dated ``moment`` (a part made long ago)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(
                info, dated_core(data, moment) if info.filename == "docProps/core.xml" else data
            )
    return out.getvalue()


def test_cover_title_breaks_by_sense() -> None:
    """A long cover title is set in lines broken where the title builder says."""
    title = "中共星河大学信息工程学院教工第一党支部2026年度组织生活会材料"
    merged = merge([Part(doc_c().build())], cover=CoverPage(title))
    first = next(xml(merged).iter(f"{W}p"))
    pieces = [el.text for el in first.iter(f"{W}t")]
    assert pieces == ["中共星河大学", "信息工程学院教工第一党支部", "2026年度组织生活会材料"]
    assert len(first.findall(f".//{W}br")) == 2


def test_right_hand_needs_a_section() -> None:
    with pytest.raises(BundleError, match="从右手页（奇数页）起排需要 start='section'"):
        Part(b"x", start="page", right_hand=True)


def _library(name: str) -> bytes:
    """A library template rendered with its own full fixture."""
    import tomllib

    from docgen.data import load_data
    from docgen.library import find_template
    from docgen.views import context_for

    folder = find_template(name).parent
    manifest = tomllib.loads((folder / "manifest.toml").read_text("utf-8"))
    root = folder.parents[2]
    return docgen.load(folder / "template.docx").render(
        context_for(load_data(root / manifest["fixture"]))
    )


def _pages(blob: bytes) -> list[tuple[str, str, tuple[str, ...]]]:
    """Each section's (width, height, (top, right, bottom, left)) in twips, in order."""
    found = []
    for sect in xml(blob).iter(f"{W}sectPr"):
        size, mar = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
        assert size is not None
        assert mar is not None
        edges = tuple(mar.get(f"{W}{side}") or "" for side in ("top", "right", "bottom", "left"))
        found.append((size.get(f"{W}w") or "", size.get(f"{W}h") or "", edges))
    return found


def test_cover_and_contents_stay_upright_after_a_landscape_first_part() -> None:
    """A 台账 bound first does not lay the cover and the 目录 across the sheet: they take the
    first upright part's page, or, with none, the landscape page turned upright (its margins
    back on the edges they lie on: the house style's portrait margins)."""
    ledger, plan = _library("plans/zhenggai-taizhang"), _library("plans/zhenggai-fangan")
    portrait = _pages(plan)[-1]
    landscape = _pages(ledger)[-1]
    assert int(landscape[0]) > int(landscape[1])
    cover = CoverPage("整改材料", ("某支部",))
    mixed = _pages(merge([Part(ledger), Part(plan)], cover=cover, toc=True))
    assert mixed[0] == portrait  # the cover
    assert mixed[1] == portrait  # the 目录
    alone = _pages(merge([Part(ledger), Part(ledger)], cover=cover, toc=True))
    assert alone[0] == portrait
    assert alone[1] == portrait
    assert alone[-1] == landscape  # the parts keep their own page
