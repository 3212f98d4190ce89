"""Before LibreOffice sees a Word file: checked, and cut off from everything outside it.

LibreOffice follows a document's external references when it converts it: a
linked picture is read from the disk (``file:///…``) or fetched (``http://…``) and
embedded in the PDF. So a .docx is read by docgen's own package checks first
(a damaged or lying zip fails here, with the member named) and, when it refers
outside itself, LibreOffice is given a copy without those references, and the
result says what was removed. Web hyperlinks stay: no reader follows them on
its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docgen.engine.external import neutralised
from docgen.engine.package import Package
from docgen.exceptions import Location, Problem, TemplateError

__all__ = ["Prepared", "prepare"]

_WORD = {".docx", ".docm", ".dotx", ".dotm"}


@dataclass(frozen=True)
class Prepared:
    """The file to hand LibreOffice, the warnings to report, or why the file is refused."""

    path: Path
    warnings: tuple[Problem, ...] = ()
    refusal: tuple[str, str] | None = None


def prepare(source: Path, scratch: Path) -> Prepared:
    """Check ``source``; a copy in ``scratch`` (same file name) when references were removed."""
    if source.suffix.lower() not in _WORD:
        return Prepared(source)
    try:
        package = Package(str(source), source.read_bytes())
    except TemplateError as err:
        return Prepared(source, refusal=(_reason(err, zh=True), _reason(err, zh=False)))
    except OSError as err:
        return Prepared(source, refusal=(f"无法读取：{err}", f"cannot read: {err}"))
    blob, removed = neutralised(package)
    if not removed:
        return Prepared(source)
    scratch.mkdir(parents=True, exist_ok=True)
    copy = scratch / source.name
    copy.write_bytes(blob)
    warnings = tuple(
        Problem(
            "external_reference_removed",
            f"已去掉文档以外的引用（{ref.kind}：{ref.target}），转换时不会读取",
            f"removed a reference outside the document ({ref.kind}: {ref.target}); it was not read",
            Location(file=str(source), part=ref.part),
            severity="warning",
        )
        for ref in removed
    )
    return Prepared(copy, warnings)


def _reason(err: TemplateError, zh: bool) -> str:
    head = err.message_zh if zh else err.message_en
    problems = getattr(err, "problems", ())
    details = [p.message_zh if zh else p.message_en for p in problems]
    return "；".join([head, *details]) if zh else "; ".join([head, *details])
