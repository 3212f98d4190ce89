"""The README's clause-by-clause table covers every shipped .docx template."""

from __future__ import annotations

import fnmatch
import re

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
