"""The chart part from its shape's skeleton is python-pptx's whole chart, canonically, for
any words and numbers (docgen.engine.rich.chart_xml); the workbook holds them too."""

from __future__ import annotations

import io
import random

import openpyxl
import pytest
from lxml import etree

from docgen.engine.rich import chart_xml as cx
from docgen.engine.rich.chart_book import workbook
from docgen.engine.rich.chart_data import ChartTable

#: Words that need escaping or keep their spaces, line ends of every kind, and plain ones.
WORDS = ["理论学习", "党建&业务融合", "<x>", "q\"'", "tab\there", "cr\rlf\n", "a\r\nb", "", " sp "]


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def _table(rnd: random.Random, kind: str) -> ChartTable:
    points = rnd.randint(1, 9)
    count = 1 if kind == "pie" else rnd.randint(1, 4)
    categories = tuple(rnd.choice(WORDS) + str(i) for i in range(points))

    def value() -> float | None:
        if rnd.random() < 0.15:
            return None
        low = 0 if kind == "pie" else -50
        return rnd.choice([float(rnd.randint(low, 400)), rnd.random() * 1000, 1e20, 0.1])

    series = tuple(
        (rnd.choice(WORDS), tuple(value() for _ in range(points))) for _ in range(count)
    )
    return ChartTable(categories, series)


@pytest.mark.parametrize("kind", ["column", "bar", "line", "pie"])
def test_filled_skeleton_is_the_whole_chart(kind: str) -> None:
    """120 tables per kind (gaps, negatives, escapes, titles or none, labels or none)."""
    rnd = random.Random(kind)  # noqa: S311 -- varied test data, the same every run
    for _ in range(120):
        table = _table(rnd, kind)
        title = rnd.choice(["", "各类问题数", "a&<b>\r\n"])
        labels = rnd.random() < 0.5
        filled = cx.chart_xml(kind, table, title, labels)
        assert canonical(filled) == canonical(cx.pptx_chart_xml(kind, table, title, labels))


def test_one_skeleton_per_shape_whatever_the_numbers() -> None:
    """New numbers and words reuse the shape's skeleton and print themselves."""
    cx._skeleton.cache_clear()
    for n in range(5):
        table = ChartTable(
            (f"类别{n}", "组织生活"), ((f"系列{n}", (float(n), 7.5)), ("实到", (n + 0.25, None)))
        )
        xml = cx.chart_xml("column", table, f"第{n}张", True).decode()
        assert f"<c:v>类别{n}</c:v>" in xml
        assert f"<c:v>{n + 0.25}</c:v>" in xml
        assert f"第{n}张" in xml
    info = cx._skeleton.cache_info()
    assert (info.misses, info.hits) == (1, 4)


def test_text_xml_cannot_hold_takes_the_whole_path() -> None:
    """A control character: python-pptx's path, which refuses it as it always did."""
    table = ChartTable(("a\x01",), (("s", (1.0,)),))
    with pytest.raises(etree.XMLSyntaxError):
        cx.chart_xml("column", table, "", True)


def test_workbook_holds_words_and_numbers_as_written() -> None:
    categories = ("党建&业务融合", "<x>", "tab\there")
    table = ChartTable(categories, (("问题数", (6.0, None, 0.1)), ("a&b", (1e20, 2, -3))))
    book = openpyxl.load_workbook(io.BytesIO(workbook(table)))
    rows = [list(r) for r in book["Sheet1"].iter_rows(values_only=True)]
    assert rows == [
        [None, "问题数", "a&b"],
        ["党建&业务融合", 6, 1e20],
        ["<x>", None, 2],
        ["tab\there", 0.1, -3],
    ]
