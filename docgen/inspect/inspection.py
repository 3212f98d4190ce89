"""``inspect_pdf``: measure a PDF and judge it against the house style, as one report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.i18n import tr
from docgen.inspect.check_fonts import font_findings
from docgen.inspect.check_layout import layout_findings
from docgen.inspect.check_numbers import number_findings
from docgen.inspect.findings import Finding
from docgen.inspect.measurements import Measurements, measure_pdf
from docgen.inspect.spec import GBT_9704, LayoutSpec

_MARK = {"pass": "✓", "fail": "✗", "skip": "–"}


@dataclass(frozen=True)
class Inspection:
    """What was measured on one PDF and every finding about it."""

    measurements: Measurements
    findings: tuple[Finding, ...]

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
        }

    def describe(self) -> str:
        """A human report, one line per finding, in the current language."""
        head = tr(
            f"{self.measurements.file}：共 {len(self.measurements.pages)} 页",
            f"{self.measurements.file}: {len(self.measurements.pages)} page(s)",
        )
        lines = [head]
        for f in self.findings:
            detail = f"  {f.detail}" if str(f.detail) else ""
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


def inspect_pdf(path: str | Path, spec: LayoutSpec = GBT_9704) -> Inspection:
    """Measure the PDF at ``path`` and check it against ``spec`` (GB/T 9704 by default)."""
    measurements = measure_pdf(Path(path), spec)
    findings = [
        *layout_findings(measurements, spec),
        *font_findings(measurements, spec),
        *number_findings(measurements, spec),
    ]
    return Inspection(measurements, tuple(findings))
