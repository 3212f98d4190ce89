"""``inspect_pdf``: measure a PDF and judge it against the house style, as one report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.i18n import tr
from docgen.inspect.check_fonts import font_findings
from docgen.inspect.check_layout import layout_findings
from docgen.inspect.check_numbers import number_findings
from docgen.inspect.check_text import text_findings
from docgen.inspect.fidelity import TextFidelity, check_text
from docgen.inspect.findings import Finding
from docgen.inspect.measurements import Measurements, measure_pdf
from docgen.inspect.spec import GBT_9704, LayoutSpec

_MARK = {"pass": "✓", "fail": "✗", "skip": "–"}


@dataclass(frozen=True)
class Inspection:
    """What was measured on one PDF and every finding about it."""

    measurements: Measurements
    findings: tuple[Finding, ...]
    #: The .docx compared with the PDF, when one was given.
    fidelity: TextFidelity | None = None

    @property
    def passed(self) -> bool:
        """Whether no check failed."""
        return all(f.passed for f in self.findings)

    @property
    def failures(self) -> list[Finding]:
        """The findings that failed."""
        return [f for f in self.findings if f.status == "fail"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the verdict, the findings (current language) and the measurements."""
        return {
            "file": self.measurements.file,
            "passed": self.passed,
            "findings": [f.to_dict() for f in self.findings],
            "measurements": self.measurements.to_dict(),
            "text": None if self.fidelity is None else _fidelity_dict(self.fidelity),
        }

    def describe(self) -> str:
        """A human report, one line per finding, in the current language."""
        head = tr(
            f"{self.measurements.file}：共 {len(self.measurements.pages)} 页",
            f"{self.measurements.file}: {len(self.measurements.pages)} page(s)",
        )
        lines = [head]
        for f in self.findings:
            # A multi-line detail (the lost characters, one run a line) stays under its finding.
            detail = "  " + str(f.detail).replace("\n", "\n      ") if str(f.detail) else ""
            lines.append(
                f"  {_MARK[f.status]} {f.check}{tr('：', ': ')}{f.measured}"
                + tr(f"（要求 {f.expected}）", f" (expected {f.expected})")
                + detail
            )
        failed = len(self.failures)
        lines.append(
            tr(f"  不符合要求 {failed} 项", f"  {failed} check(s) failed")
            if failed
            else tr("  全部符合版式要求", "  all checks passed")
        )
        return "\n".join(lines)


def inspect_pdf(
    path: str | Path, spec: LayoutSpec = GBT_9704, *, source: str | Path | None = None
) -> Inspection:
    """Measure the PDF at ``path`` and check it against ``spec`` (GB/T 9704 by default).

    With ``source`` (the .docx the PDF was made from) the report also checks that every
    character of the .docx is in the PDF, in order (:mod:`docgen.inspect.fidelity`).
    """
    measurements = measure_pdf(Path(path), spec)
    fidelity = None if source is None else check_text(source, path)
    findings = [
        *text_findings(fidelity),
        *layout_findings(measurements, spec),
        *font_findings(measurements, spec),
        *number_findings(measurements, spec),
    ]
    return Inspection(measurements, tuple(findings), fidelity)


def _fidelity_dict(fidelity: TextFidelity) -> dict[str, Any]:
    return {
        "docx": fidelity.docx,
        "characters": fidelity.expected,
        "lost_characters": fidelity.lost_chars,
        "lost": [
            {
                "page": item.page,
                "text": item.text,
                "before": item.before,
                "after": item.after,
                "out_of_order": item.out_of_order,
            }
            for item in fidelity.lost
        ],
    }
