"""Every shipped house-style template, rendered with its full and its minimal fixture and
converted, passes inspect."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import docgen
from docgen.inspect import Inspection, inspect_pdf
from docgen.inspect.spec import FORM, GBT_9704, LayoutSpec

pytestmark = pytest.mark.real

REPO = Path(__file__).resolve().parents[2]
# Templates generated from the house style name the fixture they are rendered with
# (workbook templates are checked by tests/templates/test_workbooks.py).
MANIFESTS = sorted(
    p
    for p in (REPO / "templates").glob("*/*/manifest.toml")
    if "fixture" in tomllib.loads(p.read_text("utf-8")) and (p.parent / "template.docx").is_file()
)


#: The PDFs the module fixture made (for a second look under another layout).
_PDFS: list[Path] = []


@pytest.fixture(scope="module")
def inspected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Inspection]:
    """Each template rendered with its full and its minimal fixture, all converted in one
    docgen.convert batch."""
    from docgen.convert import to_pdf
    from docgen.data import load_data
    from docgen.views import context_for

    folder = tmp_path_factory.mktemp("shipped")
    sources = []
    for manifest in MANIFESTS:
        described = tomllib.loads(manifest.read_text("utf-8"))
        for variant in VARIANTS:
            target = folder / f"{manifest.parent.name}{variant}.docx"
            docgen.load(manifest.parent / "template.docx").render_to(
                target, context_for(load_data(REPO / described[VARIANTS[variant]]))
            )
            sources.append(target)
    result = to_pdf(sources, folder / "pdf").raise_for_failures()
    _PDFS.extend(result.paths)
    # With the .docx, so the report also fails a lost character (issue 9 §1).
    return {
        p.stem: inspect_pdf(p, _spec(p.stem), source=folder / f"{p.stem}.docx")
        for p in result.paths
    }


#: The data each template is judged with: its full fixture and its minimal one (file stem
#: suffix → manifest key).
VARIANTS = {"": "fixture", ".min": "minimal"}

#: The templates printed on landscape pages: judged against the portrait block turned a quarter.
LANDSCAPE = {"plans/xuexi-anpai-biao", "plans/zhenggai-taizhang"}


#: Forms handed out to be filled in, one sheet a copy: judged by the tables' small type
#: (docgen.inspect.spec.FORM, ``docgen inspect --form``).
FORMS = {"plans/minzhu-ceping-biao"}


def _spec(stem: str) -> LayoutSpec:
    """The layout a rendered template (file stem, variant suffix and all) is judged by."""
    return FORM if any(stem.split(".")[0] == f.split("/")[1] for f in FORMS) else GBT_9704


def _name(manifest: Path) -> str:
    return f"{manifest.parent.parent.name}/{manifest.parent.name}"


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("manifest", MANIFESTS, ids=_name)
def test_template_passes_inspect(
    manifest: Path, variant: str, inspected: dict[str, Inspection]
) -> None:
    """No finding fails, with full and with minimal data: every character printed,
    margins, body face and size, 22 lines, exactly 28 characters on every full line,
    page numbers."""
    report = inspected[manifest.parent.name + variant]
    assert report.failures == [], report.describe()
    assert report.fidelity is not None
    assert report.fidelity.expected > 0
    assert report.measurements.page_numbers, "no page numbers found"


@pytest.mark.parametrize("name", sorted(LANDSCAPE))
def test_landscape_templates_are_measured_on_the_turned_block(
    name: str, inspected: dict[str, Inspection]
) -> None:
    """Landscape pages are measured against the turned block, which sits where it should."""
    assert name in {_name(m) for m in MANIFESTS}
    report = inspected[name.split("/")[1]]
    assert report.failures == [], report.describe()
    turned = report.measurements.turned_margins
    assert turned is not None
    assert turned.left == pytest.approx(35, abs=1)
    assert turned.right == pytest.approx(37, abs=1)
    assert all(n.turned_block for n in report.measurements.page_numbers)


@pytest.mark.parametrize("name", sorted(FORMS))
def test_forms_are_judged_by_their_small_type(
    name: str, inspected: dict[str, Inspection]
) -> None:
    """A form passes as a form, and only as one: its text is 小四 on 18 pt lines, which the
    公文 body rules (3号 on 28.95 pt) refuse; margins, faces and page numbers hold as well."""
    assert name in {_name(m) for m in MANIFESTS}
    report = inspected[name.split("/")[1]]
    assert report.failures == [], report.describe()
    assert report.measurements.page_numbers, "no page numbers found"
    pdf = next(tmp for tmp in _PDFS if tmp.stem == name.split("/")[1])
    as_document = {f.code for f in inspect_pdf(pdf).failures}
    assert as_document == {"body_size", "line_pitch"}
