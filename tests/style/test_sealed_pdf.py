"""The sealed sign-off (GB/T 9704 §7.3.5.1) measured on the PDF, beside the unsealed one.

One 问题与对策 report is rendered from the sample data with ``signoff.sealed`` true and false
(and a shorter 署名), the landscape 整改台账 sealed and unsealed (the sign-off is placed by
indents from the right margin, so one rule serves the 225 mm line too), and all are
converted in one LibreOffice batch.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.data.models.report import Report
from docgen.library import find_template
from docgen.style.house import DEFAULT_STYLE
from docgen.views import context_for
from docgen.views.report import report_context
from tests.style.printed import PrintedLine, convert, printed_lines

pytestmark = pytest.mark.real

SCHOOL = Path(__file__).resolve().parents[2] / "fixtures/school/xxgc-jg1/2026"
DATA = SCHOOL / "report.yaml"
ORG = "中共星河大学信息工程学院教工第一党支部"
SHORT = "中共信息工程学院教工第一党支部"
DATE = "2026年10月28日"
LEDGER_DATE = "2026年12月30日"


def _right_margin(landscape: bool = False) -> float:
    if landscape:
        right = DEFAULT_STYLE.page_height_mm - DEFAULT_STYLE.landscape_margins().right
        return right / 25.4 * 72
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
    plan = docgen.load_data(SCHOOL / "rectification.yaml")
    sign = getattr(plan, "signoff", None)
    assert sign is not None
    ledger = docgen.load(find_template("plans/zhenggai-taizhang"))
    for name, flag in (("ledger_sealed", True), ("ledger", False)):
        variant = plan.model_copy(update={"signoff": sign.model_copy(update={"sealed": flag})})
        blobs[name] = ledger.render(context_for(variant))
        orgs[name] = ORG
    pdfs = convert(blobs, tmp_path_factory.mktemp("sealed"))
    out = {}
    for name, pdf in pdfs.items():
        lines = list(printed_lines(pdf))
        day = LEDGER_DATE if name.startswith("ledger") else DATE
        # The last line reading the 署名 (a title may name the branch too).
        org = [ln for ln in lines if ln.text == orgs[name]][-1]
        date = next(ln for ln in lines if ln.text == day and ln.top > org.top)
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


def test_landscape_signoff_follows_the_same_rules(
    signoffs: dict[str, tuple[PrintedLine, PrintedLine]],
) -> None:
    """On the landscape 台账 the sign-off keeps its distances from the wide line's margin:
    unsealed two characters (date two right of the 署名's start), sealed four for the date."""
    margin = _right_margin(landscape=True)
    org, date = signoffs["ledger"]
    assert abs(margin - org.x1 - 2 * org.size) <= 1.5
    assert abs(date.x0 - org.x0 - 2 * org.size) <= 2.0
    _, sealed_date = signoffs["ledger_sealed"]
    assert abs(margin - sealed_date.x1 - 4 * sealed_date.size) <= 1.5
