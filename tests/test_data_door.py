"""``validate`` and ``render`` agree on every input: one data door behind both.

Every data fixture, every invalid fixture, and GB18030 / UTF-8-with-BOM / UTF-16
copies of ten fixtures go through ``docgen validate FILE`` and through
``docgen render TEMPLATE FILE`` with a library template of the file's kind (a
tag-free .docx for kinds no library template reads). Both must give the same
verdict, and a refusal must list the same problems; render may fail only for a
data reason (exit 4), never with a template-internal error about the data.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.data.kinds import detect_kind
from docgen.data.loaders import SUFFIXES, read_source
from docgen.exceptions import DataError
from docgen.i18n import set_language
from docgen.library import list_templates
from tests.docx_builder import make_docx, p

ROOT = Path(__file__).resolve().parents[1]
#: Sign-in exports (签到文件) are read by the minutes naming them, not as data of a kind.
_NOT_DATA = {
    "fixtures/bundles",
    "fixtures/school/make_roster.py",
    "fixtures/school/xxgc-jg1/2026/signin",
}


def data_fixtures() -> list[Path]:
    """Every data file under fixtures/ (recipes and scripts excluded)."""
    found = []
    for path in sorted((ROOT / "fixtures").rglob("*")):
        rel = path.relative_to(ROOT).as_posix()
        if path.suffix.lower() in SUFFIXES and not any(rel.startswith(n) for n in _NOT_DATA):
            found.append(path)
    return found


FIXTURES = data_fixtures()
#: Ten text fixtures of different kinds, re-encoded in three ways.
REENCODED = [
    f
    for f in FIXTURES
    if f.suffix == ".yaml"
    and any(
        f.match(pat)
        for pat in (
            "school/university.yaml",
            "school/branches/xxgc-jg1.yaml",
            "2026/rectification.yaml",
            "2026/annual_plan.yaml",
            "2026/speech.yaml",
            "2026/report.yaml",
            "2026/org_life_meeting.yaml",
            "minutes/2026-03-zhiweihui.yaml",
            "invalid/present_exceeds_due.yaml",
            "invalid/ten_errors.yaml",
        )
    )
]
CODECS = ("gb18030", "utf-8-sig", "utf-16")


def _templates_by_kind() -> dict[str, list[tuple[str, str]]]:
    """Library templates of each kind, as (name, repository path of its full fixture)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for manifest in list_templates():
        out.setdefault(manifest.kind, []).append((manifest.name, manifest.fixture))
    return out


TEMPLATES = _templates_by_kind()


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template without tags: any data renders into it."""
    path = tmp_path_factory.mktemp("blank") / "blank.docx"
    path.write_bytes(make_docx(p("空白")))
    return path


def _kind_of(path: Path) -> str | None:
    try:
        raw = read_source(path)
    except DataError:  # unreadable files have no kind; both doors refuse them
        return None
    return detect_kind(raw.data) if isinstance(raw.data, dict) else None


def _template_for(path: Path, blank: Path) -> str:
    """The library template whose manifest names ``path``, else the first of its kind."""
    kind = _kind_of(path)
    choices = TEMPLATES.get(kind or "", [])
    rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else ""
    named = [name for name, fixture in choices if fixture == rel]
    if named:
        return named[0]
    if choices and kind != "report":
        return choices[0][0]
    if kind == "report":
        # Report templates are per subkind: the one whose fixture has the same subkind.
        subkind = _subkind(path)
        for name, fixture in choices:
            if _subkind(ROOT / fixture) == subkind:
                return name
    return str(blank)


def _subkind(path: Path) -> str | None:
    try:
        data = read_source(path).data
    except DataError:  # see _kind_of
        return None
    return str(data.get("subkind")) if isinstance(data, dict) else None


_CODE = re.compile(r"\[(\w+)\]\s*$")


def _codes(stderr: str) -> list[str]:
    return sorted(m.group(1) for line in stderr.splitlines() if (m := _CODE.search(line)))


def _verdicts(data: Path, template: str, out: Path) -> tuple[tuple[int, list[str]], ...]:
    runner = CliRunner()
    set_language("zh")
    checked = runner.invoke(main, ["validate", str(data)])
    rendered = runner.invoke(main, ["render", template, str(data), "-o", str(out)])
    set_language(None)
    return (
        (checked.exit_code, _codes(checked.stderr)),
        (rendered.exit_code, _codes(rendered.stderr)),
    )


def _assert_agree(data: Path, template: str, out: Path) -> tuple[tuple[int, list[str]], ...]:
    if template.endswith("-xlsx"):  # a workbook template writes a workbook
        out = out.with_suffix(".xlsx")
    verdicts = _verdicts(data, template, out)
    (v_exit, v_codes), (r_exit, r_codes) = verdicts
    assert v_exit in (0, 4), f"validate {data}: exit {v_exit}"
    assert r_exit in (0, 4), f"render {template} {data}: exit {r_exit} (not a data verdict)"
    assert (v_exit, v_codes) == (r_exit, r_codes), (data, template)
    assert out.is_file() is (r_exit == 0)
    return verdicts


@pytest.mark.parametrize("path", FIXTURES, ids=lambda f: f.relative_to(ROOT).as_posix())
def test_validate_and_render_agree(path: Path, blank: Path, tmp_path: Path) -> None:
    """Same verdict and same problems from ``validate`` and ``render`` on every fixture."""
    _assert_agree(path, _template_for(path, blank), tmp_path / "out.docx")


@pytest.mark.parametrize("codec", CODECS)
@pytest.mark.parametrize("path", REENCODED, ids=lambda f: f.name)
def test_reencoded_copies_agree(path: Path, codec: str, blank: Path, tmp_path: Path) -> None:
    """A copy saved as GB18030, UTF-8 with BOM or UTF-16 gets the original's verdict.

    The copy replaces the original in a copy of fixtures/, so the branch files it
    refers to are found beside it as for the original.
    """
    tree = tmp_path / "repo"
    shutil.copytree(ROOT / "fixtures", tree / "fixtures")
    copy = tree / path.relative_to(ROOT)
    copy.write_bytes(path.read_text(encoding="utf-8").encode(codec))
    assert copy.read_bytes() != path.read_bytes()  # every one of them holds Chinese text
    template = _template_for(path, blank)
    again = _assert_agree(copy, template, tmp_path / "b.docx")
    assert again == _verdicts(path, template, tmp_path / "a.docx")


def test_the_lists_are_not_empty() -> None:
    """The parametrised lists really hold the fixtures (ten re-encoded, invalid ones included)."""
    assert len(REENCODED) == 10
    assert any(f.parent.name == "invalid" for f in FIXTURES)
    assert len(FIXTURES) > 100
