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
from docgen.inspect.lines import read_pages
from docgen.inspect.links import internal_links
from docgen.inspect.measurements import Measurements, measure_pdf
from docgen.inspect.spec import GBT_9704, LayoutSpec
from docgen.inspect.volume import (
    VolumeLayout,
    describe_layout,
    span,
    split_volume,
    volume_findings,
)

_MARK = {"pass": "✓", "fail": "✗", "skip": "–"}


@dataclass(frozen=True)
class PartInspection:
    """One document of a merged volume: its PDF pages, measured and judged on their own."""

    pages: tuple[int, ...]
    measurements: Measurements
    findings: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        """Whether no check of the part failed."""
        return all(f.passed for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: pages, title, verdict, findings and measurements."""
        return {
            "pages": list(self.pages),
            "title": self.measurements.title,
            "passed": self.passed,
            "findings": [f.to_dict() for f in self.findings],
            "measurements": self.measurements.to_dict(),
        }


@dataclass(frozen=True)
class Inspection:
    """What was measured on one PDF and every finding about it.

    For a merged volume (:mod:`docgen.inspect.volume`) ``findings`` are those of the volume as
    a whole (text, blank pages, right-hand starts, numbers across parts) and ``parts`` hold
    each document's own; ``measurements`` are then of the whole PDF, for reference only.
    """

    measurements: Measurements
    findings: tuple[Finding, ...]
    #: The .docx compared with the PDF, when one was given.
    fidelity: TextFidelity | None = None
    parts: tuple[PartInspection, ...] = ()
    layout: VolumeLayout | None = None

    @property
    def passed(self) -> bool:
        """Whether no check failed, in the volume or any of its parts."""
        return all(f.passed for f in self.findings) and all(p.passed for p in self.parts)

    @property
    def failures(self) -> list[Finding]:
        """The findings that failed (the volume's, then each part's; pages name the PDF page)."""
        every = [*self.findings, *(f for p in self.parts for f in p.findings)]
        return [f for f in every if f.status == "fail"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the verdict, the findings (current language) and the measurements."""
        return {
            "file": self.measurements.file,
            "passed": self.passed,
            "findings": [f.to_dict() for f in self.findings],
            "measurements": self.measurements.to_dict(),
            "text": None if self.fidelity is None else _fidelity_dict(self.fidelity),
            "volume": None if self.layout is None else _layout_dict(self.layout),
            "parts": [p.to_dict() for p in self.parts],
        }

    def describe(self) -> str:
        """A human report, one line per finding, in the current language."""
        head = tr(
            f"{self.measurements.file}：共 {len(self.measurements.pages)} 页",
            f"{self.measurements.file}: {len(self.measurements.pages)} page(s)",
        )
        if self.layout is not None:
            head += tr(
                f"，合订本（{describe_layout(self.layout)}）",
                f", a volume ({describe_layout(self.layout)})",
            )
        lines = [head, *_finding_lines(self.findings, "  ")]
        for number, part in enumerate(self.parts, 1):
            title = part.measurements.title
            where = tr(
                f"第 {number} 部分（第 {span(part.pages)} 页）",
                f"part {number} (pages {span(part.pages)})",
            )
            lines.append(f"  {where}{tr(f'《{title}》', f' {title}') if title else ''}")
            lines.extend(_finding_lines(part.findings, "    "))
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
    character of the .docx is in the PDF, in order (:mod:`docgen.inspect.fidelity`). A merged
    volume is judged part by part (:mod:`docgen.inspect.volume`).
    """
    pdf = Path(path)
    pages = read_pages(pdf)
    fidelity = None if source is None else check_text(source, path)
    layout = split_volume(pages, internal_links(pdf))
    measurements = measure_pdf(pdf, spec, pages)
    if not layout.is_volume:
        findings = [*text_findings(fidelity), *document_findings(measurements, spec)]
        return Inspection(measurements, tuple(findings), fidelity)
    by_number = {p.number: p for p in pages}
    parts = []
    for numbers in layout.parts:
        part = measure_pdf(pdf, spec, [by_number[n] for n in numbers])
        parts.append(PartInspection(numbers, part, tuple(document_findings(part, spec))))
    findings = [*text_findings(fidelity), *volume_findings(layout)]
    return Inspection(measurements, tuple(findings), fidelity, tuple(parts), layout)


def document_findings(measurements: Measurements, spec: LayoutSpec) -> list[Finding]:
    """The layout, font and page-number checks of one document."""
    return [
        *layout_findings(measurements, spec),
        *font_findings(measurements, spec),
        *number_findings(measurements, spec),
    ]


def _finding_lines(findings: tuple[Finding, ...], indent: str) -> list[str]:
    lines = []
    for f in findings:
        # A multi-line detail (the lost characters, one run a line) stays under its finding.
        detail = "  " + str(f.detail).replace("\n", "\n" + indent + "    ") if str(f.detail) else ""
        lines.append(
            f"{indent}{_MARK[f.status]} {f.check}{tr('：', ': ')}{f.measured}"
            + tr(f"（要求 {f.expected}）", f" (expected {f.expected})")
            + detail
        )
    return lines


def _layout_dict(layout: VolumeLayout) -> dict[str, Any]:
    return {
        "front": list(layout.front),
        "blank": list(layout.blank),
        "parts": [list(p) for p in layout.parts],
    }


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
