"""The sealed sign-off (GB/T 9704 §7.3.5.1) measured on the PDF, beside the unsealed one.

One 问题与对策 report is rendered twice from the sample data, with ``signoff.sealed`` true
and false, and both are converted in one LibreOffice batch.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.data.models.report import Report
from docgen.library import find_template
from docgen.style.house import DEFAULT_STYLE
from docgen.views.report import report_context
from tests.style.printed import PrintedLine, convert, printed_lines

pytestmark = pytest.mark.real

DATA = Path(__file__).resolve().parents[2] / "fixtures/school/xxgc-jg1/2026/report.yaml"
ORG = "中共星河大学信息工程学院教工第一党支部"
SHORT = "中共信息工程学院教工第一党支部"
DATE = "2026年10月28日"


def _right_margin() -> float:
    return (DEFAULT_STYLE.page_width_mm - DEFAULT_STYLE.margins.right) / 25.4 * 72


@pytest.fixture(scope="module")
def signoffs(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[PrintedLine, PrintedLine]]:
    """``sealed``/``short``/``unsealed`` → the printed 署名 and 成文日期 lines."""
    model = docgen.load_data(DATA)
    assert isinstance(model, Report)
    assert model.signoff is not None
    template = docgen.load(find_template("reports/wenti-duice"))
    blobs = {}
    cases = (("sealed", True, ORG), ("short", True, SHORT), ("unsealed", False, ORG))
    orgs = {name: org for name, _, org in cases}
    for name, flag, org in cases:
        variant = model.model_copy(
            update={"signoff": model.signoff.model_copy(update={"sealed": flag, "org": org})}
        )
        blobs[name] = template.render(report_context(variant))
    pdfs = convert(blobs, tmp_path_factory.mktemp("sealed"))
    out = {}
    for name, pdf in pdfs.items():
        lines = list(printed_lines(pdf))
        org = next(ln for ln in lines if ln.text == orgs[name])
        date = next(ln for ln in lines if ln.text == DATE)
        out[name] = (org, date)
    return out


def test_sealed_date_four_characters_from_the_margin(
    signoffs: dict[str, tuple[PrintedLine, PrintedLine]],
) -> None:
    """Sealed: the date ends four characters from the right margin; a 署名 that fits is
    centred on it, one too long to centre ends at the margin."""
    for name in ("sealed", "short"):
        _, date = signoffs[name]
        assert abs(_right_margin() - date.x1 - 4 * date.size) <= 1.5, name
    org, date = signoffs["short"]
    assert abs((org.x0 + org.x1) / 2 - (date.x0 + date.x1) / 2) <= 4.0
    assert date.top > org.top
    long_org, _ = signoffs["sealed"]
    assert abs(_right_margin() - long_org.x1) <= 1.5


def test_unsealed_signoff_two_characters_from_the_margin(
    signoffs: dict[str, tuple[PrintedLine, PrintedLine]],
) -> None:
    """Unsealed: the 署名 ends two characters from the margin; the date starts two
    characters right of the 署名's first character."""
    org, date = signoffs["unsealed"]
    assert abs(_right_margin() - org.x1 - 2 * org.size) <= 1.5
    assert abs(date.x0 - org.x0 - 2 * org.size) <= 2.0
