"""The error ``docgen inspect`` raises when a file cannot be read as a PDF."""

from __future__ import annotations

from docgen.exceptions import DocgenError


class InspectError(DocgenError):
    """The file given to ``inspect`` is not a readable PDF (missing, damaged, encrypted, empty).

    Exit code 4, as for any input file docgen cannot read. A PDF that reads fine but breaks the
    house style is not an error: it is a report with failing findings.
    """

    exit_code = 4
    code = "inspect_unreadable"
