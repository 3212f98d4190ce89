"""The README's clause-by-clause table covers every shipped .docx template."""

from __future__ import annotations

import fnmatch
import re

from docgen.library import is_workbook_template, list_templates, shipped_root
from tests.templates.conftest import ROOT, built_templates


def _rows() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    start = readme.index("What each template's layout follows, clause by clause")
    table = readme[start:].split("\n\n", 2)[1]
    return [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]


def test_every_template_has_its_row() -> None:
    """Each template is named in a row (or by a pattern such as ``speeches/*``), and every
    row but the common one cites a clause."""
    rows = _rows()
    names = [re.findall(r"[a-z]+/[a-z*-]+", row.split("|")[1]) for row in rows]
    patterns = [p for row in names for p in row]
    missing = [
        m.name for m in built_templates() if not any(fnmatch.fnmatch(m.name, p) for p in patterns)
    ]
    assert missing == []
    assert all("§" in row for row in rows[1:])
    assert len(rows) >= 8


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}


def _number(word: str) -> int:
    """An English number word as the README writes counts (“three”, “Thirty-five”)."""
    tens, _, unit = word.lower().partition("-")
    if tens in _TENS:
        return _TENS[tens] + (_UNITS.index(unit) if unit else 0)
    return _UNITS.index(tens)


def test_readme_counts_the_shipped_templates() -> None:
    """The README's “N templates (M of them workbooks)” is what ``docgen templates`` lists:
    several changes add templates, and each must leave the sentence true."""
    readme = (ROOT / "README.md").read_text("utf-8")
    found = re.search(r"([A-Z][a-z]+(?:-[a-z]+)?) templates \(([a-z]+) of them workbooks", readme)
    assert found is not None
    shipped = [m for m in list_templates() if m.template.is_relative_to(shipped_root())]
    workbooks = [m for m in shipped if is_workbook_template(m.template.name)]
    assert (_number(found[1]), _number(found[2])) == (len(shipped), len(workbooks))
