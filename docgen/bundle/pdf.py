"""``--pdf`` for bundles and batches: every produced .docx also as PDF, next to it.

The documents go to one warm LibreOffice pool (:func:`docgen.convert.to_pdf`,
one office per CPU), so a bundle of a dozen documents pays the start-up once.
A file that does not convert is a failure of that file only, with exit code 7;
the others are still converted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docgen.bundle.hashing import file_hash
from docgen.bundle.production import Failure
from docgen.exceptions import ExitCode, Problem

#: The exit code of a conversion failure (``docgen --help``).


@dataclass(frozen=True)
class PdfJob:
    """A .docx to convert: where it is, its name in the output folder, who made it."""

    path: Path
    relpath: str
    step: str | None = None
    row: int | None = None


@dataclass(frozen=True)
class PdfOutput:
    """A PDF written next to its source document."""

    job: PdfJob
    path: Path
    relpath: str
    sha256: str
    size: int


@dataclass
class PdfResult:
    """The PDFs written, the documents that did not convert, and font warnings."""

    outputs: list[PdfOutput] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def pdf_relpath(relpath: str) -> str:
    """``folder/name.docx`` → ``folder/name.pdf``."""
    stem = relpath[: -len(".docx")] if relpath.lower().endswith(".docx") else relpath
    return f"{stem}.pdf"


def convert_documents(jobs: Sequence[PdfJob], *, workers: int | None = None) -> PdfResult:
    """Convert every job's .docx to PDF beside it; a failed file becomes a :class:`Failure`.

    Raises :class:`~docgen.convert.ToolNotFound` when LibreOffice is not installed.
    """
    result = PdfResult()
    if not jobs:
        return result  # no office is started for nothing
    by_source = {job.path.resolve(): job for job in jobs}
    # Imported here: `import docgen` (and every render) must not load the conversion machinery.
    from docgen.convert import to_pdf

    converted = to_pdf([job.path for job in jobs], workers=workers)
    result.warnings.extend(converted.warnings)
    for item in converted.outputs:
        job = by_source[item.source.resolve()]
        result.outputs.append(
            PdfOutput(
                job,
                item.output,
                pdf_relpath(job.relpath),
                file_hash(item.output) or "",
                item.output.stat().st_size,
            )
        )
    for failure in converted.failures:
        job = by_source[failure.source.resolve()]
        result.failures.append(
            Failure(
                "conversion_failed",
                ExitCode.CONVERSION,
                f"未能转换为 PDF：{failure.reason_zh}",
                f"did not convert to PDF: {failure.reason_en}",
                step=job.step,
                output=job.relpath,
                row=job.row,
            )
        )
    return result


__all__ = [
    "PdfJob",
    "PdfOutput",
    "PdfResult",
    "convert_documents",
    "pdf_relpath",
]
