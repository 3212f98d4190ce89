"""A render stamps docProps/core.xml: render time by default, fixed when asked, kept for docxtpl."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest

import docgen
from docgen import stamp
from docgen.engine.core_props import dated_core
from tests.core_dates import clock_window, core, dates, title, within
from tests.docx_builder import make_docx, p, paragraph_texts

# A template as Word saves it: the core properties carry the template's own dates.
_DATED = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{{ name }}的卡片</dc:title>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2019-05-04T08:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2020-07-01T09:30:00Z</dcterms:modified>'
    "</cp:coreProperties>"
)


def _template(core_xml: str | None = _DATED) -> docgen.Template:
    blob = make_docx(p("{{ name }}"), title="占位")
    if core_xml is not None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(blob)) as old, zipfile.ZipFile(buffer, "w") as new:
            for info in old.infolist():
                data = old.read(info)
                new.writestr(info, core_xml if info.filename == "docProps/core.xml" else data)
        blob = buffer.getvalue()
    return docgen.Template(blob)


@pytest.fixture
def no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite sets SOURCE_DATE_EPOCH (tests/conftest.py); the default needs it unset."""
    monkeypatch.delenv(stamp.ENV, raising=False)


def test_default_render_is_stamped_with_the_render_time(no_epoch: None) -> None:
    with clock_window() as window:
        blob = _template().render({"name": "王芳"})
    assert within(blob, window), dates(blob)
    assert title(blob) == "王芳的卡片"  # the title's tags still render
    assert paragraph_texts(blob) == ["王芳"]


def test_source_date_epoch_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(stamp.ENV, "1767312000")
    expected = dt.datetime(2026, 1, 2, tzinfo=dt.UTC)
    assert dates(_template().render({"name": "甲"})) == (expected, expected)
    assert dates(_template().render({"name": "甲"}, deterministic=True)) == (expected, expected)


def test_deterministic_is_the_documented_moment_and_the_same_bytes(no_epoch: None) -> None:
    template = _template()
    first = template.render({"name": "李明"}, deterministic=True)
    second = template.render({"name": "李明"}, deterministic=True)
    assert dates(first) == (stamp.FIXED, stamp.FIXED)
    assert first == second


def test_a_given_moment_is_used(no_epoch: None) -> None:
    moment = dt.datetime(2026, 6, 30, 12, 0, 5, tzinfo=dt.UTC)
    blob = _template().render({"name": "甲"}, moment=moment, deterministic=True)
    assert dates(blob) == (moment, moment)


def test_keep_dates_leaves_the_templates_own(no_epoch: None) -> None:
    blob = _template().render({"name": "甲"}, keep_dates=True)
    assert [d.isoformat() for d in dates(blob)] == [
        "2019-05-04T08:00:00+00:00",
        "2020-07-01T09:30:00+00:00",
    ]


def test_a_core_part_without_dates_gets_both(no_epoch: None) -> None:
    """make_docx's core part has a title only; the stamp adds well-typed date elements."""
    with clock_window() as window:
        blob = _template(None).render({"name": "甲"})
    assert within(blob, window)
    xsi = "{http://www.w3.org/2001/XMLSchema-instance}type"
    created = core(blob).find("{http://purl.org/dc/terms/}created")
    assert created is not None
    assert created.get(xsi) == "dcterms:W3CDTF"
    props = docx.Document(io.BytesIO(blob)).core_properties  # read as Word would
    assert props.created == props.modified == dates(blob)[0]


def test_a_package_without_core_properties_renders_unchanged() -> None:
    blob = docgen.Template(make_docx(p("{{ name }}"))).render({"name": "甲"})
    assert "docProps/core.xml" not in zipfile.ZipFile(io.BytesIO(blob)).namelist()
    assert paragraph_texts(blob) == ["甲"]


def test_dated_core_replaces_existing_dates() -> None:
    moment = dt.datetime(2026, 12, 4, 20, 31, 7, tzinfo=dt.UTC)
    xml = dated_core(_DATED.encode(), moment).decode()
    assert xml.count("2026-12-04T20:31:07Z") == 2
    assert "2019" not in xml
    assert "2020" not in xml
