"""``docgen batch --pdf``: after the rows, every .docx of the folder also as PDF.

Conversion runs in the parent, once all rows are written, through one warm
LibreOffice pool (one office per CPU) shared by every row: starting offices per
row would cost more than converting. Each PDF is recorded in the manifest like
any output, with the sha256 of its source document as its data hash, so a rerun
converts only documents whose PDF is missing, damaged or older than the document.
"""

from __future__ import annotations

from pathlib import Path

from docgen.batching.manifest import Entry, Manifest
from docgen.batching.result import BatchResult
from docgen.bundle.hashing import file_hash
from docgen.bundle.pdf import PdfJob, convert_documents, pdf_relpath

#: Manifest kinds of outputs that are .docx documents.
_DOCUMENT_KINDS = frozenset({"document", "merged"})


def convert_batch(
    result: BatchResult, manifest: Manifest, *, force: bool = False, workers: int | None = None
) -> None:
    """Convert the batch's documents whose PDF is not up to date; record PDFs and failures."""
    sources: dict[Path, Entry] = {}
    jobs: list[PdfJob] = []
    for entry in sorted(manifest.outputs.values(), key=lambda e: (e.row, e.relpath)):
        if entry.kind not in _DOCUMENT_KINDS or not entry.relpath.lower().endswith(".docx"):
            continue
        target = pdf_relpath(entry.relpath)
        if not force and _up_to_date(manifest, entry, target):
            result.unchanged.append(target)
            result.pdfs.append(target)
            continue
        path = manifest.out_dir.joinpath(*entry.relpath.split("/"))
        sources[path] = entry
        jobs.append(PdfJob(path, entry.relpath, entry.step, entry.row))
    converted = convert_documents(jobs, workers=workers)
    for pdf in converted.outputs:
        assert pdf.source is not None  # noqa: S101 -- a converted PDF names its document
        source = sources[pdf.source]
        manifest.add_output(
            Entry(
                pdf.relpath,
                source.row,
                "pdf",
                source.step,
                source.template,
                source.template_sha256,
                source.sha256,
                pdf.sha256,
                pdf.size,
                source.key,
            )
        )
        result.written.append(pdf.relpath)
        result.pdfs.append(pdf.relpath)
    result.failures.extend(converted.failures)
    result.conversion_warnings.extend(w.describe() for w in converted.warnings)
    manifest.save()


def _up_to_date(manifest: Manifest, source: Entry, target: str) -> bool:
    """The PDF was made from exactly this document and is on disk intact."""
    entry = manifest.outputs.get(target)
    if entry is None or entry.data_hash != source.sha256:
        return False
    return file_hash(manifest.out_dir.joinpath(*target.split("/"))) == entry.sha256


__all__ = ["convert_batch"]
