"""``--pdf`` for bundles and batches: every produced .docx also as PDF, next to it.

The documents go to one warm LibreOffice pool (:func:`docgen.convert.to_pdf`,
one office per CPU), so a bundle of a dozen documents pays the start-up once.
A file that does not convert is a failure of that file only, with exit code 7;
the others are still converted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from docgen.exceptions import Problem
from docgen.results import Failure, Output


@dataclass(frozen=True)
class PdfJob:
    """A .docx to convert: where it is, its name in the output folder, who made it."""

    path: Path
    relpath: str
    step: str | None = None
    row: int | None = None


@dataclass
class PdfResult:
    """The PDFs written (``source`` the .docx each came from), the documents that did not
    convert, and font warnings."""

    outputs: list[Output] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def pdf_relpath(relpath: str) -> str:
    """``folder/name.docx`` → ``folder/name.pdf``."""
    stem = relpath[: -len(".docx")] if relpath.lower().endswith(".docx") else relpath
    return f"{stem}.pdf"


def convert_documents(
    jobs: Sequence[PdfJob], *, workers: int | None = None, pool: Any = None
) -> PdfResult:
    """Convert every job's .docx to PDF beside it; a failed file becomes a :class:`Failure`.

    Raises :class:`~docgen.convert.ToolNotFound` when LibreOffice is not installed.
    """
    result = PdfResult()
    if not jobs:
        return result  # no office is started for nothing
    by_source = {job.path.resolve(): job for job in jobs}
    # Imported here: `import docgen` (and every render) must not load the conversion machinery.
    from docgen.convert import to_pdf

    paths = [job.path for job in jobs]
    # A pool the caller already warmed (the volume's layout pass) is used as it is.
    converted = pool.convert(paths) if pool is not None else to_pdf(paths, workers=workers)
    result.warnings.extend(converted.warnings)
    for item in [*converted.outputs, *converted.failures]:
        assert item.source is not None  # noqa: S101 -- every conversion names its source
        placed = for_job(by_source[item.source.resolve()], item)
        if isinstance(placed, Output):
            result.outputs.append(placed)
        else:
            result.failures.append(placed)
    return result


def for_job(job: PdfJob, item: Output | Failure) -> Output | Failure:
    """A conversion's outcome named as ``job``'s: the PDF beside its document in the output
    folder, or the failure of that document, with its step and row."""
    if isinstance(item, Output):
        return replace(
            item, relpath=pdf_relpath(job.relpath), step=job.step, row=job.row, source=job.path
        )
    return replace(
        item,
        message_zh=f"未能转换为 PDF：{item.message_zh}",
        message_en=f"did not convert to PDF: {item.message_en}",
        step=job.step,
        output=job.relpath,
        row=job.row,
    )


__all__ = [
    "PdfJob",
    "PdfResult",
    "convert_documents",
    "for_job",
    "pdf_relpath",
]
